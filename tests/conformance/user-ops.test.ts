import { CognitoUserAttribute } from 'amazon-cognito-identity-js';
import { describe, expect, it } from 'vitest';
import {
	api,
	cb,
	confirmedUser,
	emulatorUrl,
	failure,
	latestCode,
	signIn,
	signInOk,
	userPool,
} from './helpers';
import { CLIENT_ID, LEGACY_CLIENT_ID, PASSWORD } from './seed';

async function freshUser() {
	const name = await confirmedUser( 'uma' );
	return { name, ...( await signInOk( name, PASSWORD ) ) };
}

describe( 'signed-in user operations', () => {
	it( 'reads and updates attributes, verifying a changed email with a code', async () => {
		const { name, user } = await freshUser();
		const attrs = await cb< CognitoUserAttribute[] >( ( d ) =>
			user.getUserAttributes( d as never )
		);
		expect(
			attrs.find( ( a ) => a.getName() === 'email' )?.getValue()
		).toBe( `${ name }@example.com` );

		await cb( ( d ) =>
			user.updateAttributes(
				[
					new CognitoUserAttribute( {
						Name: 'email',
						Value: `${ name }@new.example`,
					} ),
					new CognitoUserAttribute( {
						Name: 'custom:team',
						Value: 'red',
					} ),
				],
				d as never
			)
		);
		const after = await cb< CognitoUserAttribute[] >( ( d ) =>
			user.getUserAttributes( d as never )
		);
		const get = ( n: string ) =>
			after.find( ( a ) => a.getName() === n )?.getValue();
		expect( get( 'email' ) ).toBe( `${ name }@new.example` );
		expect( get( 'email_verified' ) ).toBe( 'false' );
		expect( get( 'custom:team' ) ).toBe( 'red' );

		const wrong = await failure(
			cb( ( d ) =>
				user.verifyAttribute( 'email', '000000', {
					onSuccess: () => d( null ),
					onFailure: d,
				} )
			)
		);
		expect( wrong.code ).toBe( 'CodeMismatchException' );
		await cb( ( d ) =>
			user.getAttributeVerificationCode( 'email', {
				onSuccess: () => d( null ),
				onFailure: d,
			} )
		);
		const code = await latestCode( name, undefined, 'verify' );
		await cb( ( d ) =>
			user.verifyAttribute( 'email', code, {
				onSuccess: () => d( null ),
				onFailure: d,
			} )
		);
		const verified = await cb< CognitoUserAttribute[] >( ( d ) =>
			user.getUserAttributes( d as never )
		);
		expect(
			verified
				.find( ( a ) => a.getName() === 'email_verified' )
				?.getValue()
		).toBe( 'true' );
	} );

	it( 'refreshes the session, and GlobalSignOut revokes access and refresh tokens', async () => {
		const { user, session } = await freshUser();
		const refreshed = await cb< {
			getIdToken: () => { payload: Record< string, unknown > };
		} >( ( d ) => user.refreshSession( session.getRefreshToken(), d ) );
		expect( refreshed.getIdToken().payload.origin_jti ).toBe(
			session.getIdToken().payload.origin_jti
		);
		await cb( ( d ) =>
			user.globalSignOut( { onSuccess: () => d( null ), onFailure: d } )
		);
		const access = await api( 'GetUser', {
			AccessToken: session.getAccessToken().getJwtToken(),
		} );
		expect( access.json ).toEqual( {
			__type: 'NotAuthorizedException',
			message: 'Access Token has been revoked',
		} );
		const refresh = await api( 'InitiateAuth', {
			AuthFlow: 'REFRESH_TOKEN_AUTH',
			ClientId: CLIENT_ID,
			AuthParameters: {
				REFRESH_TOKEN: session.getRefreshToken().getToken(),
			},
		} );
		expect( refresh.json ).toEqual( {
			__type: 'NotAuthorizedException',
			message: 'Refresh Token has been revoked',
		} );
	} );

	it( 'revokes one sign-in through signOut(callback) (RevokeToken) and leaves others alone', async () => {
		const { name, session: other } = await freshUser();
		const { user, session } = await signInOk( name, PASSWORD );
		await new Promise< void >( ( resolve, reject ) =>
			user.signOut( ( err?: unknown ) =>
				err ? reject( err ) : resolve()
			)
		);
		const revoked = await api( 'InitiateAuth', {
			AuthFlow: 'REFRESH_TOKEN',
			ClientId: CLIENT_ID,
			AuthParameters: {
				REFRESH_TOKEN: session.getRefreshToken().getToken(),
			},
		} );
		expect( revoked.json.message ).toBe( 'Refresh Token has been revoked' );
		expect(
			(
				await api( 'GetUser', {
					AccessToken: session.getAccessToken().getJwtToken(),
				} )
			).json.message
		).toBe( 'Access Token has been revoked' );
		const still = await api( 'GetUser', {
			AccessToken: other.getAccessToken().getJwtToken(),
		} );
		expect( still.json.Username ).toBe( name );
	} );

	it( 'deletes the user', async () => {
		const { name, user } = await freshUser();
		await cb( ( d ) => user.deleteUser( d ) );
		const err = await failure(
			signIn( name, PASSWORD, userPool( LEGACY_CLIENT_ID ) )
		);
		expect( err.code ).toBe( 'UserNotFoundException' );
	} );

	it( 'rejects a forged access token', async () => {
		const { session } = await freshUser();
		const [ h, p, s ] = session.getAccessToken().getJwtToken().split( '.' );
		const payload = JSON.parse( Buffer.from( p!, 'base64url' ).toString() );
		payload.username = 'alice';
		const forged = `${ h }.${ Buffer.from( JSON.stringify( payload ) ).toString( 'base64url' ) }.${ s }`;
		expect(
			( await api( 'GetUser', { AccessToken: forged } ) ).json.__type
		).toBe( 'NotAuthorizedException' );
	} );
} );

describe( 'wire format', () => {
	it( 'answers errors as HTTP 400 with __type and message', async () => {
		const res = await api( 'InitiateAuth', {
			AuthFlow: 'USER_SRP_AUTH',
			ClientId: 'nope',
			AuthParameters: {},
		} );
		expect( res.status ).toBe( 400 );
		expect( res.json.__type ).toBe( 'ResourceNotFoundException' );
		expect( res.headers.get( 'content-type' ) ).toBe(
			'application/x-amz-json-1.1'
		);
		expect( ( await api( 'NoSuchOperation', {} ) ).json.__type ).toBe(
			'UnknownOperationException'
		);
	} );

	it( 'answers CORS preflights with 204 and the SDK headers', async () => {
		const res = await fetch( `${ emulatorUrl() }/`, {
			method: 'OPTIONS',
			headers: {
				Origin: 'http://127.0.0.1:5555',
				'Access-Control-Request-Method': 'POST',
				'Access-Control-Request-Headers': 'x-amz-target,content-type',
			},
		} );
		expect( res.status ).toBe( 204 );
		expect( res.headers.get( 'access-control-allow-origin' ) ).toBe(
			'http://127.0.0.1:5555'
		);
		const allowed =
			res.headers.get( 'access-control-allow-headers' )?.toLowerCase() ??
			'';
		for ( const h of [
			'x-amz-target',
			'x-amz-user-agent',
			'content-type',
			'cache-control',
			'authorization',
			'amz-sdk-invocation-id',
			'amz-sdk-request',
		] ) {
			expect( allowed ).toContain( h );
		}
		const health = await fetch( `${ emulatorUrl() }/_emulator/health`, {
			headers: { Origin: 'http://127.0.0.1:5555' },
		} );
		expect( health.status ).toBe( 200 );
		expect( health.headers.get( 'access-control-allow-origin' ) ).toBe(
			'http://127.0.0.1:5555'
		);
	} );
} );
