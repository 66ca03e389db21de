/**
 * Full-page caches serve the same HTML to every anonymous visitor for hours. WordPress nonces expire within a day
 * and are tied to the visitor, so a form page that embedded one would stop working once its cached copy aged.
 * Here the sign-in page's HTML is saved, "hours pass" for nonces (the site's nonce key and salt are rotated, which
 * invalidates every nonce issued before, exactly like their expiry), and the saved copy still signs in.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect, type Browser } from '@playwright/test';
import { loginAsAdmin, siteUrl } from './support/wordpress';
import {
	openForm,
	submitSignIn,
	testUser,
	wordpressUser,
} from './support/forms';

const PAGE = '/e2e-sign-in/';

/**
 * Gives NONCE_KEY and NONCE_SALT new values in wp-config.php; returns the function that puts the file back.
 * @param wpRoot
 */
function rotateNonceSalts( wpRoot: string ): () => void {
	const file = path.join( wpRoot, 'wp-config.php' );
	const original = readFileSync( file, 'utf8' );
	let rotated = 0;
	const changed = original.replace(
		/define\(\s*'(NONCE_KEY|NONCE_SALT)',\s*'[^']*'\s*\)/g,
		( _match, name: string ) => {
			rotated++;
			return `define( '${ name }', 'rotated-${ name }-${ Date.now() }' )`;
		}
	);
	expect( rotated, 'NONCE_KEY and NONCE_SALT in wp-config.php' ).toBe( 2 );
	writeFileSync( file, changed );
	return () => writeFileSync( file, original );
}

/**
 * A REST nonce an administrator got before, and whether WordPress still accepts it: proof that the rotation
 * really made earlier nonces stale.
 * @param browser
 */
async function adminNonceProbe( browser: Browser ): Promise< {
	stillValid: () => Promise< boolean >;
	close: () => Promise< void >;
} > {
	const context = await browser.newContext();
	const page = await context.newPage();
	await loginAsAdmin( page );
	const nonce = (
		await (
			await page.request.get(
				siteUrl( '/wp-admin/admin-ajax.php?action=rest-nonce' )
			)
		).text()
	).trim();
	const stillValid = async () =>
		(
			await page.request.get( siteUrl( '/wp-json/wp/v2/users/me' ), {
				headers: { 'X-WP-Nonce': nonce },
			} )
		).ok();
	expect( await stillValid(), 'a fresh nonce is accepted' ).toBe( true );
	return { stillValid, close: () => context.close() };
}

test( 'the sign-in page served from a copy of its HTML saved hours earlier still signs in', async ( {
	browser,
	context,
	page,
	request,
} ) => {
	const user = testUser( 'confirmed' );
	const url = siteUrl( PAGE );

	// What a page cache stores: the HTML an anonymous visitor gets.
	const response = await request.get( url );
	expect( response.ok() ).toBe( true );
	const savedHtml = await response.text();
	expect( savedHtml ).toContain( 'data-cognito-blocks="login"' );

	// Nothing in it may belong to one visitor or one moment.
	expect( savedHtml ).not.toMatch( /nonce/i );
	expect( savedHtml ).not.toContain( 'wp_rest' );
	expect( savedHtml ).not.toContain( 'wpApiSettings' );
	expect( savedHtml ).not.toContain( 'Signed in as' );
	expect( savedHtml ).not.toContain( 'wpadminbar' );
	expect( savedHtml ).not.toContain( user.email );

	const probe = await adminNonceProbe( browser );
	const restore = rotateNonceSalts( process.env.WP_ROOT ?? '' );
	try {
		// Polled: PHP's opcache looks at wp-config.php's timestamp at most every couple of seconds.
		await expect
			.poll( probe.stillValid, {
				message:
					'nonces issued before the "hours" passed are rejected now',
				timeout: 8_000,
			} )
			.toBe( false );

		// Chromium places a document fulfilled by the test (it has no server address) in the public address
		// space and blocks its requests to the emulator on 127.0.0.1. Real Cognito is public, so no visitor meets
		// this; grant the local-network permission a visitor would never need.
		await context.grantPermissions( [ 'local-network-access' ], {
			origin: new URL( url ).origin,
		} );
		// The cache answers anonymous visitors only, as real page caches do (they skip signed-in cookies).
		let servedFromCache = 0;
		await page.route( url, async ( route ) => {
			const cookies = ( await route.request().allHeaders() ).cookie ?? '';
			if ( cookies.includes( 'wordpress_logged_in_' ) ) {
				return route.continue();
			}
			servedFromCache++;
			return route.fulfill( {
				body: savedHtml,
				contentType: 'text/html; charset=utf-8',
			} );
		} );

		await openForm( page, PAGE );
		expect( servedFromCache ).toBe( 1 );
		await submitSignIn( page, user.username, user.password );
		await expect( page.getByText( /^Signed in as / ) ).toBeVisible( {
			timeout: 20_000,
		} );
		expect( ( await wordpressUser( page ) ).id ).toBeGreaterThan( 0 );
	} finally {
		restore();
		// Wait until PHP reads the restored file, so later tests never get a nonce signed with the rotated salt.
		// `php -S` runs several workers, each noticing the change on its own: one good answer is not enough, so
		// wait out the re-check interval and then require a run of good answers.
		await expect.poll( probe.stillValid, { timeout: 8_000 } ).toBe( true );
		await new Promise( ( resolve ) => setTimeout( resolve, 3_000 ) );
		await expect
			.poll(
				async () => {
					for ( let i = 0; i < 12; i++ ) {
						if ( ! ( await probe.stillValid() ) ) {
							return false;
						}
					}
					return true;
				},
				{ timeout: 15_000 }
			)
			.toBe( true );
		await probe.close();
	}
} );
