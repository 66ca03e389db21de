/**
 * wp-login.php through the plugin (php/Login): the core sign-in form replaced by the shared mount point, SRP in
 * the browser against the emulator, the validated redirect_to, and the WordPress-password way kept for the
 * break-glass administrator, with and without script.
 */
import { test, expect, type Page } from '@playwright/test';
import { loginAsAdmin, siteUrl } from './support/wordpress';
import {
	hasSessionCookie,
	newPassword,
	testUser,
	wordpressUser,
} from './support/forms';
import { createPoolUser } from './support/emulator-control';

const PASSWORD_LINK =
	'Site administrators: sign in with your WordPress password';

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

/**
 * Sets Settings › General › "Anyone can register" through the settings screen, as the site's administrator.
 * @param page
 * @param open
 */
async function setAnyoneCanRegister( page: Page, open: boolean ) {
	await loginAsAdmin( page );
	await page.goto( siteUrl( '/wp-admin/options-general.php' ) );
	await page.locator( '#users_can_register' ).setChecked( open );
	await page.locator( '#submit' ).click();
	await expect( page.getByText( 'Settings saved.' ) ).toBeVisible();
	await page.context().clearCookies();
}

async function signInThroughCognito(
	page: Page,
	redirectTo: string,
	user: { username: string; password: string } = testUser( 'confirmed' )
): Promise< void > {
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
	await page.getByRole( 'link', { name: PASSWORD_LINK } ).click();

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

test( 'registration closed: an unknown pool user reads why, and the message leads to the WordPress-password form', async ( {
	page,
} ) => {
	const password = newPassword();
	const username = await createPoolUser( password );
	await setAnyoneCanRegister( page, false );
	try {
		await signInThroughCognito( page, siteUrl( '/e2e-landing/' ), {
			username,
			password,
		} );

		const alert = page
			.locator( '[data-cognito-blocks="login"]' )
			.getByRole( 'alert' );
		await expect( alert ).toContainText(
			'New accounts are not created on this site.'
		);
		expect( await hasSessionCookie( page.context() ) ).toBe( false );
		// The way out is in the message itself, and under the form.
		await expect(
			page.getByRole( 'link', { name: PASSWORD_LINK } )
		).toHaveCount( 2 );
		await alert.getByRole( 'link', { name: PASSWORD_LINK } ).click();

		await expect( page.locator( '#loginform' ) ).toBeVisible();
		await expect( page.locator( '[data-cognito-blocks]' ) ).toHaveCount(
			0
		);
		expect( new URL( page.url() ).searchParams.get( 'redirect_to' ) ).toBe(
			siteUrl( '/e2e-landing/' )
		);
	} finally {
		await setAnyoneCanRegister( page, true );
	}
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
