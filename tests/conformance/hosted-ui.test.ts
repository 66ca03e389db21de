import { createHash, randomBytes } from 'node:crypto';
import { JwtRsaVerifier } from 'aws-jwt-verify';
import { describe, expect, it } from 'vitest';
import { emulatorUrl } from './helpers';
import { OTHER_WEB_CLIENT_ID, PASSWORD, POOL_ID, WEB_CLIENT_ID } from './seed';

const A = {
	clientId: WEB_CLIENT_ID,
	redirect: 'http://127.0.0.1:1/a/callback',
	logout: 'http://127.0.0.1:1/a/signed-out',
};
const B = {
	clientId: OTHER_WEB_CLIENT_ID,
	redirect: 'http://127.0.0.1:1/b/callback',
};

function pkce() {
	const verifier = randomBytes( 32 ).toString( 'base64url' );
	return {
		verifier,
		challenge: createHash( 'sha256' )
			.update( verifier )
			.digest( 'base64url' ),
	};
}

function authorizeQuery(
	site: { clientId: string; redirect: string },
	challenge: string | null,
	state = 'st-123'
) {
	const q = new URLSearchParams( {
		response_type: 'code',
		client_id: site.clientId,
		redirect_uri: site.redirect,
		state,
		scope: 'openid email',
		identity_provider: 'COGNITO',
	} );
	if ( challenge ) {
		q.set( 'code_challenge', challenge );
		q.set( 'code_challenge_method', 'S256' );
	}
	return q;
}

const get = ( path: string, cookie = '' ) =>
	fetch( `${ emulatorUrl() }${ path }`, {
		redirect: 'manual',
		headers: cookie ? { Cookie: cookie } : {},
	} );

async function exchange(
	site: { clientId: string; redirect: string },
	code: string,
	verifier: string
) {
	const res = await fetch( `${ emulatorUrl() }/oauth2/token`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams( {
			grant_type: 'authorization_code',
			client_id: site.clientId,
			code,
			redirect_uri: site.redirect,
			code_verifier: verifier,
		} ),
	} );
	return {
		status: res.status,
		json: ( await res.json() ) as Record< string, string >,
	};
}

describe( 'hosted UI (authorization code + PKCE)', () => {
	it( 'validates authorize requests', async () => {
		const noPkce = await get(
			`/oauth2/authorize?${ authorizeQuery( A, null ) }`
		);
		expect( noPkce.status ).toBe( 302 );
		const loc = new URL( noPkce.headers.get( 'location' )! );
		expect( loc.searchParams.get( 'error' ) ).toBe( 'invalid_request' );
		expect( loc.searchParams.get( 'state' ) ).toBe( 'st-123' );
		const q = authorizeQuery( A, pkce().challenge );
		q.set( 'redirect_uri', 'http://evil.example/cb' );
		expect( ( await get( `/oauth2/authorize?${ q }` ) ).status ).toBe(
			400
		);
	} );

	it( 'signs in with a password, exchanges the code with the verifier, and signs a second client in from the session cookie', async () => {
		const first = pkce();
		const query = authorizeQuery( A, first.challenge );
		const page = await get( `/oauth2/authorize?${ query }` );
		expect( page.status ).toBe( 200 );
		expect( await page.text() ).toContain( 'name="password"' );

		const post = ( password: string ) =>
			fetch( `${ emulatorUrl() }/login?${ query }`, {
				method: 'POST',
				redirect: 'manual',
				headers: {
					'Content-Type': 'application/x-www-form-urlencoded',
				},
				body: new URLSearchParams( { username: 'bob', password } ),
			} );
		const wrong = await post( 'Wrong-Passw0rd!' );
		expect( wrong.status ).toBe( 200 );
		expect( await wrong.text() ).toContain(
			'Incorrect username or password.'
		);

		const ok = await post( PASSWORD );
		expect( ok.status ).toBe( 302 );
		const cookie = ( ok.headers.get( 'set-cookie' ) ?? '' ).split(
			';'
		)[ 0 ]!;
		expect( cookie ).toMatch( /=.+/ );
		const callback = new URL( ok.headers.get( 'location' )! );
		expect( callback.origin + callback.pathname ).toBe( A.redirect );
		expect( callback.searchParams.get( 'state' ) ).toBe( 'st-123' );

		// A wrong verifier is refused (and burns the code).
		const bad = await exchange(
			A,
			callback.searchParams.get( 'code' )!,
			pkce().verifier
		);
		expect( bad ).toEqual( {
			status: 400,
			json: { error: 'invalid_grant' },
		} );
		expect(
			(
				await exchange(
					A,
					callback.searchParams.get( 'code' )!,
					first.verifier
				)
			).status
		).toBe( 400 );

		// Same browser session: a new authorization for site A needs no password.
		const second = pkce();
		const again = await get(
			`/oauth2/authorize?${ authorizeQuery( A, second.challenge ) }`,
			cookie
		);
		expect( again.status ).toBe( 302 );
		const tokens = await exchange(
			A,
			new URL( again.headers.get( 'location' )! ).searchParams.get(
				'code'
			)!,
			second.verifier
		);
		expect( tokens.status ).toBe( 200 );
		expect( tokens.json.token_type ).toBe( 'Bearer' );

		const iss = `${ emulatorUrl() }/${ POOL_ID }`;
		const verifier = JwtRsaVerifier.create( {
			issuer: iss,
			audience: A.clientId,
			jwksUri: `${ iss }/.well-known/jwks.json`,
			tokenUse: 'id',
		} );
		verifier.cacheJwks(
			await ( await fetch( `${ iss }/.well-known/jwks.json` ) ).json()
		);
		expect(
			( await verifier.verify( tokens.json.id_token! ) )[
				'cognito:username'
			]
		).toBe( 'bob' );
		const accessPayload = JSON.parse(
			Buffer.from(
				tokens.json.access_token!.split( '.' )[ 1 ]!,
				'base64url'
			).toString()
		);
		expect( accessPayload.scope ).toBe( 'openid email' );

		const info = await fetch( `${ emulatorUrl() }/oauth2/userInfo`, {
			headers: { Authorization: `Bearer ${ tokens.json.access_token }` },
		} );
		expect( await info.json() ).toMatchObject( {
			username: 'bob',
			email: 'bob@example.com',
			email_verified: 'true',
		} );
		expect(
			(
				await fetch( `${ emulatorUrl() }/oauth2/userInfo`, {
					headers: { Authorization: 'Bearer nope' },
				} )
			).status
		).toBe( 401 );

		const refreshed = await fetch( `${ emulatorUrl() }/oauth2/token`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams( {
				grant_type: 'refresh_token',
				client_id: A.clientId,
				refresh_token: tokens.json.refresh_token!,
			} ),
		} );
		const renewed = await refreshed.json();
		expect( renewed.id_token ).toBeTruthy();
		// Only a client with refresh token rotation gets a new refresh token.
		expect( renewed.refresh_token ).toBeUndefined();

		// Site B, same pool: signed in from the cookie, token audience is B.
		const b = pkce();
		const other = await get(
			`/oauth2/authorize?${ authorizeQuery( B, b.challenge, 'b-state' ) }`,
			cookie
		);
		expect( other.status ).toBe( 302 );
		const bLoc = new URL( other.headers.get( 'location' )! );
		expect( bLoc.searchParams.get( 'state' ) ).toBe( 'b-state' );
		const bTokens = await exchange(
			B,
			bLoc.searchParams.get( 'code' )!,
			b.verifier
		);
		expect(
			JSON.parse(
				Buffer.from(
					bTokens.json.id_token!.split( '.' )[ 1 ]!,
					'base64url'
				).toString()
			).aud
		).toBe( B.clientId );

		// Logout clears the session: the next authorize shows the form again.
		expect(
			(
				await get(
					`/logout?client_id=${ A.clientId }&logout_uri=${ encodeURIComponent( 'http://evil.example/' ) }`,
					cookie
				)
			).status
		).toBe( 400 );
		const out = await get(
			`/logout?client_id=${ A.clientId }&logout_uri=${ encodeURIComponent( A.logout ) }`,
			cookie
		);
		expect( out.status ).toBe( 302 );
		expect( out.headers.get( 'location' ) ).toBe( A.logout );
		expect( out.headers.get( 'set-cookie' ) ).toContain( 'Max-Age=0' );
		expect(
			(
				await get(
					`/oauth2/authorize?${ authorizeQuery( A, pkce().challenge ) }`,
					cookie
				)
			).status
		).toBe( 200 );
	} );
} );
