/**
 * Two WordPress sites on one user pool (the test stack installs site B beside site A; one app client lists both
 * sites' callback and sign-out URLs): one account for both, and single sign-on from one site to the other.
 */
import { test, expect, type Page } from '@playwright/test';
import {
	codeFromOutbox,
	codeInput,
	expectSignedIn,
	newPassword,
	openForm,
	submitSignIn,
	testUser,
} from './support/forms';
import { siteUrl } from './support/wordpress';
import { EMULATOR, SSO_BUTTON, signInThroughHostedUi } from './support/sso';

const SITE_B = process.env.WP_SITE_B_URL ?? '';

test.skip( ! SITE_B, 'the test stack has no second site (WP_SITE_B_URL)' );

/** A page of site B, its form mounted. */
async function openOnB( page: Page, pathname: string ): Promise< void > {
	await page.goto( SITE_B + pathname );
	await expect(
		page.locator( '[data-cognito-blocks][data-mounted="true"]' )
	).toHaveCount( 1 );
}

/**
 * The user site B's REST API knows this browser as (0: signed out). Both sites are on 127.0.0.1, so the cookie
 * jar is shared; each site's cookies carry its own hash, and only B's REST API answers for B.
 * @param page
 */
async function userOnB( page: Page ): Promise< number > {
	const nonce = await page.request.get(
		`${ SITE_B }/wp-admin/admin-ajax.php?action=rest-nonce`
	);
	if ( ! nonce.ok() ) {
		return 0;
	}
	const me = await page.request.get( `${ SITE_B }/wp-json/wp/v2/users/me`, {
		headers: { 'X-WP-Nonce': ( await nonce.text() ).trim() },
	} );
	return me.ok() ? ( await me.json() ).id : 0;
}

test( 'signed up on site A with the sign-up block, the visitor signs in on site B with the same credentials', async ( {
	page,
} ) => {
	const email = `both-${ Date.now() }@example.test`;
	const password = newPassword();
	await openForm( page, '/e2e-register/' );
	await page.getByLabel( 'Email' ).fill( email );
	await page.getByLabel( /^First name/ ).fill( 'Noor' );
	await page.getByLabel( 'Password', { exact: true } ).fill( password );
	await page.getByRole( 'button', { name: 'Create account' } ).click();
	await codeInput( page ).fill( await codeFromOutbox( email ) );
	await page.getByRole( 'button', { name: 'Confirm' } ).click();
	await expectSignedIn( page );
	expect( await userOnB( page ) ).toBe( 0 );

	await openOnB( page, '/e2e-sign-in/' );
	await submitSignIn( page, email, password );
	await expect( page.getByText( /^Signed in as / ) ).toBeVisible( {
		timeout: 20_000,
	} );
	expect( await userOnB( page ) ).toBeGreaterThan( 0 );
} );

test( 'signed in on A through the hosted UI, one press of B’s button signs in on B; after A’s hosted sign-out, B asks again', async ( {
	page,
	context,
} ) => {
	await signInThroughHostedUi( page, testUser( 'confirmed' ) );

	// Site B: one press, no password typed; the hosted UI's session answers at once.
	const typed: string[] = [];
	page.on( 'request', ( request ) => {
		if (
			request.method() === 'POST' &&
			request.url().startsWith( EMULATOR )
		) {
			typed.push( request.url() );
		}
	} );
	await openOnB( page, '/e2e-sso/' );
	await page.getByRole( 'button', { name: SSO_BUTTON } ).click();
	await expect( page ).toHaveURL(
		new RegExp( `^${ SITE_B }/e2e-landing/$` ),
		{
			timeout: 20_000,
		}
	);
	expect( await userOnB( page ) ).toBeGreaterThan( 0 );
	expect(
		typed.filter( ( url ) => ! url.includes( '/oauth2/token' ) ),
		'no sign-in form was posted to the hosted UI'
	).toEqual( [] );

	// Sign out of A: WordPress ends A's session and sends the browser through the hosted UI's /logout.
	const hops: string[] = [];
	page.on( 'request', ( request ) => {
		if ( request.isNavigationRequest() ) {
			hops.push( request.url() );
		}
	} );
	await page.goto( siteUrl( '/e2e-sign-in/' ) );
	await page.getByRole( 'link', { name: 'Sign out' } ).click();
	await expect( page ).toHaveURL( /wp-login\.php\?loggedout=true/, {
		timeout: 20_000,
	} );
	expect(
		hops.some( ( url ) => url.startsWith( `${ EMULATOR }/logout` ) )
	).toBe( true );

	// B's next press needs credentials: the hosted UI shows its sign-in form. (B's own WordPress session is not
	// A's to end; it is left to expire here, so B shows its button again.)
	await context.clearCookies( { name: /^wordpress_/ } );
	expect( await userOnB( page ) ).toBe( 0 );
	await openOnB( page, '/e2e-sso/' );
	await page.getByRole( 'button', { name: SSO_BUTTON } ).click();
	await expect( page ).toHaveURL( new RegExp( `^${ EMULATOR }/` ) );
	await expect( page.getByLabel( 'Password' ) ).toBeVisible();
} );
