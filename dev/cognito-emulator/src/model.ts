/** Building and presenting pools, app clients and users in the shapes the Cognito API uses. */
import { randomInt, randomUUID } from 'node:crypto';
import type { Ctx } from './context';
import type { AppClient, Pool, User, UserStatus } from './types';
import { cognitoError } from './errors';
import { DEFAULT_PASSWORD_POLICY } from './policy';
import { makeVerifier } from './srp';

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
	};
}

const UNIT_SEC: Record< string, number > = {
	seconds: 1,
	minutes: 60,
	hours: 3600,
	days: 86400,
};

/** Validities arrive in TokenValidityUnits (Cognito defaults: hours for id/access, days for refresh). */
function validitySec(
	value: unknown,
	unit: unknown,
	defaultUnit: string,
	defaultSec: number
): number {
	if ( typeof value !== 'number' ) {
		return defaultSec;
	}
	return (
		value *
		( UNIT_SEC[ typeof unit === 'string' ? unit : defaultUnit ] ??
			UNIT_SEC[ defaultUnit ] ??
			1 )
	);
}

export function newClient(
	ctx: Ctx,
	poolId: string,
	input: Input,
	id?: string
): AppClient {
	const units = ( input.TokenValidityUnits ?? {} ) as Input;
	const flows = ( input.ExplicitAuthFlows as string[] | undefined ) ?? [];
	return {
		id: id ?? newClientId(),
		poolId,
		name:
			typeof input.ClientName === 'string' ? input.ClientName : 'client',
		createdAt: ctx.clock.now(),
		// Cognito's defaults when none are given: SRP, refresh and custom auth.
		explicitAuthFlows: flows.length
			? flows
			: [
					'ALLOW_USER_SRP_AUTH',
					'ALLOW_REFRESH_TOKEN_AUTH',
					'ALLOW_CUSTOM_AUTH',
				],
		callbackUrls: ( input.CallbackURLs as string[] ) ?? [],
		logoutUrls: ( input.LogoutURLs as string[] ) ?? [],
		allowedOAuthFlows: ( input.AllowedOAuthFlows as string[] ) ?? [],
		allowedOAuthScopes: ( input.AllowedOAuthScopes as string[] ) ?? [],
		supportedIdentityProviders:
			( input.SupportedIdentityProviders as string[] ) ?? [],
		preventUserExistenceErrors:
			input.PreventUserExistenceErrors === 'ENABLED'
				? 'ENABLED'
				: 'LEGACY',
		idTokenValiditySec: validitySec(
			input.IdTokenValidity,
			units.IdToken,
			'hours',
			3600
		),
		accessTokenValiditySec: validitySec(
			input.AccessTokenValidity,
			units.AccessToken,
			'hours',
			3600
		),
		refreshTokenValiditySec: validitySec(
			input.RefreshTokenValidity,
			units.RefreshToken,
			'days',
			30 * 86400
		),
		authSessionValidityMin:
			typeof input.AuthSessionValidity === 'number'
				? input.AuthSessionValidity
				: 3,
		enableTokenRevocation: input.EnableTokenRevocation !== false,
	};
}

export function flowAllowed( client: AppClient, flow: string ): boolean {
	return (
		client.explicitAuthFlows.includes( `ALLOW_${ flow }` ) ||
		client.explicitAuthFlows.includes( flow )
	);
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

/** Attributes as the API lists them: sub first, then the rest. */
export function attributeList(
	user: User
): Array< { Name: string; Value: string } > {
	const rest = Object.entries( user.attributes ).filter(
		( [ name ] ) => name !== 'sub'
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
		LastModifiedDate: epochSec( pool.createdAt ),
		Policies: { PasswordPolicy: pool.passwordPolicy },
		MfaConfiguration: pool.mfaConfiguration,
		AutoVerifiedAttributes: pool.autoVerifiedAttributes,
		UsernameAttributes: pool.usernameAttributes,
		AliasAttributes: pool.aliasAttributes,
		EstimatedNumberOfUsers: ctx.store.usersOf( pool.id ).length,
	};
}

export function clientView( client: AppClient ) {
	const minutes = ( sec: number ) => Math.round( sec / 60 );
	return {
		UserPoolId: client.poolId,
		ClientName: client.name,
		ClientId: client.id,
		CreationDate: epochSec( client.createdAt ),
		LastModifiedDate: epochSec( client.createdAt ),
		ExplicitAuthFlows: client.explicitAuthFlows,
		CallbackURLs: client.callbackUrls,
		LogoutURLs: client.logoutUrls,
		AllowedOAuthFlows: client.allowedOAuthFlows,
		AllowedOAuthScopes: client.allowedOAuthScopes,
		AllowedOAuthFlowsUserPoolClient: client.allowedOAuthFlows.length > 0,
		SupportedIdentityProviders: client.supportedIdentityProviders,
		PreventUserExistenceErrors: client.preventUserExistenceErrors,
		AccessTokenValidity: minutes( client.accessTokenValiditySec ),
		IdTokenValidity: minutes( client.idTokenValiditySec ),
		RefreshTokenValidity: minutes( client.refreshTokenValiditySec ),
		TokenValidityUnits: {
			AccessToken: 'minutes',
			IdToken: 'minutes',
			RefreshToken: 'minutes',
		},
		AuthSessionValidity: client.authSessionValidityMin,
		EnableTokenRevocation: client.enableTokenRevocation,
	};
}
