/** App clients: building them from CreateUserPoolClient/UpdateUserPoolClient input and presenting them. */
import type { Ctx } from './context';
import type { AppClient, Pool } from './types';
import { cognitoError } from './errors';
import { epochSec, newClientId } from './model';
import { clientAttributeList } from './schema';
import { supportedProviders } from './identity-providers';

type Input = Record< string, unknown >;

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

/** RefreshTokenRotation: Feature ENABLED | DISABLED, RetryGracePeriodSeconds 0–60 (0 when left out). */
function rotation( input: unknown ): AppClient[ 'refreshTokenRotation' ] {
	const given = ( input ?? {} ) as Input;
	const feature = given.Feature ?? 'DISABLED';
	const grace = given.RetryGracePeriodSeconds ?? 0;
	if ( feature !== 'ENABLED' && feature !== 'DISABLED' ) {
		throw cognitoError(
			'invalidParameter',
			`1 validation error detected: Value '${ String( feature ) }' at 'refreshTokenRotation.feature' failed to satisfy constraint: Member must satisfy enum value set: [ENABLED, DISABLED]`
		);
	}
	if (
		typeof grace !== 'number' ||
		! Number.isInteger( grace ) ||
		grace < 0 ||
		grace > 60
	) {
		throw cognitoError(
			'invalidParameter',
			`1 validation error detected: Value '${ String( grace ) }' at 'refreshTokenRotation.retryGracePeriodSeconds' failed to satisfy constraint: Member must have value between 0 and 60`
		);
	}
	return { enabled: feature === 'ENABLED', retryGracePeriodSec: grace };
}

/**
 * A client from CreateUserPoolClient-shaped input. Whatever the input leaves out gets Cognito's default, which
 * is also what UpdateUserPoolClient does with the settings a request leaves out.
 */
export function newClient(
	ctx: Ctx,
	pool: Pool,
	input: Input,
	id?: string,
	verb: 'creating' | 'updating' = 'creating'
): AppClient {
	const units = ( input.TokenValidityUnits ?? {} ) as Input;
	const flows = ( input.ExplicitAuthFlows as string[] | undefined ) ?? [];
	return {
		id: id ?? newClientId(),
		poolId: pool.id,
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
		supportedIdentityProviders: supportedProviders(
			pool,
			input.SupportedIdentityProviders
		),
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
		readAttributes: clientAttributeList(
			pool,
			input.ReadAttributes,
			'read',
			verb
		),
		writeAttributes: clientAttributeList(
			pool,
			input.WriteAttributes,
			'write',
			verb
		),
		refreshTokenRotation: rotation( input.RefreshTokenRotation ),
	};
}

export function flowAllowed( client: AppClient, flow: string ): boolean {
	return (
		client.explicitAuthFlows.includes( `ALLOW_${ flow }` ) ||
		client.explicitAuthFlows.includes( flow )
	);
}

export const rotates = ( client: AppClient ) =>
	client.refreshTokenRotation?.enabled === true;

export function clientView( client: AppClient ) {
	const minutes = ( sec: number ) => Math.round( sec / 60 );
	const attributes = ( key: string, list?: string[] ) =>
		// Cognito lists them only when the client has its own set (empty: every attribute).
		list?.length ? { [ key ]: list } : {};
	return {
		UserPoolId: client.poolId,
		ClientName: client.name,
		ClientId: client.id,
		CreationDate: epochSec( client.createdAt ),
		LastModifiedDate: epochSec( client.updatedAt ?? client.createdAt ),
		...attributes( 'ReadAttributes', client.readAttributes ),
		...attributes( 'WriteAttributes', client.writeAttributes ),
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
		RefreshTokenRotation: {
			Feature: rotates( client ) ? 'ENABLED' : 'DISABLED',
			RetryGracePeriodSeconds:
				client.refreshTokenRotation?.retryGracePeriodSec ?? 0,
		},
	};
}
