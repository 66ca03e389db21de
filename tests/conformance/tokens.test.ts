import { JwtRsaVerifier } from 'aws-jwt-verify';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { emulatorUrl, signInOk } from './helpers';
import { CLIENT_ID, PASSWORD, POOL_ID } from './seed';

const issuer = () => `${ emulatorUrl() }/${ POOL_ID }`;

function tamper( jwt: string ): string {
	const [ h, p, s ] = jwt.split( '.' );
	const payload = JSON.parse( Buffer.from( p!, 'base64url' ).toString() );
	payload[ 'cognito:username' ] = 'mallory';
	return `${ h }.${ Buffer.from( JSON.stringify( payload ) ).toString( 'base64url' ) }.${ s }`;
}

describe( 'tokens', () => {
	it( 'serves JWKS and OpenID discovery matching the issuer', async () => {
		const conf = await (
			await fetch( `${ issuer() }/.well-known/openid-configuration` )
		).json();
		expect( conf.issuer ).toBe( issuer() );
		expect( conf.jwks_uri ).toBe( `${ issuer() }/.well-known/jwks.json` );
		const jwks = await ( await fetch( conf.jwks_uri ) ).json();
		expect( jwks.keys[ 0 ] ).toMatchObject( {
			kty: 'RSA',
			alg: 'RS256',
			use: 'sig',
		} );
		expect( jwks.keys[ 0 ].kid ).toBeTruthy();
	} );

	it( 'issues ID and access tokens with Cognito claims, verified by aws-jwt-verify; tampering fails', async () => {
		const { session } = await signInOk( 'alice', PASSWORD );
		const jwks = await (
			await fetch( `${ issuer() }/.well-known/jwks.json` )
		).json();
		const idVerifier = JwtRsaVerifier.create( {
			issuer: issuer(),
			audience: CLIENT_ID,
			jwksUri: `${ issuer() }/.well-known/jwks.json`,
		} );
		idVerifier.cacheJwks( jwks );
		const id = await idVerifier.verify(
			session.getIdToken().getJwtToken()
		);
		expect( id ).toMatchObject( {
			iss: issuer(),
			aud: CLIENT_ID,
			token_use: 'id',
			'cognito:username': 'alice',
			'cognito:groups': [ 'editors' ],
			email: 'alice@example.com',
			email_verified: true,
			'custom:team': 'blue',
		} );
		for ( const claim of [
			'sub',
			'auth_time',
			'iat',
			'exp',
			'jti',
			'origin_jti',
			'event_id',
		] ) {
			expect( id[ claim ] ).toBeDefined();
		}
		expect( Number( id.exp ) - Number( id.iat ) ).toBe( 3600 );
		await expect(
			idVerifier.verify( tamper( session.getIdToken().getJwtToken() ) )
		).rejects.toThrow();

		const accessVerifier = JwtRsaVerifier.create( {
			issuer: issuer(),
			audience: null,
			jwksUri: `${ issuer() }/.well-known/jwks.json`,
		} );
		accessVerifier.cacheJwks( jwks );
		const access = await accessVerifier.verify(
			session.getAccessToken().getJwtToken()
		);
		expect( access ).toMatchObject( {
			token_use: 'access',
			client_id: CLIENT_ID,
			username: 'alice',
			scope: 'aws.cognito.signin.user.admin',
			sub: id.sub,
		} );
		expect( access.origin_jti ).toBe( id.origin_jti );
	} );

	it( 'verifies with jose against the served JWKS, and rejects a wrong audience', async () => {
		const { session } = await signInOk( 'bob', PASSWORD );
		const keys = createRemoteJWKSet(
			new URL( `${ issuer() }/.well-known/jwks.json` )
		);
		const { payload, protectedHeader } = await jwtVerify(
			session.getIdToken().getJwtToken(),
			keys,
			{ issuer: issuer(), audience: CLIENT_ID }
		);
		expect( protectedHeader.alg ).toBe( 'RS256' );
		expect( payload[ 'cognito:groups' ] ).toBeUndefined();
		await expect(
			jwtVerify( session.getIdToken().getJwtToken(), keys, {
				issuer: issuer(),
				audience: 'other',
			} )
		).rejects.toThrow();
		await expect(
			jwtVerify( tamper( session.getIdToken().getJwtToken() ), keys, {
				issuer: issuer(),
			} )
		).rejects.toThrow();
	} );
} );
