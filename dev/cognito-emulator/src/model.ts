/** Building and presenting pools and users in the shapes the Cognito API uses (app clients: clients.ts). */
import { randomInt, randomUUID } from 'node:crypto';
import type { Ctx } from './context';
import type { AppClient, Pool, User, UserStatus } from './types';
import { cognitoError } from './errors';
import { DEFAULT_PASSWORD_POLICY } from './policy';
import { makeVerifier } from './srp';
import { canRead, parseCustomAttributes, schemaView } from './schema';

type Input = Record< string, unknown >;

/** A required string parameter, or Cognito's validation error naming it. */
export function str( input: Input, name: string ): string {
	const value = input[ name ];
	if ( typeof value !== 'string' || value === '' ) {
		throw cognitoError(
			'invalidParameter',
			`1 validation error detected: Value at '${ name }' failed to satisfy constraint: Member must not be null`
		);
	}
	return value;
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const randomText = ( n: number, set: string ) =>
	Array.from( { length: n }, () => set[ randomInt( set.length ) ] ).join(
		''
	);

export const newPoolId = ( region = 'us-east-1' ) =>
	`${ region }_${ randomText( 9, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789' ) }`;
export const newClientId = () => randomText( 26, ALNUM );
export const epochSec = ( ms: number ) => Math.floor( ms / 1000 );

export function newPool( ctx: Ctx, input: Input, id?: string ): Pool {
	const policy = ( ( input.Policies as Input | undefined )?.PasswordPolicy ??
		{} ) as Input;
	return {
		id: id ?? newPoolId(),
		name: typeof input.PoolName === 'string' ? input.PoolName : 'pool',
		createdAt: ctx.clock.now(),
		passwordPolicy: { ...DEFAULT_PASSWORD_POLICY, ...( policy as object ) },
		mfaConfiguration:
			( input.MfaConfiguration as Pool[ 'mfaConfiguration' ] ) ?? 'OFF',
		autoVerifiedAttributes:
			( input.AutoVerifiedAttributes as string[] ) ?? [],
		usernameAttributes: ( input.UsernameAttributes as string[] ) ?? [],
		aliasAttributes: ( input.AliasAttributes as string[] ) ?? [],
		customAttributes: parseCustomAttributes( input.Schema ),
		keepOriginalAttributes: keepOriginal(
			input.UserAttributeUpdateSettings
		),
	};
}

/** UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate: a subset of email, phone_number. */
function keepOriginal( settings: unknown ): string[] {
	const list = ( settings as Input | undefined )
		?.AttributesRequireVerificationBeforeUpdate;
	const names = Array.isArray( list ) ? list.map( String ) : [];
	if ( names.some( ( n ) => n !== 'email' && n !== 'phone_number' ) ) {
		throw cognitoError(
			'invalidParameter',
			`1 validation error detected: Value '[${ names.join( ', ' ) }]' at 'userAttributeUpdateSettings.attributesRequireVerificationBeforeUpdate' failed to satisfy constraint: Member must satisfy enum value set: [phone_number, email]`
		);
	}
	return [ ...new Set( names ) ];
}

export function newUser(
	ctx: Ctx,
	pool: Pool,
	username: string,
	password: string,
	attributes: Record< string, string >,
	status: UserStatus
): User {
	const now = ctx.clock.now();
	const sub = attributes.sub ?? randomUUID();
	return {
		poolId: pool.id,
		username,
		sub,
		attributes: { ...attributes, sub },
		status,
		enabled: true,
		...makeVerifier( pool.id, username, password ),
		createdAt: now,
		updatedAt: now,
		tempPasswordExpiresAt:
			status === 'FORCE_CHANGE_PASSWORD'
				? now +
					pool.passwordPolicy.TemporaryPasswordValidityDays *
						86_400_000
				: undefined,
		groups: [],
		mfa: { totpEnabled: false, smsEnabled: false },
	};
}

export function setPassword( ctx: Ctx, user: User, password: string ): void {
	Object.assign( user, makeVerifier( user.poolId, user.username, password ) );
	user.updatedAt = ctx.clock.now();
	ctx.store.putUser( user );
}

/** Attributes as the API lists them: sub first, then the rest (only those `client` may read, when given). */
export function attributeList(
	user: User,
	client?: AppClient
): Array< { Name: string; Value: string } > {
	const rest = Object.entries( user.attributes ).filter(
		( [ name ] ) => name !== 'sub' && canRead( client, name )
	);
	return [
		{ Name: 'sub', Value: user.sub },
		...rest.map( ( [ Name, Value ] ) => ( { Name, Value } ) ),
	];
}

export function attributesFromList( list: unknown ): Record< string, string > {
	const out: Record< string, string > = {};
	for ( const item of Array.isArray( list ) ? list : [] ) {
		const { Name, Value } = item as { Name?: unknown; Value?: unknown };
		if ( typeof Name === 'string' ) {
			out[ Name ] = String( Value ?? '' );
		}
	}
	return out;
}

export function mfaView( user: User ) {
	const list = [
		...( user.mfa.smsEnabled ? [ 'SMS_MFA' ] : [] ),
		...( user.mfa.totpEnabled ? [ 'SOFTWARE_TOKEN_MFA' ] : [] ),
	];
	return {
		...( user.mfa.preferred
			? { PreferredMfaSetting: user.mfa.preferred }
			: {} ),
		...( list.length ? { UserMFASettingList: list } : {} ),
	};
}

export function userView(
	user: User,
	attributesKey: 'Attributes' | 'UserAttributes' = 'Attributes'
) {
	return {
		Username: user.username,
		[ attributesKey ]: attributeList( user ),
		UserCreateDate: epochSec( user.createdAt ),
		UserLastModifiedDate: epochSec( user.updatedAt ),
		Enabled: user.enabled,
		UserStatus: user.status,
	};
}

export function poolView( ctx: Ctx, pool: Pool ) {
	return {
		Id: pool.id,
		Name: pool.name,
		Arn: `arn:aws:cognito-idp:${ pool.id.split( '_' )[ 0 ] }:000000000000:userpool/${ pool.id }`,
		CreationDate: epochSec( pool.createdAt ),
		LastModifiedDate: epochSec( pool.updatedAt ?? pool.createdAt ),
		Policies: { PasswordPolicy: pool.passwordPolicy },
		SchemaAttributes: schemaView( pool ),
		MfaConfiguration: pool.mfaConfiguration,
		AutoVerifiedAttributes: pool.autoVerifiedAttributes,
		UsernameAttributes: pool.usernameAttributes,
		AliasAttributes: pool.aliasAttributes,
		UserAttributeUpdateSettings: {
			AttributesRequireVerificationBeforeUpdate:
				pool.keepOriginalAttributes ?? [],
		},
		EstimatedNumberOfUsers: ctx.store.usersOf( pool.id ).length,
	};
}
