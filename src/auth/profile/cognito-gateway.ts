/**
 * ProfileGateway on amazon-cognito-identity-js's own request client (the same signed-less JSON calls the library
 * makes, against the configured endpoint): every user call carries the access token, which is refreshed when it
 * has expired or when Cognito says so (a clock that runs behind), once, then the call is made again.
 *
 * Refresh: InitiateAuth REFRESH_TOKEN_AUTH; an app client that rotates refresh tokens refuses that flow, and then
 * GetTokensFromRefreshToken answers with a new refresh token, which replaces the old one in the cache.
 */
import { systemClock, withTimeout, type Clock } from '../clock';
import type { CognitoRequest } from '../cognito-gateway';
import { deliveryOf, mfaList } from '../cognito-results';
import type { TokenStorage } from '../storage';
import type { CodeDelivery } from '../types';
import type {
	CognitoAccount,
	MfaPreference,
	ProfileGateway,
	ProfileSession,
} from './gateway';
import {
	decodeClaims,
	isExpired,
	tokenCache,
	type ProfileTokens,
} from './tokens';

export interface CognitoProfileConfig {
	clientId: string;
	/** The library's request client for the pool (createCognitoRequest, passed in by the form's services). */
	request: CognitoRequest;
	storage: TokenStorage;
	timeoutMs?: number;
	clock?: Clock;
	deviceName?: string;
}

interface AuthenticationResult {
	IdToken?: string;
	AccessToken?: string;
	RefreshToken?: string;
}

/** Raised when the browser holds no usable Cognito session; reads as "sign in again". */
function noSession(): Error & { code: string } {
	return Object.assign( new Error( 'No Cognito session.' ), {
		code: 'NoCognitoSession',
	} );
}

/** Answers that mean the refresh token will never work again (revoked, expired, replaced, user gone). */
const GRANT_GONE = new Set( [
	'NotAuthorizedException',
	'RefreshTokenReuseException',
	'UserNotFoundException',
	'NoCognitoSession',
] );

const grantGone = ( error: unknown ) =>
	GRANT_GONE.has( String( ( error as { code?: unknown } | null )?.code ) );

const isAccessExpiry = ( error: unknown ) =>
	( error as { code?: unknown } | null )?.code === 'NotAuthorizedException' &&
	/expired/i.test( String( ( error as { message?: unknown } ).message ) );

export function createCognitoProfileGateway(
	config: CognitoProfileConfig
): ProfileGateway {
	const { clock = systemClock, timeoutMs = 15_000 } = config;
	const { request } = config;
	const cache = tokenCache( config.storage, config.clientId );

	function call(
		operation: string,
		params: Record< string, unknown >
	): Promise< Record< string, unknown > > {
		return withTimeout(
			new Promise( ( resolve, reject ) =>
				request( operation, params, ( error, result ) =>
					error ? reject( error ) : resolve( result ?? {} )
				)
			),
			timeoutMs,
			clock
		);
	}

	function sessionOf( tokens: ProfileTokens ): ProfileSession {
		const claims = decodeClaims( tokens.idToken );
		if ( ! claims ) {
			throw noSession();
		}
		return { username: tokens.username, idToken: tokens.idToken, claims };
	}

	async function refreshTokens(
		tokens: ProfileTokens
	): Promise< ProfileTokens > {
		if ( ! tokens.refreshToken ) {
			throw noSession();
		}
		let result: AuthenticationResult;
		try {
			result = (
				await call( 'InitiateAuth', {
					ClientId: config.clientId,
					AuthFlow: 'REFRESH_TOKEN_AUTH',
					AuthParameters: { REFRESH_TOKEN: tokens.refreshToken },
				} )
			).AuthenticationResult as AuthenticationResult;
		} catch ( error ) {
			if ( ( error as { code?: unknown } ).code === 'NetworkError' ) {
				throw error;
			}
			// A client that rotates refresh tokens accepts only this operation (and says so in the error above).
			result = (
				await call( 'GetTokensFromRefreshToken', {
					ClientId: config.clientId,
					RefreshToken: tokens.refreshToken,
				} )
			).AuthenticationResult as AuthenticationResult;
		}
		if ( ! result?.IdToken || ! result.AccessToken ) {
			throw noSession();
		}
		const next = {
			username: tokens.username,
			idToken: result.IdToken,
			accessToken: result.AccessToken,
			refreshToken: result.RefreshToken ?? tokens.refreshToken,
		};
		cache.write( next );
		return next;
	}

	async function fresh(): Promise< ProfileTokens > {
		const tokens = cache.read();
		if ( ! tokens ) {
			throw noSession();
		}
		return isExpired( tokens.accessToken, clock.now() )
			? refreshTokens( tokens )
			: tokens;
	}

	/**
	 * One user call with a valid access token: refreshed first when expired here, and once more when Cognito's
	 * clock says it expired.
	 * @param operation
	 * @param params
	 */
	async function asUser(
		operation: string,
		params: Record< string, unknown > = {}
	): Promise< Record< string, unknown > > {
		const tokens = await fresh();
		try {
			return await call( operation, {
				...params,
				AccessToken: tokens.accessToken,
			} );
		} catch ( error ) {
			if ( ! isAccessExpiry( error ) ) {
				throw error;
			}
			const renewed = await refreshTokens( tokens );
			return call( operation, {
				...params,
				AccessToken: renewed.accessToken,
			} );
		}
	}

	function forget(): void {
		config.storage.clear(); // every key the library wrote, tokens and last-user marker alike
	}

	return {
		async current() {
			const tokens = cache.read();
			if ( ! tokens ) {
				return null;
			}
			try {
				return sessionOf(
					isExpired( tokens.idToken, clock.now() )
						? await refreshTokens( tokens )
						: tokens
				);
			} catch ( error ) {
				if ( ! grantGone( error ) ) {
					throw error; // offline, slow or throttled: the tokens may still be good, keep them
				}
				forget(); // revoked, expired or unreadable: the visitor signs in again
				return null;
			}
		},
		async refresh() {
			const tokens = cache.read();
			if ( ! tokens ) {
				throw noSession();
			}
			return sessionOf( await refreshTokens( tokens ) );
		},
		async getAccount(): Promise< CognitoAccount > {
			const user = await asUser( 'GetUser' );
			const attributes: Record< string, string > = {};
			for ( const item of ( user.UserAttributes as unknown[] ) ?? [] ) {
				const { Name, Value } = item as {
					Name?: unknown;
					Value?: unknown;
				};
				if ( typeof Name === 'string' && typeof Value === 'string' ) {
					attributes[ Name ] = Value;
				}
			}
			const enabled = mfaList( user.UserMFASettingList ?? [], [] );
			const preferred = mfaList( [ user.PreferredMfaSetting ], [] )[ 0 ];
			return { attributes, mfa: { enabled, preferred } };
		},
		async updateAttributes( changes ) {
			const result = await asUser( 'UpdateUserAttributes', {
				UserAttributes: Object.entries( changes ).map(
					( [ Name, Value ] ) => ( { Name, Value } )
				),
			} );
			return ( ( result.CodeDeliveryDetailsList as unknown[] ) ?? [] )
				.map( deliveryOf )
				.filter( ( d ): d is CodeDelivery => d !== undefined );
		},
		async verifyAttribute( { name, code } ) {
			await asUser( 'VerifyUserAttribute', {
				AttributeName: name,
				Code: code,
			} );
		},
		async resendAttributeCode( { name } ) {
			const result = await asUser( 'GetUserAttributeVerificationCode', {
				AttributeName: name,
			} );
			return deliveryOf( result.CodeDeliveryDetails );
		},
		async changePassword( { current, next } ) {
			await asUser( 'ChangePassword', {
				PreviousPassword: current,
				ProposedPassword: next,
			} );
		},
		async associateTotp() {
			const result = await asUser( 'AssociateSoftwareToken' );
			if ( typeof result.SecretCode !== 'string' ) {
				throw noSession();
			}
			return { secret: result.SecretCode };
		},
		async verifyTotp( { code } ) {
			await asUser( 'VerifySoftwareToken', {
				UserCode: code,
				FriendlyDeviceName: config.deviceName ?? 'Authenticator',
			} );
		},
		async setMfaPreference( preference: MfaPreference ) {
			const settings = ( value?: {
				enabled: boolean;
				preferred?: boolean;
			} ) =>
				value && {
					Enabled: value.enabled,
					PreferredMfa: value.preferred ?? false,
				};
			await asUser( 'SetUserMFAPreference', {
				SoftwareTokenMfaSettings: settings( preference.totp ),
				SMSMfaSettings: settings( preference.sms ),
			} );
		},
		async globalSignOut() {
			await asUser( 'GlobalSignOut' );
			forget();
		},
		async deleteUser() {
			await asUser( 'DeleteUser' );
			forget();
		},
		forget,
	};
}
