/**
 * Single sign-on through the pool's hosted UI against the real stack: the sso-button block starts an
 * authorization-code + PKCE sign-in in the browser, the emulator's hosted UI (or a simulated external provider)
 * signs the visitor in, and the callback on wp-login.php exchanges the code and opens the WordPress session.
 */
import { test, expect } from '@playwright/test';
import {
	hasSessionCookie,
	openForm,
	testUser,
	wordpressUser,
} from './support/forms';
import { loginAsAdmin, siteUrl } from './support/wordpress';
import {
	EMULATOR,
	SSO_BUTTON,
	signInOnHostedPage,
	signInThroughHostedUi,
} from './support/sso';

test( 'the hosted UI signs a visitor in: S256 challenge and state, code exchange, WordPress session', async ( {
	page,
	context,
} ) => {
	const user = testUser( 'confirmed' );
	const authorize: URL[] = [];
	const tokenRequests: string[] = [];
	page.on( 'request', ( request ) => {
		const url = new URL( request.url() );
		if ( url.pathname === '/oauth2/authorize' ) {
			authorize.push( url );
		}
		if ( url.pathname === '/oauth2/token' ) {
			tokenRequests.push( request.postData() ?? '' );
		}
	} );
	await openForm( page, '/e2e-sso/' );
	// The OAuth code is not on the page before a button is pressed.
	const scriptsBefore = await page.evaluate( () =>
		performance.getEntriesByType( 'resource' ).map( ( e ) => e.name )
	);
	expect( scriptsBefore.some( ( name ) => /\/sso\.js/.test( name ) ) ).toBe(
		false
	);

	await page.getByRole( 'button', { name: SSO_BUTTON } ).click();
	await signInOnHostedPage( page, user.username, user.password );
	await expect( page ).toHaveURL( /\/e2e-landing\/$/, { timeout: 20_000 } );

	expect( authorize ).toHaveLength( 1 );
	const params = authorize[ 0 ].searchParams;
	expect( params.get( 'response_type' ) ).toBe( 'code' );
	expect( params.get( 'code_challenge_method' ) ).toBe( 'S256' );
	expect( params.get( 'code_challenge' ) ).toMatch( /^[\w-]{43}$/ );
	expect( params.get( 'state' ) ).toMatch( /^[\w-]{20,}$/ );
	expect( params.get( 'redirect_uri' ) ).toBe(
		siteUrl( '/wp-login.php?action=cognito-blocks-sso' )
	);
	expect( params.get( 'scope' )?.split( ' ' ).sort() ).toEqual(
		[ 'aws.cognito.signin.user.admin', 'email', 'openid', 'profile' ].sort()
	);
	expect( params.has( 'identity_provider' ) ).toBe( false );
	expect( tokenRequests ).toHaveLength( 1 );
	expect( tokenRequests[ 0 ] ).toContain( 'grant_type=authorization_code' );
	expect( tokenRequests[ 0 ] ).toMatch( /code_verifier=[\w-]{43}/ );
	expect( await hasSessionCookie( context ) ).toBe( true );
	const me = await wordpressUser( page );
	expect( me.id ).toBeGreaterThan( 0 );
} );

test( 'a federated user through a simulated provider: a WordPress user is created from the identities claim', async ( {
	page,
	context,
	browser,
} ) => {
	const email = `fed-${ Date.now() }@example.test`;
	await openForm( page, '/e2e-sso/' );
	await page.getByRole( 'button', { name: 'Continue with Google' } ).click();
	await expect( page ).toHaveURL( /\/_emulator\/idp\/Google\/authorize/ );
	await expect( page.getByRole( 'heading' ).first() ).toContainText(
		'Google'
	);
	await page.getByLabel( 'Email', { exact: true } ).fill( email );
	await page.getByLabel( 'Name' ).fill( 'Fed Erated' );
	await expect(
		page.getByLabel( 'The provider has verified this email address' )
	).toBeChecked();
	await page.getByRole( 'button', { name: 'Continue' } ).click();
	await expect( page ).toHaveURL( /\/e2e-landing\/$/, { timeout: 20_000 } );
	expect( await hasSessionCookie( context ) ).toBe( true );

	const me = await wordpressUser( page );

	// The account's page in the admin says which provider it signs in with (from the token's identities claim).
	const admin = await browser.newContext();
	const adminPage = await admin.newPage();
	await loginAsAdmin( adminPage );
	await adminPage.goto(
		siteUrl( `/wp-admin/user-edit.php?user_id=${ me.id }` )
	);
	await expect( adminPage.getByLabel( 'Email (required)' ) ).toHaveValue(
		email
	);
	await expect(
		adminPage.getByText( 'Signs in with', { exact: true } )
	).toBeVisible();
	await expect(
		adminPage.locator( 'code', { hasText: /^Google$/ } )
	).toBeVisible();
	// Its Cognito username is the provider's name and the provider's id for the user.
	await expect(
		adminPage.locator( 'code', { hasText: /^Google_\d+$/ } )
	).toBeVisible();
	await admin.close();
} );

test( 'the provider says no: a clear message with a way back, and no session', async ( {
	page,
	context,
} ) => {
	await openForm( page, '/e2e-sso/' );
	await page.getByRole( 'button', { name: 'Continue with Google' } ).click();
	await page.getByRole( 'button', { name: 'Cancel' } ).click();
	await expect( page ).toHaveURL( /action=cognito-blocks-sso/ );
	await expect( page.getByRole( 'alert' ) ).toContainText( /cancelled/i );
	await expect(
		page.getByRole( 'link', { name: /try again/i } )
	).toBeVisible();
	expect( page.url() ).not.toMatch( /[?&](code|state|error)=/ );
	expect( await hasSessionCookie( context ) ).toBe( false );
} );

test( 'a tampered state and a replayed callback are refused with a message, and no session', async ( {
	page,
	context,
} ) => {
	const user = testUser( 'confirmed' );
	await openForm( page, '/e2e-sso/' );
	// Stop at the callback: the hosted page's answer is a redirect to it, kept here instead of followed.
	let callback = '';
	await page.route(
		( url ) => url.href.startsWith( EMULATOR ),
		async ( route ) => {
			if ( route.request().method() !== 'POST' ) {
				return route.continue();
			}
			const answer = await route.fetch( { maxRedirects: 0 } );
			callback = answer.headers().location ?? '';
			return route.fulfill( { body: 'stopped before the callback' } );
		}
	);
	await page.getByRole( 'button', { name: SSO_BUTTON } ).click();
	await signInOnHostedPage( page, user.username, user.password );
	await expect.poll( () => callback ).toMatch( /[?&]code=/ );
	await page.unrouteAll();

	const tampered = new URL( callback );
	tampered.searchParams.set( 'state', 'not-the-state-this-tab-sent' );
	await page.goto( tampered.href );
	await expect( page.getByRole( 'alert' ) ).toContainText(
		/did not start here|start again|expired/i
	);
	expect( await hasSessionCookie( context ) ).toBe( false );

	// The tampered try used up what this tab kept: the real callback now fails too (no replay).
	await page.goto( callback );
	await expect( page.getByRole( 'alert' ) ).toBeVisible();
	expect( await hasSessionCookie( context ) ).toBe( false );
} );

test( 'a cached copy of the page still signs in: nothing per-visitor is in its HTML', async ( {
	page,
	browser,
} ) => {
	const user = testUser( 'editor' );
	// Two visitors get byte-identical HTML once the per-request nonce is left out.
	const html = async () =>
		( await ( await page.request.get( siteUrl( '/e2e-sso/' ) ) ).text() )
			.replace( /"nonce":"[^"]*"/g, '' )
			.replace( /wpApiSettings = \{[^}]*\}/g, '' );
	expect( await html() ).toBe( await html() );

	// Serve the page from a stored copy, as a page cache would.
	const cached = await (
		await page.request.get( siteUrl( '/e2e-sso/' ) )
	).text();
	const other = await browser.newContext();
	const visitor = await other.newPage();
	await visitor.route( siteUrl( '/e2e-sso/' ), ( route ) =>
		route.fulfill( { body: cached, contentType: 'text/html' } )
	);
	await openForm( visitor, '/e2e-sso/' );
	await visitor.getByRole( 'button', { name: SSO_BUTTON } ).click();
	await signInOnHostedPage( visitor, user.username, user.password );
	await expect( visitor ).toHaveURL( /\/e2e-landing\/$/, {
		timeout: 20_000,
	} );
	expect( await hasSessionCookie( other ) ).toBe( true );
	await other.close();
} );

test( 'signed in through the hosted UI, the profile reads the account (the scope includes the user admin one)', async ( {
	page,
} ) => {
	const user = testUser( 'confirmed' );
	await signInThroughHostedUi( page, user );
	await page.goto( siteUrl( '/e2e-profile/' ) );
	await expect( page.getByLabel( 'First name' ) ).toHaveValue(
		String( user.attributes?.given_name ?? '' ),
		{ timeout: 20_000 }
	);
} );

test( 'under the sign-in form: wp-login.php and a sign-in block with the option show the buttons after an "or"', async ( {
	page,
	context,
} ) => {
	const buttons = [
		SSO_BUTTON,
		'Continue with Google',
		'Continue with Corp SSO',
	];
	await page.goto(
		siteUrl(
			`/wp-login.php?redirect_to=${ encodeURIComponent(
				siteUrl( '/e2e-landing/' )
			) }`
		)
	);
	const form = page.locator(
		'[data-cognito-blocks="login"][data-mounted="true"]'
	);
	const sso = page.locator(
		'[data-cognito-blocks="sso-button"][data-mounted="true"]'
	);
	await expect( form.getByLabel( 'Username' ) ).toBeVisible();
	await expect( page.locator( '.cognito-blocks-sso-divider' ) ).toHaveText(
		'or'
	);
	for ( const name of buttons ) {
		await expect( sso.getByRole( 'button', { name } ) ).toBeEnabled();
	}
	// Below the form, not beside or above it.
	const formBox = await form.boundingBox();
	const ssoBox = await sso.boundingBox();
	expect( ssoBox!.y ).toBeGreaterThan( formBox!.y + formBox!.height );
	// One card: the buttons' part closes the form's card at its width, and
	// the "or" line runs across the form's content.
	const cardBox = await page
		.locator( '.cognito-blocks-sso-below' )
		.boundingBox();
	expect( [ cardBox!.x, cardBox!.width ] ).toEqual( [
		formBox!.x,
		formBox!.width,
	] );
	expect( cardBox!.y ).toBeCloseTo( formBox!.y + formBox!.height, 0 );
	const lineBox = await page
		.locator( '.cognito-blocks-sso-divider' )
		.boundingBox();
	const fieldBox = await form.getByLabel( 'Username' ).boundingBox();
	expect( [ lineBox!.x, lineBox!.width ] ).toEqual( [
		fieldBox!.x,
		fieldBox!.width,
	] );

	// They sign in to where wp-login.php was asked to go.
	const user = testUser( 'confirmed' );
	await sso.getByRole( 'button', { name: SSO_BUTTON } ).click();
	await signInOnHostedPage( page, user.username, user.password );
	await expect( page ).toHaveURL( /\/e2e-landing\/$/, { timeout: 20_000 } );
	expect( await hasSessionCookie( context ) ).toBe( true );
	await context.clearCookies();

	// The block's option: the same buttons under a sign-in block; without it (e2e-sign-in) none.
	await openForm( page, '/e2e-sign-in/' );
	await expect(
		page.getByRole( 'button', { name: SSO_BUTTON } )
	).toHaveCount( 0 );
	await page.goto( siteUrl( '/e2e-sign-in-sso/' ) );
	for ( const name of buttons ) {
		await expect( sso.getByRole( 'button', { name } ) ).toBeEnabled();
	}
	// In a theme's constrained layout, the line and the buttons keep the
	// form's width rather than the content width.
	const step = await form.locator( '.cognito-blocks__form' ).boundingBox();
	for ( const part of [
		page.locator( '.cognito-blocks-sso-divider' ),
		sso.getByRole( 'button', { name: SSO_BUTTON } ),
	] ) {
		const box = await part.boundingBox();
		expect( [ box!.x, box!.width ] ).toEqual( [ step!.x, step!.width ] );
	}
} );

test( 'a block that names its providers shows only those', async ( {
	page,
} ) => {
	await openForm( page, '/e2e-sso-google/' );
	await expect( page.locator( '.cognito-blocks__sso-button' ) ).toHaveText( [
		'Continue with Google',
	] );
} );
