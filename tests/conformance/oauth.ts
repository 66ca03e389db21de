/**
 * The hosted UI driven over real HTTP the way a browser follows it (redirect: 'manual', the cookie carried by
 * hand): authorize requests, the simulated identity provider's page, the code exchange, ID token checks.
 */
import { createHash, randomBytes } from 'node:crypto';
import { JwtRsaVerifier } from 'aws-jwt-verify';
import { expect } from 'vitest';
import { emulatorUrl } from './helpers';
import { POOL_ID } from './seed';

export interface Site {
	clientId: string;
	redirect: string;
	logout?: string;
}

export function pkce() {
	const verifier = randomBytes( 32 ).toString( 'base64url' );
	return {
		verifier,
		challenge: createHash( 'sha256' )
			.update( verifier )
			.digest( 'base64url' ),
	};
}

export function authorizeUrl(
	site: Site,
	challenge: string,
	extra: Record< string, string > = {},
	state = 'st-fed'
): string {
	const q = new URLSearchParams( {
		response_type: 'code',
		client_id: site.clientId,
		redirect_uri: site.redirect,
		state,
		scope: 'openid email profile',
		code_challenge: challenge,
		code_challenge_method: 'S256',
		...extra,
	} );
	return `/oauth2/authorize?${ q }`;
}

/** A GET that does not follow redirects; `location` resolved against the emulator. */
export async function get( path: string, cookie = '' ) {
	const res = await fetch( new URL( path, emulatorUrl() ), {
		redirect: 'manual',
		headers: cookie ? { Cookie: cookie } : {},
	} );
	const location = res.headers.get( 'location' );
	return {
		res,
		status: res.status,
		location: location ? new URL( location, emulatorUrl() ) : null,
		cookie: ( res.headers.get( 'set-cookie' ) ?? '' ).split( ';' )[ 0 ]!,
	};
}

export const postForm = ( url: URL, form: Record< string, string > ) =>
	fetch( url, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams( form ),
	} );

export interface Person {
	email: string;
	name?: string;
	verified?: boolean;
}

/**
 * Authorize with `identity_provider` → the provider's page → Continue (or Cancel) → /oauth2/idpresponse → the
 * app's callback. Returns the callback URL, the session cookie set on the way, and the PKCE verifier.
 */
export async function viaProvider(
	site: Site,
	provider: string,
	person: Person | 'cancel',
	state = 'st-fed'
) {
	const { verifier, challenge } = pkce();
	const start = await get(
		authorizeUrl( site, challenge, { identity_provider: provider }, state )
	);
	expect( start.status ).toBe( 302 );
	const providerPage = start.location!;
	expect( providerPage.pathname ).toBe(
		`/_emulator/idp/${ provider }/authorize`
	);
	const page = await get( providerPage.toString() );
	expect( page.status ).toBe( 200 );
	const html = await page.res.text();
	const answer = await postForm(
		providerPage,
		person === 'cancel'
			? {
					state: providerPage.searchParams.get( 'state' )!,
					action: 'cancel',
				}
			: {
					state: providerPage.searchParams.get( 'state' )!,
					email: person.email,
					name: person.name ?? '',
					...( person.verified ? { email_verified: 'true' } : {} ),
					action: 'continue',
				}
	);
	expect( answer.status ).toBe( 302 );
	const idpResponse = new URL(
		answer.headers.get( 'location' )!,
		emulatorUrl()
	);
	expect( idpResponse.pathname ).toBe( '/oauth2/idpresponse' );
	const back = await get( idpResponse.toString() );
	expect( back.status ).toBe( 302 );
	return { callback: back.location!, cookie: back.cookie, verifier, html };
}

export async function exchange( site: Site, code: string, verifier: string ) {
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
	expect( res.status ).toBe( 200 );
	return ( await res.json() ) as Record< string, string >;
}

/** The ID token's claims, after aws-jwt-verify has checked its signature, issuer, audience and use. */
export async function verifiedIdToken( token: string, audience: string ) {
	const iss = `${ emulatorUrl() }/${ POOL_ID }`;
	const verifier = JwtRsaVerifier.create( {
		issuer: iss,
		audience,
		jwksUri: `${ iss }/.well-known/jwks.json`,
		tokenUse: 'id',
	} );
	verifier.cacheJwks(
		await ( await fetch( `${ iss }/.well-known/jwks.json` ) ).json()
	);
	return verifier.verify( token );
}
