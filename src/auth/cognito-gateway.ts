/**
 * AuthGateway on amazon-cognito-identity-js: SRP sign-in in the browser, challenge callbacks turned into typed
 * results, every call bounded by a timeout. The user being signed in is kept here between `signIn` and the
 * challenge answers, because Cognito links them through a session string held by that CognitoUser object.
 */
import {
	AuthenticationDetails,
	CognitoUser,
	CognitoUserAttribute,
	CognitoUserPool,
	type CognitoUserSession,
	type IAuthenticationCallback,
} from 'amazon-cognito-identity-js';
import { systemClock, withTimeout, type Clock } from './clock';
import {
	deliveryOf,
	mfaList,
	noPendingSignIn,
	stringValues,
	tokensOf,
} from './cognito-results';
import type { AuthGateway } from './gateway';
import { createTokenStorage, type TokenStorage } from './storage';
import type { SignInResult } from './types';

export interface CognitoGatewayConfig {
	userPoolId: string;
	clientId: string;
	/** Custom service endpoint: the local emulator or a private endpoint. Defaults to the pool's region. */
	endpoint?: string;
	/** Where the library caches tokens; defaults to memory (inject session/local storage from src/wp). */
	storage?: TokenStorage;
	/** Upper bound for one call; several HTTP requests of one call (SRP) share it. */
	timeoutMs?: number;
	clock?: Clock;
	/** Name Cognito records for a TOTP authenticator set up during sign-in. */
	totpDeviceName?: string;
}

/**
 * One Cognito user-pool operation over the library's own JSON client (`InitiateAuth`, `GetUser`, …): the
 * callback gets Cognito's error (`code`, `message`) or the decoded answer.
 */
export type CognitoRequest = (
	operation: string,
	params: Record< string, unknown >,
	callback: ( error: unknown, result?: Record< string, unknown > ) => void
) => void;

/**
 * The library's request client for a pool, for the calls AuthGateway has no method for (the profile's). It lives
 * here, beside the gateway, so code in other chunks reaches the library without importing it (an import from a
 * second chunk would stop webpack from inlining the library into the sign-in bundle, ~1.4 kB gzip more).
 * @param config
 */
export function createCognitoRequest(
	config: Pick< CognitoGatewayConfig, 'userPoolId' | 'clientId' | 'endpoint' >
): CognitoRequest {
	const pool = new CognitoUserPool( {
		UserPoolId: config.userPoolId,
		ClientId: config.clientId,
		endpoint: config.endpoint,
	} );
	const { client } = pool as unknown as {
		client: { request: CognitoRequest };
	};
	return ( operation, params, callback ) =>
		client.request( operation, params, callback );
}

type Settle< T > = (
	resolve: ( value: T ) => void,
	reject: ( reason: unknown ) => void
) => void;

export function createCognitoGateway(
	config: CognitoGatewayConfig
): AuthGateway {
	const {
		clock = systemClock,
		timeoutMs = 15_000,
		totpDeviceName = 'Authenticator',
	} = config;
	const storage = config.storage ?? createTokenStorage( 'memory' );
	const pool = new CognitoUserPool( {
		UserPoolId: config.userPoolId,
		ClientId: config.clientId,
		endpoint: config.endpoint,
		Storage: storage,
	} );
	let pending: CognitoUser | null = null;

	const userFor = ( username: string ) =>
		new CognitoUser( { Username: username, Pool: pool, Storage: storage } );

	function call< T >( settle: Settle< T > ): Promise< T > {
		const work = new Promise< T >( ( resolve, reject ) => {
			try {
				settle( resolve, reject );
			} catch ( error ) {
				reject( error ); // the library throws synchronously on invalid input
			}
		} );
		return withTimeout( work, timeoutMs, clock );
	}

	/**
	 * Callbacks shared by every step that can end the sign-in or ask for another challenge.
	 * @param user
	 * @param resolve
	 * @param reject
	 */
	function authCallbacks(
		user: CognitoUser,
		resolve: ( result: SignInResult ) => void,
		reject: ( e: unknown ) => void
	) {
		return {
			onSuccess: ( session: CognitoUserSession ) => {
				// The challenge session is spent (tokens are cached by the library). A late answer to an attempt
				// that already timed out must not forget a newer attempt.
				if ( pending === user ) {
					pending = null;
				}
				resolve( tokensOf( session ) );
			},
			onFailure: reject,
			newPasswordRequired: (
				userAttributes: unknown,
				requiredAttributes: unknown
			) =>
				resolve( {
					type: 'newPasswordRequired',
					requiredAttributes: Array.isArray( requiredAttributes )
						? requiredAttributes.map( String )
						: [],
					userAttributes: stringValues( userAttributes ),
				} ),
			mfaRequired: (
				_name: unknown,
				params: Record< string, unknown > | undefined
			) =>
				resolve( {
					type: 'mfaRequired',
					delivery: {
						medium: params?.CODE_DELIVERY_DELIVERY_MEDIUM as
							string | undefined,
						destination: params?.CODE_DELIVERY_DESTINATION as
							string | undefined,
					},
				} ),
			totpRequired: () => resolve( { type: 'totpRequired' } ),
			selectMFAType: (
				_name: unknown,
				params: Record< string, unknown > | undefined
			) =>
				resolve( {
					type: 'selectMfaType',
					options: mfaList( params?.MFAS_CAN_CHOOSE, [
						'SMS_MFA',
						'SOFTWARE_TOKEN_MFA',
					] ),
				} ),
			mfaSetup: (
				_name: unknown,
				params: Record< string, unknown > | undefined
			) =>
				resolve( {
					type: 'mfaSetup',
					options: mfaList( params?.MFAS_CAN_SETUP, [
						'SOFTWARE_TOKEN_MFA',
					] ),
				} ),
			customChallenge: () => resolve( { type: 'customChallenge' } ),
		} satisfies IAuthenticationCallback;
	}

	function current(): CognitoUser {
		if ( ! pending ) {
			throw noPendingSignIn();
		}
		return pending;
	}

	return {
		signIn: ( { username, password } ) =>
			call( ( resolve, reject ) => {
				const user = userFor( username );
				user.setAuthenticationFlowType( 'USER_SRP_AUTH' );
				pending = user;
				user.authenticateUser(
					new AuthenticationDetails( {
						Username: username,
						Password: password,
					} ),
					authCallbacks( user, resolve, reject )
				);
			} ),
		completeNewPassword: ( { newPassword, attributes } ) =>
			call( ( resolve, reject ) => {
				const user = current();
				user.completeNewPasswordChallenge(
					newPassword,
					attributes,
					authCallbacks( user, resolve, reject )
				);
			} ),
		sendMfaCode: ( { code, mfaType } ) =>
			call( ( resolve, reject ) => {
				const user = current();
				user.sendMFACode(
					code,
					authCallbacks( user, resolve, reject ),
					mfaType
				);
			} ),
		selectMfaType: ( { mfaType } ) =>
			call( ( resolve, reject ) => {
				const user = current();
				user.sendMFASelectionAnswer(
					mfaType,
					authCallbacks( user, resolve, reject )
				);
			} ),
		associateTotp: () =>
			call( ( resolve, reject ) =>
				current().associateSoftwareToken( {
					associateSecretCode: ( secret ) => resolve( { secret } ),
					onFailure: reject,
				} )
			),
		verifyTotp: ( { code, deviceName } ) =>
			call( ( resolve, reject ) => {
				const user = current();
				user.verifySoftwareToken(
					code,
					deviceName ?? totpDeviceName,
					authCallbacks( user, resolve, reject )
				);
			} ),
		signUp: ( { username, password, attributes } ) =>
			call( ( resolve, reject ) => {
				const list = Object.entries( attributes )
					.filter( ( [ , value ] ) => value !== '' )
					.map(
						( [ Name, Value ] ) =>
							new CognitoUserAttribute( { Name, Value } )
					);
				pool.signUp( username, password, list, [], ( error, result ) =>
					error || ! result
						? reject( error )
						: resolve( {
								confirmed: result.userConfirmed,
								delivery: deliveryOf(
									result.codeDeliveryDetails
								),
							} )
				);
			} ),
		confirmSignUp: ( { username, code } ) =>
			call( ( resolve, reject ) =>
				// forceAliasCreation stays false: confirming must never take an email/phone from another account.
				userFor( username ).confirmRegistration(
					code,
					false,
					( error ) => ( error ? reject( error ) : resolve() )
				)
			),
		resendCode: ( { username } ) =>
			call( ( resolve, reject ) =>
				userFor( username ).resendConfirmationCode( ( error, data ) =>
					error
						? reject( error )
						: resolve( {
								delivery: deliveryOf(
									data?.CodeDeliveryDetails
								),
							} )
				)
			),
		forgotPassword: ( { username } ) =>
			call( ( resolve, reject ) =>
				userFor( username ).forgotPassword( {
					onSuccess: ( data ) =>
						resolve( {
							delivery: deliveryOf( data?.CodeDeliveryDetails ),
						} ),
					onFailure: reject,
				} )
			),
		confirmForgotPassword: ( { username, code, newPassword } ) =>
			call( ( resolve, reject ) =>
				userFor( username ).confirmPassword( code, newPassword, {
					onSuccess: () => resolve(),
					onFailure: reject,
				} )
			),
		async signOut() {
			// Local only (no revoke request), so sign-out works offline and cannot hang.
			pending?.signOut();
			pool.getCurrentUser()?.signOut();
			pending = null;
			storage.clear();
		},
	};
}
