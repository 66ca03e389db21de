/**
 * Real sign-ins against the Cognito emulator, for suites that need tokens the emulator issued: an SRP sign-in
 * with amazon-cognito-identity-js (the client the plugin's forms use), and ID tokens from the resulting refresh
 * token, which carry the sign-in's auth_time and a new jti each.
 *
 * As a script it lets the PHP integration suite sign in without an SRP implementation of its own: it reads
 * `{ "username", "password" }` from stdin (so the password never shows in a process list), signs in against
 * EMULATOR_URL / COGNITO_POOL_ID / COGNITO_CLIENT_ID and prints `{ "idToken", "accessToken" }`.
 *
 *   echo '{"username":"…","password":"…"}' | node tests/support/emulator-sign-in.mjs
 */
import { pathToFileURL } from 'node:url';
import {
	AuthenticationDetails,
	CognitoUser,
	CognitoUserPool,
} from 'amazon-cognito-identity-js';

/**
 * Signs in with USER_SRP_AUTH.
 *
 * @param {{ url: string, poolId: string, clientId: string, username: string, password: string }} options
 * @return {Promise<{ idToken: string, accessToken: string, refreshToken: string }>} Tokens.
 */
export function srpSignIn( { url, poolId, clientId, username, password } ) {
	const pool = new CognitoUserPool( {
		UserPoolId: poolId,
		ClientId: clientId,
		endpoint: `${ url.replace( /\/$/, '' ) }/`,
	} );
	return new Promise( ( resolve, reject ) =>
		new CognitoUser( { Username: username, Pool: pool } ).authenticateUser(
			new AuthenticationDetails( {
				Username: username,
				Password: password,
			} ),
			{
				onSuccess: ( session ) =>
					resolve( {
						idToken: session.getIdToken().getJwtToken(),
						accessToken: session.getAccessToken().getJwtToken(),
						refreshToken: session.getRefreshToken().getToken(),
					} ),
				onFailure: reject,
				// Any challenge means the account is not a plain confirmed user; the callers only use those.
				newPasswordRequired: () =>
					reject(
						new Error( `${ username } must change the password` )
					),
				mfaRequired: () =>
					reject( new Error( `${ username } needs MFA` ) ),
				totpRequired: () =>
					reject( new Error( `${ username } needs MFA` ) ),
			}
		)
	);
}

/**
 * A new ID token from a refresh token (REFRESH_TOKEN_AUTH), over the plain JSON API.
 *
 * @param {{ url: string, clientId: string, refreshToken: string }} options
 * @return {Promise<string>} The ID token.
 */
export async function refreshIdToken( { url, clientId, refreshToken } ) {
	const response = await fetch( `${ url.replace( /\/$/, '' ) }/`, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/x-amz-json-1.1',
			'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
		},
		body: JSON.stringify( {
			AuthFlow: 'REFRESH_TOKEN_AUTH',
			ClientId: clientId,
			AuthParameters: { REFRESH_TOKEN: refreshToken },
		} ),
	} );
	const body = await response.json();
	if ( ! response.ok || ! body.AuthenticationResult?.IdToken ) {
		throw new Error(
			`refresh failed: ${ response.status } ${ JSON.stringify( body ) }`
		);
	}
	return body.AuthenticationResult.IdToken;
}

/** The claims of a JWT, unverified (for the callers' own bookkeeping only). */
export function claimsOf( token ) {
	return JSON.parse(
		Buffer.from( token.split( '.' )[ 1 ], 'base64url' ).toString( 'utf8' )
	);
}

async function main() {
	let input = '';
	for await ( const chunk of process.stdin ) {
		input += chunk;
	}
	const { username, password } = JSON.parse( input );
	const tokens = await srpSignIn( {
		url: process.env.EMULATOR_URL,
		poolId: process.env.COGNITO_POOL_ID,
		clientId: process.env.COGNITO_CLIENT_ID,
		username,
		password,
	} );
	process.stdout.write(
		JSON.stringify( {
			idToken: tokens.idToken,
			accessToken: tokens.accessToken,
			refreshToken: tokens.refreshToken,
		} ) + '\n'
	);
}

if ( import.meta.url === pathToFileURL( process.argv[ 1 ] ?? '' ).href ) {
	main().catch( ( error ) => {
		process.stderr.write( `sign-in failed: ${ error.message ?? error }\n` );
		process.exitCode = 1;
	} );
}
