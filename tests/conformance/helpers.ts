/** Shared test helpers: the real amazon-cognito-identity-js client pointed at the emulator, raw API calls. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
	AuthenticationDetails,
	CognitoUserAttribute,
	CognitoUser,
	CognitoUserPool,
	type CognitoUserSession,
} from 'amazon-cognito-identity-js';
import {
	AdminCreateUserCommand,
	AdminSetUserPasswordCommand,
	CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { inject } from 'vitest';
import {
	startEmulator,
	type RunningEmulator,
	type SeedObject,
} from '../../dev/cognito-emulator/src/index';
import { CLIENT_ID, PASSWORD, POOL_ID } from './seed';

export const emulatorUrl = (): string =>
	inject( 'emulatorUrl' ) ?? String( process.env.COGNITO_EMULATOR_URL );

export function userPool(
	clientId = CLIENT_ID,
	url = emulatorUrl(),
	poolId = POOL_ID
): CognitoUserPool {
	return new CognitoUserPool( {
		UserPoolId: poolId,
		ClientId: clientId,
		endpoint: `${ url }/`,
	} );
}

export function cognitoUser(
	username: string,
	pool = userPool()
): CognitoUser {
	return new CognitoUser( { Username: username, Pool: pool } );
}

export type SignInResult =
	| { kind: 'success'; session: CognitoUserSession; user: CognitoUser }
	| { kind: string; user: CognitoUser; params?: unknown };

/** authenticateUser as a promise: resolves on tokens or on any challenge, rejects on errors. */
export function signIn(
	username: string,
	password: string,
	pool = userPool(),
	user = cognitoUser( username, pool )
): Promise< SignInResult > {
	return new Promise( ( resolve, reject ) => {
		const challenge =
			( kind: string ) =>
			( ...args: unknown[] ) =>
				resolve( { kind, user, params: args } );
		user.authenticateUser(
			new AuthenticationDetails( {
				Username: username,
				Password: password,
			} ),
			{
				onSuccess: ( session ) =>
					resolve( { kind: 'success', session, user } ),
				onFailure: reject,
				newPasswordRequired: challenge( 'NEW_PASSWORD_REQUIRED' ),
				mfaRequired: challenge( 'SMS_MFA' ),
				totpRequired: challenge( 'SOFTWARE_TOKEN_MFA' ),
				selectMFAType: challenge( 'SELECT_MFA_TYPE' ),
				mfaSetup: challenge( 'MFA_SETUP' ),
			}
		);
	} );
}

export async function signInOk(
	username: string,
	password: string,
	pool = userPool()
) {
	const result = await signIn( username, password, pool );
	if ( result.kind !== 'success' ) {
		throw new Error( `expected tokens, got challenge ${ result.kind }` );
	}
	return result as {
		kind: 'success';
		session: CognitoUserSession;
		user: CognitoUser;
	};
}

/** Node-style callback API → promise. */
export function cb< T = unknown >(
	run: ( done: ( err: unknown, value?: T ) => void ) => void
): Promise< T > {
	return new Promise( ( resolve, reject ) =>
		run( ( err, value ) => ( err ? reject( err ) : resolve( value as T ) ) )
	);
}

/** Rejection of a promise, for asserting on `code`/`message`. */
export async function failure(
	promise: Promise< unknown >
): Promise< { code?: string; name?: string; message: string } > {
	try {
		await promise;
	} catch ( e ) {
		return e as { code?: string; message: string };
	}
	throw new Error( 'expected a failure, got success' );
}

/** Outbox entries for a username or address, newest last. */
export async function outbox(
	who: string,
	url = emulatorUrl()
): Promise< Array< { destination: string; kind: string; code: string } > > {
	const res = await fetch(
		`${ url }/_emulator/outbox?username=${ encodeURIComponent( who ) }`
	);
	return ( await res.json() ) as Array< {
		destination: string;
		kind: string;
		code: string;
	} >;
}

export async function latestCode(
	username: string,
	url = emulatorUrl(),
	kind?: string
): Promise< string > {
	const hit = ( await outbox( username, url ) )
		.filter( ( e ) => ! kind || e.kind === kind )
		.at( -1 );
	if ( ! hit ) {
		throw new Error(
			`no ${ kind ?? '' } code in the outbox for ${ username }`
		);
	}
	return hit.code;
}

export async function api(
	operation: string,
	body: object,
	url = emulatorUrl(),
	headers: Record< string, string > = {}
) {
	const res = await fetch( `${ url }/`, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/x-amz-json-1.1',
			'X-Amz-Target': `AWSCognitoIdentityProviderService.${ operation }`,
			...headers,
		},
		body: JSON.stringify( body ),
	} );
	return {
		status: res.status,
		headers: res.headers,
		json: ( await res.json() ) as Record< string, any >,
	};
}

export const uniqueName = ( prefix: string ) =>
	`${ prefix }-${ randomBytes( 4 ).toString( 'hex' ) }`;

export async function setClock(
	offsetMs: number,
	url: string
): Promise< void > {
	const res = await fetch( `${ url }/_emulator/clock`, {
		method: 'POST',
		body: JSON.stringify( { offsetMs } ),
	} );
	if ( ! res.ok ) {
		throw new Error( `clock: ${ res.status }` );
	}
}

/** A private emulator (own data folder) for tests that move the clock or restart the server. */
export async function privateEmulator(
	seed: SeedObject,
	dataDir = mkdtempSync( join( tmpdir(), 'cognito-emulator-private-' ) )
) {
	const emulator: RunningEmulator = await startEmulator( {
		port: 0,
		dataDir,
		seed,
		quiet: true,
	} );
	return {
		...emulator,
		dataDir,
		async dispose() {
			await emulator.close();
			rmSync( dataDir, { recursive: true, force: true } );
		},
	};
}

/** SignUp through the library with an email attribute. */
export const signUp = (
	username: string,
	password: string,
	email = `${ username }@example.com`,
	pool = userPool()
) =>
	cb< {
		userConfirmed: boolean;
		userSub: string;
		codeDeliveryDetails: { DeliveryMedium: string };
	} >( ( done ) =>
		pool.signUp(
			username,
			password,
			[ new CognitoUserAttribute( { Name: 'email', Value: email } ) ],
			[],
			done as never
		)
	);

/** Signs a new user up and confirms them with the code from the outbox. */
export async function confirmedUser( prefix: string ): Promise< string > {
	const name = uniqueName( prefix );
	await signUp( name, PASSWORD );
	const code = await latestCode( name, undefined, 'signup' );
	await cb( ( d ) =>
		cognitoUser( name ).confirmRegistration( code, true, d )
	);
	return name;
}

/** The AWS SDK v3 client with made-up credentials: the emulator accepts any SigV4 signature from loopback. */
export const adminSdk = ( url = emulatorUrl() ) =>
	new CognitoIdentityProviderClient( {
		region: 'us-east-1',
		endpoint: url,
		credentials: {
			accessKeyId: 'AKIDEXAMPLE',
			secretAccessKey: 'emulator-secret',
		},
	} );

/** A confirmed user made with the admin operations (permanent password, verified email), then signed in. */
export async function adminMember(
	target: { url: string; poolId: string; clientId: string },
	username: string,
	attributes: Record< string, string > = {}
) {
	const sdk = adminSdk( target.url );
	await sdk.send(
		new AdminCreateUserCommand( {
			UserPoolId: target.poolId,
			Username: username,
			MessageAction: 'SUPPRESS',
			UserAttributes: Object.entries( {
				email: `${ username }@old.example`,
				email_verified: 'true',
				...attributes,
			} ).map( ( [ Name, Value ] ) => ( { Name, Value } ) ),
		} )
	);
	await sdk.send(
		new AdminSetUserPasswordCommand( {
			UserPoolId: target.poolId,
			Username: username,
			Password: PASSWORD,
			Permanent: true,
		} )
	);
	return signInOk(
		username,
		PASSWORD,
		userPool( target.clientId, target.url, target.poolId )
	);
}

/** The claims of a JWT, unverified (the token tests check signatures). */
export const claimsOf = ( jwt: string ): Record< string, unknown > =>
	JSON.parse(
		Buffer.from( jwt.split( '.' )[ 1 ] ?? '', 'base64url' ).toString()
	);
