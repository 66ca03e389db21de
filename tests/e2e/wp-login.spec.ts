/**
 * wp-login.php through the plugin (php/Login): the core sign-in form replaced by the shared mount point, SRP in
 * the browser against the emulator, the validated redirect_to, and the WordPress-password way kept for the
 * break-glass administrator, with and without script.
 */
import { test, expect, type Page } from '@playwright/test';
import { siteUrl } from './support/wordpress';
import { testUser, wordpressUser } from './support/forms';

interface SentRequest {
	url: string;
	body: string;
}

/**
 * Every request the page sends to the WordPress origin, with its body.
 * @param page
 */
function recordWordPressRequests( page: Page ): SentRequest[] {
	const origin = new URL( siteUrl( '/' ) ).origin;
	const sent: SentRequest[] = [];
	page.on( 'request', ( request ) => {
		if ( new URL( request.url() ).origin === origin ) {
			sent.push( { url: request.url(), body: request.postData() ?? '' } );
		}
	} );
	return sent;
}

async function signInThroughCognito(
	page: Page,
	redirectTo: string
): Promise< void > {
	const user = testUser( 'confirmed' );
	await page.goto(
		siteUrl(
			`/wp-login.php?redirect_to=${ encodeURIComponent( redirectTo ) }`
		)
	);
	// Scoped to the mount point: the hidden core form has its own "Password" field.
	const form = page.locator(
		'[data-cognito-blocks="login"][data-mounted="true"]'
	);
	await expect( form ).toBeVisible();
	await expect( page.locator( '#loginform' ) ).toBeHidden();
	await form.getByLabel( 'Username or email' ).fill( user.username );
	await form.getByLabel( 'Password', { exact: true } ).fill( user.password );
	await form.getByRole( 'button', { name: 'Sign in', exact: true } ).click();
}

test( 'wp-login.php signs in with SRP; no request to WordPress carries the password', async ( {
	page,
} ) => {
	const { password } = testUser( 'confirmed' );
	const sent = recordWordPressRequests( page );
	const target = siteUrl( '/e2e-landing/' );

	await signInThroughCognito( page, target );

	await expect( page ).toHaveURL( target );
	expect( ( await wordpressUser( page ) ).id ).toBeGreaterThan( 0 );
	expect(
		sent.some( ( request ) =>
			request.url.includes( '/cognito-blocks/v1/session' )
		),
		'the ID token was handed to the session endpoint'
	).toBe( true );
	const forms = [
		password,
		encodeURIComponent( password ),
		new URLSearchParams( { p: password } ).toString().slice( 2 ),
	];
	for ( const request of sent ) {
		for ( const form of forms ) {
			expect( request.body, request.url ).not.toContain( form );
			expect( request.url ).not.toContain( form );
		}
	}
} );

test( 'wp-login.php: an external redirect_to is refused, the visitor lands on the dashboard', async ( {
	page,
} ) => {
	const requests: string[] = [];
	page.on( 'request', ( request ) => requests.push( request.url() ) );

	await signInThroughCognito( page, 'https://evil.example/steal' );

	await expect( page ).toHaveURL( siteUrl( '/wp-admin/' ) );
	expect(
		requests.some( ( url ) => url.startsWith( 'https://evil.example' ) )
	).toBe( false );
} );

test( 'break-glass: the visible link opens the WordPress-password form for the local administrator', async ( {
	page,
} ) => {
	await page.goto( siteUrl( '/wp-login.php' ) );
	await expect(
		page.locator( '[data-cognito-blocks="login"][data-mounted="true"]' )
	).toBeVisible();
	await page
		.getByRole( 'link', { name: 'Sign in with a WordPress password' } )
		.click();

	await expect( page.locator( '[data-cognito-blocks]' ) ).toHaveCount( 0 );
	await page
		.locator( '#user_login' )
		.fill( process.env.WP_ADMIN_USER ?? 'admin' );
	await page
		.locator( '#user_pass' )
		.fill( process.env.WP_ADMIN_PASSWORD ?? '' );
	await page.locator( '#wp-submit' ).click();
	await expect( page.locator( '#wpadminbar' ) ).toBeVisible();
} );

test( 'without JavaScript the core form stays usable for the local administrator', async ( {
	browser,
} ) => {
	const context = await browser.newContext( { javaScriptEnabled: false } );
	const page = await context.newPage();
	await page.goto( siteUrl( '/wp-login.php' ) );
	await expect( page.locator( '#loginform' ) ).toBeVisible();
	await page
		.locator( '#user_login' )
		.fill( process.env.WP_ADMIN_USER ?? 'admin' );
	await page
		.locator( '#user_pass' )
		.fill( process.env.WP_ADMIN_PASSWORD ?? '' );
	await page.locator( '#wp-submit' ).click();
	await expect( page.locator( '#wpadminbar' ) ).toBeVisible();
	await context.close();
} );
