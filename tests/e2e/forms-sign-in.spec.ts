/**
 * The sign-in block against the real stack: SRP sign-in in the browser, every challenge the seeded users
 * trigger, then the hand-off that opens the WordPress session.
 */
import { test, expect } from '@playwright/test';
import {
	codeFromOutbox,
	codeInput,
	cognitoKeys,
	currentTotp,
	expectSignedIn,
	hasSessionCookie,
	newPassword,
	openForm,
	submitSignIn,
	testUser,
} from './support/forms';

test( 'wrong password: the error is shown, inputs are kept and no session is opened', async ( {
	page,
	context,
} ) => {
	const user = testUser( 'confirmed' );
	await openForm( page, '/e2e-sign-in/' );
	await submitSignIn( page, user.username, 'Not-the-password-1' );

	await expect( page.getByRole( 'alert' ) ).toContainText(
		/incorrect|wrong|not match/i
	);
	await expect( page.getByLabel( 'Username or email' ) ).toHaveValue(
		user.username
	);
	await expect( page.getByLabel( 'Password', { exact: true } ) ).toHaveValue(
		'Not-the-password-1'
	);
	expect( await hasSessionCookie( context ) ).toBe( false );
} );

test( 'confirmed user: signs in without posting the password to WordPress, and signs out again', async ( {
	page,
} ) => {
	const user = testUser( 'confirmed' );
	const posted: string[] = [];
	page.on( 'request', ( request ) => {
		if ( request.url().startsWith( process.env.WP_URL ?? '' ) ) {
			posted.push( `${ request.url() } ${ request.postData() ?? '' }` );
		}
	} );
	await openForm( page, '/e2e-sign-in/' );
	await submitSignIn( page, user.username, user.password );
	const wpUser = await expectSignedIn( page );
	expect( wpUser.name ).toBeTruthy();
	expect( posted.some( ( line ) => line.includes( user.password ) ) ).toBe(
		false
	);
	expect( await cognitoKeys( page ) ).not.toHaveLength( 0 );

	// WordPress's logout marks the browser signed out; the next form drops the Cognito tokens it kept.
	await page.getByRole( 'link', { name: 'Sign out' } ).click();
	await expect(
		page.locator( '[data-cognito-blocks][data-mounted="true"]' )
	).toHaveCount( 1 );
	expect( await cognitoKeys( page ) ).toHaveLength( 0 );
	expect( await page.evaluate( () => document.cookie ) ).not.toContain(
		'cognito_blocks_signed_out'
	);
} );

test( 'force-change-password user: sets a new password, then is signed in', async ( {
	page,
} ) => {
	const user = testUser( 'forceChange' );
	await openForm( page, '/e2e-sign-in/' );
	await submitSignIn( page, user.username, user.password );

	await expect(
		page.getByRole( 'heading', { name: 'Set a new password' } )
	).toBeFocused();
	await page
		.getByLabel( 'New password', { exact: true } )
		.fill( newPassword() );
	await page.getByRole( 'button', { name: 'Save and continue' } ).click();
	await expectSignedIn( page );
} );

test( 'TOTP user: the authenticator code completes the sign-in', async ( {
	page,
} ) => {
	const user = testUser( 'totp' );
	await openForm( page, '/e2e-sign-in/' );
	await submitSignIn( page, user.username, user.password );

	await expect(
		page.getByRole( 'heading', { name: 'Enter your authenticator code' } )
	).toBeVisible();
	await codeInput( page ).fill( currentTotp( user.totpSecret! ) );
	await page.getByRole( 'button', { name: 'Verify' } ).click();
	await expectSignedIn( page );
} );

test( 'unconfirmed user: routed to the confirm step, then signed in', async ( {
	page,
} ) => {
	const user = testUser( 'unconfirmed' );
	const since = Date.now() - 1000;
	await openForm( page, '/e2e-sign-in/' );
	await submitSignIn( page, user.username, user.password );

	await expect(
		page.getByRole( 'heading', { name: 'Confirm your account' } )
	).toBeVisible();
	const code = await codeFromOutbox( user.username, since );
	await codeInput( page ).fill( code );
	await page.getByRole( 'button', { name: 'Confirm' } ).click();
	await expectSignedIn( page );
} );

test( 'design tokens set once for the whole site (:root, body) reach the form; closer ones still win', async ( {
	page,
} ) => {
	await openForm( page, '/e2e-sign-in/' );
	const button = page.getByRole( 'button', { name: 'Sign in', exact: true } );
	await page.evaluate( () => {
		document.documentElement.style.setProperty(
			'--cognito-blocks-primary',
			'#aa1100'
		);
		document.body.style.setProperty( '--cognito-blocks-radius', '13px' );
	} );
	await expect( button ).toHaveCSS( 'background-color', 'rgb(170, 17, 0)' );
	await expect( button ).toHaveCSS( 'border-top-left-radius', '13px' );
	// The focus ring follows the primary colour wherever that was set.
	await button.focus();
	await page.keyboard.press( 'Shift+Tab' );
	await page.keyboard.press( 'Tab' );
	await expect( button ).toHaveCSS( 'outline-color', 'rgb(170, 17, 0)' );
	// Set on the block itself, a token beats the site-wide one.
	await page
		.locator( '[data-cognito-blocks="login"]' )
		.evaluate( ( element ) =>
			( element as HTMLElement ).style.setProperty(
				'--cognito-blocks-primary',
				'#003366'
			)
		);
	await expect( button ).toHaveCSS( 'background-color', 'rgb(0, 51, 102)' );
} );
