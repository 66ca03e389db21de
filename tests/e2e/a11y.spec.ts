/**
 * axe-core on every form in every step the real emulator leads to, including error states: a step that only
 * exists after a challenge or a failed request gets its own scan, since its markup is rendered only then.
 * Steps are reached but not completed where completing would change a seeded user other tests rely on.
 */
import { test, expect } from '@playwright/test';
import { MOUNT, expectNoViolations } from './support/axe';
import { createMfaRequiredPool } from './support/emulator-control';
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

test( 'sign-in: the form, and the form showing a wrong-password error', async ( {
	page,
} ) => {
	const user = testUser( 'confirmed' );
	await openForm( page, '/e2e-sign-in/' );
	await expectNoViolations( page, 'sign-in' );

	await submitSignIn( page, user.username, 'Not-the-password-1' );
	await expect( page.getByRole( 'alert' ) ).not.toBeEmpty();
	await expectNoViolations( page, 'sign-in with an error' );
} );

test( 'sign-in challenges: new password and authenticator code', async ( {
	page,
} ) => {
	const forced = testUser( 'forceChange' );
	await openForm( page, '/e2e-sign-in/' );
	await submitSignIn( page, forced.username, forced.password );
	await expect(
		page.getByRole( 'heading', { name: 'Set a new password' } )
	).toBeVisible();
	await expectNoViolations( page, 'new password' );

	const totp = testUser( 'totp' );
	await openForm( page, '/e2e-sign-in/' );
	await submitSignIn( page, totp.username, totp.password );
	await expect(
		page.getByRole( 'heading', { name: 'Enter your authenticator code' } )
	).toBeVisible();
	await expectNoViolations( page, 'authenticator code' );
} );

test( 'sign-in challenge: SMS code, then signing in with the texted code', async ( {
	page,
} ) => {
	const user = testUser( 'sms' );
	const since = Date.now() - 1000;
	await openForm( page, '/e2e-sign-in/' );
	await submitSignIn( page, user.username, user.password );
	await expect(
		page.getByRole( 'heading', {
			name: 'Enter the code from your text message',
		} )
	).toBeVisible();
	await expectNoViolations( page, 'SMS code' );

	await codeInput( page ).fill(
		await codeFromOutbox( user.username, since )
	);
	await page.getByRole( 'button', { name: 'Verify' } ).click();
	await expectSignedIn( page );
} );

test( 'sign-in challenge: choosing between SMS and authenticator app', async ( {
	page,
} ) => {
	const user = testUser( 'chooseMfa' );
	await openForm( page, '/e2e-sign-in/' );
	await submitSignIn( page, user.username, user.password );
	await expect(
		page.getByRole( 'heading', { name: 'Choose how to verify it is you' } )
	).toBeVisible();
	await expect( page.getByRole( 'radio' ) ).toHaveCount( 2 );
	await expectNoViolations( page, 'choose MFA' );
} );

test( 'sign-in challenge: authenticator set-up when the pool requires MFA', async ( {
	page,
	context,
} ) => {
	const password = newPassword();
	const pool = await createMfaRequiredPool( password );
	const url = siteUrl( '/e2e-sign-in/' );
	const html = await ( await page.request.get( url ) ).text();
	// The site is configured for the seeded pool; this copy of its page points the form at the MFA pool.
	const pointed = html
		.replaceAll( process.env.COGNITO_POOL_ID ?? '', pool.poolId )
		.replaceAll( process.env.COGNITO_CLIENT_ID ?? '', pool.clientId );
	expect( pointed ).toContain( pool.poolId );
	// A document the test fulfils has no server address, so Chromium counts it as public and would block its
	// requests to the emulator on 127.0.0.1 without this permission.
	await context.grantPermissions( [ 'local-network-access' ], {
		origin: new URL( url ).origin,
	} );
	await page.route( url, ( route ) =>
		route.fulfill( { body: pointed, contentType: 'text/html' } )
	);

	await openForm( page, '/e2e-sign-in/' );
	await submitSignIn( page, pool.username, password );
	await expect(
		page.getByRole( 'heading', { name: 'Set up your authenticator app' } )
	).toBeVisible();
	await expectNoViolations( page, 'authenticator set-up' );
} );

test( 'sign-up: the form, its validation errors, and the confirm-code step', async ( {
	page,
} ) => {
	await openForm( page, '/e2e-register/' );
	await expectNoViolations( page, 'sign-up' );

	await page.getByRole( 'button', { name: 'Create account' } ).click();
	await expect( page.getByLabel( 'Email' ) ).toHaveAttribute(
		'aria-invalid',
		'true'
	);
	await expectNoViolations( page, 'sign-up with validation errors' );

	const email = `a11y-${ Date.now() }@example.test`;
	await page.getByLabel( 'Email' ).fill( email );
	await page.getByLabel( /^First name/ ).fill( 'Ada' );
	await page.getByLabel( 'Password', { exact: true } ).fill( newPassword() );
	await page.getByRole( 'button', { name: 'Create account' } ).click();
	await expect(
		page.getByRole( 'heading', { name: 'Confirm your account' } )
	).toBeVisible();
	await expectNoViolations( page, 'confirm code' );
} );

test( 'password reset: the request step and the code + new password step', async ( {
	page,
} ) => {
	// Not the user the reset test signs in with: this one only receives a code.
	const user = testUser( 'editor' );
	const since = Date.now() - 1000;
	await openForm( page, '/e2e-reset/' );
	await expectNoViolations( page, 'forgot password' );

	await page.getByLabel( 'Username or email' ).fill( user.username );
	await page.getByRole( 'button', { name: 'Send code' } ).click();
	await expect(
		page.getByRole( 'heading', { name: 'Choose a new password' } )
	).toBeVisible();
	// The code arrived, so the step is the one a visitor fills in.
	await codeFromOutbox( user.username, since );
	await expectNoViolations( page, 'reset: code and new password' );

	await codeInput( page ).fill( '000000' );
	await page
		.getByLabel( 'New password', { exact: true } )
		.fill( newPassword() );
	await page.getByRole( 'button', { name: 'Set new password' } ).click();
	await expect( page.getByRole( 'alert' ) ).not.toBeEmpty();
	await expectNoViolations( page, 'reset with a wrong code' );
} );

test( 'signed-in view', async ( { page } ) => {
	const user = testUser( 'confirmed' );
	await openForm( page, '/e2e-sign-in/' );
	await submitSignIn( page, user.username, user.password );
	await expect( page.getByText( /^Signed in as / ) ).toBeVisible( {
		timeout: 20_000,
	} );
	await expectNoViolations(
		page,
		'signed-in view',
		'.wp-block-cognito-blocks-login'
	);
} );

test( 'wp-login.php: sign-in and lost-password forms', async ( { page } ) => {
	await page.goto( siteUrl( '/wp-login.php' ) );
	// The form and, under it, the single sign-on buttons: both scanned.
	await expect( page.locator( MOUNT ) ).toHaveCount( 2 );
	await expectNoViolations( page, 'wp-login.php sign-in' );

	await page.goto( siteUrl( '/wp-login.php?action=lostpassword' ) );
	await expect( page.locator( MOUNT ) ).toBeVisible();
	await expectNoViolations( page, 'wp-login.php lost password' );
} );
