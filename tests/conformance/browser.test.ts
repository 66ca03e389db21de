/**
 * The real library in a real browser, on a page served from another 127.0.0.1 port: proves CORS
 * (preflight + response headers) and SRP work exactly as a WordPress page would use them.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { chromium, type Browser } from 'playwright-core';
import { chromiumLaunchOptions } from '../support/chromium.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorUrl } from './helpers';
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
} );
