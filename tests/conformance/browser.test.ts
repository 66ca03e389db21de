/**
 * The real library in a real browser, on a page served from another 127.0.0.1 port: proves CORS
 * (preflight + response headers) and SRP work exactly as a WordPress page would use them.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { CreateUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';
import { chromium, type Browser } from 'playwright-core';
import { chromiumLaunchOptions } from '../support/chromium.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSdk, emulatorUrl, uniqueName } from './helpers';
import { authorizeUrl, pkce, verifiedIdToken } from './oauth';
import { CLIENT_ID, PASSWORD, POOL_ID } from './seed';

const require = createRequire( import.meta.url );
const bundle = readFileSync(
	require.resolve( 'amazon-cognito-identity-js/dist/amazon-cognito-identity.min.js' )
);
const PAGE = `<!doctype html><meta charset="utf-8"><title>SRP page</title>
<script src="/cognito.js"></script>
<script>
window.signIn = (endpoint, poolId, clientId, username, password) => new Promise((resolve) => {
	const { CognitoUserPool, CognitoUser, AuthenticationDetails } = window.AmazonCognitoIdentity;
	const pool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint });
	const user = new CognitoUser({ Username: username, Pool: pool });
	user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), {
		onSuccess: (s) => resolve({ ok: true, username: s.getIdToken().payload['cognito:username'] }),
		onFailure: (e) => resolve({ ok: false, code: e.code, message: e.message }),
	});
});
</script>`;

describe( 'browser sign-in across origins', () => {
	let site: Server;
	let siteUrl: string;
	let browser: Browser;

	beforeAll( async () => {
		site = createServer( ( req, res ) => {
			if ( req.url === '/cognito.js' ) {
				res.writeHead( 200, { 'Content-Type': 'text/javascript' } ).end(
					bundle
				);
			} else {
				res.writeHead( 200, { 'Content-Type': 'text/html' } ).end(
					PAGE
				);
			}
		} );
		await new Promise< void >( ( r ) => site.listen( 0, '127.0.0.1', r ) );
		siteUrl = `http://127.0.0.1:${ ( site.address() as AddressInfo ).port }`;
		browser = await chromium.launch( chromiumLaunchOptions() );
	} );
	afterAll( async () => {
		await browser?.close();
		await new Promise( ( r ) => site?.close( r ) );
	} );

	it( 'signs in with SRP from a page on another port, and reports a wrong password', async () => {
		const page = await browser.newPage();
		const preflights: string[] = [];
		page.on( 'request', ( r ) => {
			if ( r.url().startsWith( emulatorUrl() ) ) {
				preflights.push( r.method() );
			}
		} );
		await page.goto( siteUrl );
		expect( new URL( siteUrl ).port ).not.toBe(
			new URL( emulatorUrl() ).port
		);
		const args = [ `${ emulatorUrl() }/`, POOL_ID, CLIENT_ID ] as const;
		const ok = await page.evaluate(
			( [ e, p, c, u, pw ] ) =>
				( window as any ).signIn( e, p, c, u, pw ),
			[ ...args, 'bob', PASSWORD ]
		);
		expect( ok ).toEqual( { ok: true, username: 'bob' } );
		const bad = await page.evaluate(
			( [ e, p, c, u, pw ] ) =>
				( window as any ).signIn( e, p, c, u, pw ),
			[ ...args, 'bob', 'Wrong-Passw0rd!' ]
		);
		expect( bad ).toEqual( {
			ok: false,
			code: 'NotAuthorizedException',
			message: 'Incorrect username or password.',
		} );
		expect( preflights ).toContain( 'POST' );
	} );

	it( 'signs in on the simulated Google page and exchanges the code from the site’s own page (CORS on /oauth2/token)', async () => {
		const { UserPoolClient } = await adminSdk().send(
			new CreateUserPoolClientCommand( {
				UserPoolId: POOL_ID,
				ClientName: uniqueName( 'browser-federated' ),
				CallbackURLs: [ `${ siteUrl }/callback` ],
				AllowedOAuthFlows: [ 'code' ],
				AllowedOAuthScopes: [ 'openid', 'email', 'profile' ],
				SupportedIdentityProviders: [ 'COGNITO', 'Google' ],
			} )
		);
		const app = {
			clientId: UserPoolClient!.ClientId!,
			redirect: `${ siteUrl }/callback`,
		};
		const { verifier, challenge } = pkce();
		const page = await browser.newPage();
		await page.goto(
			emulatorUrl() +
				authorizeUrl( app, challenge, { identity_provider: 'Google' } )
		);
		expect( await page.title() ).toBe(
			'Sign in with Google (simulated provider)'
		);
		const address = `${ uniqueName( 'bea' ) }@gmail.example`;
		await page.fill( '#email', address );
		await page.fill( '#name', 'Bea Browser' );
		await Promise.all( [
			page.waitForURL( `${ siteUrl }/callback?**` ),
			page.click( 'button[value=continue]' ),
		] );
		const code = new URL( page.url() ).searchParams.get( 'code' )!;
		// The exchange as a simple request, the refresh with an Authorization header (so preflighted).
		const result = await page.evaluate(
			async ( [
				endpoint,
				clientId,
				redirectUri,
				theCode,
				theVerifier,
			] ) => {
				const form = ( fields: Record< string, string > ) =>
					new URLSearchParams( fields );
				const first = await fetch( endpoint, {
					method: 'POST',
					headers: {
						'Content-Type': 'application/x-www-form-urlencoded',
					},
					body: form( {
						grant_type: 'authorization_code',
						client_id: clientId,
						code: theCode,
						redirect_uri: redirectUri,
						code_verifier: theVerifier,
					} ),
				} );
				const tokens = await first.json();
				const renewed = await fetch( endpoint, {
					method: 'POST',
					headers: {
						'Content-Type': 'application/x-www-form-urlencoded',
						Authorization: `Basic ${ btoa( `${ clientId }:` ) }`,
					},
					body: form( {
						grant_type: 'refresh_token',
						client_id: clientId,
						refresh_token: tokens.refresh_token,
					} ),
				} );
				return {
					status: first.status,
					idToken: tokens.id_token as string,
					renewed: renewed.status,
				};
			},
			[
				`${ emulatorUrl() }/oauth2/token`,
				app.clientId,
				app.redirect,
				code,
				verifier,
			]
		);
		expect( result.status ).toBe( 200 );
		expect( result.renewed ).toBe( 200 );
		const claims = await verifiedIdToken( result.idToken, app.clientId );
		expect( claims ).toMatchObject( {
			email: address,
			email_verified: true,
			name: 'Bea Browser',
			'cognito:username': expect.stringMatching( /^Google_\d{21}$/ ),
		} );
	} );
} );
