/**
 * The profile block against the real stack (WordPress, MariaDB, the emulator through amazon-cognito-identity-js):
 * each change is made in the form, then checked where it lands, in Cognito (signing in) and in WordPress (its
 * REST API). The tests run on a pool of their own where the email is the sign-in name.
 */
import { test, expect, type Page } from '@playwright/test';
import { expectNoViolations } from './support/axe';
import { admin } from './support/emulator-control';
import {
	codeFromOutbox,
	codeInput,
	currentTotp,
	newPassword,
} from './support/forms';
import {
	canSignIn,
	createProfilePool,
	createUser,
	keepOriginalEmail,
	restNonce,
	clientTokens,
	freshIdToken,
	refreshAt,
	storedToken,
	signInToProfile,
	useProfilePool,
	wordpressMe,
	type ProfilePool,
} from './support/profile';
import { loginAsAdmin, siteUrl } from './support/wordpress';

let pool: ProfilePool;
let restore: () => Promise< void >;

test.beforeAll( async ( { browser } ) => {
	pool = await createProfilePool();
	restore = await useProfilePool( browser, pool );
} );

test.afterAll( async () => {
	await restore?.();
} );

const status = ( page: Page, section: string ) =>
	page.getByRole( 'region', { name: section } ).getByRole( 'status' ).last();

test( 'editing the first name: Cognito has it, and WordPress’s first name and display name follow', async ( {
	page,
} ) => {
	const user = await createUser( pool, {
		given_name: 'Ada',
		family_name: 'Byron',
	} );
	await signInToProfile( page, user );
	await expectNoViolations( page, 'profile overview' );

	await page.getByLabel( 'First name' ).fill( 'Grace' );
	await page.getByRole( 'button', { name: 'Save changes' } ).click();
	await expect( status( page, 'Your details' ) ).toHaveText(
		'Your changes are saved.'
	);

	const { UserAttributes } = await admin( 'AdminGetUser', {
		UserPoolId: pool.poolId,
		Username: user.email,
	} );
	expect( UserAttributes ).toContainEqual( {
		Name: 'given_name',
		Value: 'Grace',
	} );
	const me = await wordpressMe( page );
	expect( me.first_name ).toBe( 'Grace' );
	expect( me.name ).toContain( 'Grace' );
} );

for ( const keepOriginal of [ false, true ] ) {
	test( `changing the email with "keep original" ${ keepOriginal ? 'on' : 'off' }: WordPress takes it only once confirmed`, async ( {
		page,
		browser,
	} ) => {
		await keepOriginalEmail( pool, keepOriginal );
		try {
			const user = await createUser( pool, { given_name: 'Eve' } );
			await signInToProfile( page, user );
			const next = user.email.replace( '@', '+new@' );
			const since = Date.now();
			await page.getByLabel( 'Email' ).fill( next );
			await page.getByRole( 'button', { name: 'Save changes' } ).click();

			await expect(
				page.getByRole( 'heading', {
					name: 'Confirm your email address',
				} )
			).toBeVisible();
			await expect( codeInput( page ) ).toBeFocused();
			await expect(
				page.locator( '.cognito-blocks__description' )
			).toContainText(
				keepOriginal
					? 'current one stays in use'
					: 'new value is unverified'
			);
			await expectNoViolations( page, 'verify email' );
			expect( ( await wordpressMe( page ) ).email ).toBe( user.email );
			if ( keepOriginal ) {
				// The old address is still the account's sign-in name; the new one is not yet.
				expect(
					await canSignIn( browser, user.email, user.password )
				).toBe( true );
				expect( await canSignIn( browser, next, user.password ) ).toBe(
					false
				);
			}

			await codeInput( page ).fill( await codeFromOutbox( next, since ) );
			await page
				.getByRole( 'button', { name: 'Confirm', exact: true } )
				.click();
			await expect( status( page, 'Your details' ) ).toContainText(
				'confirmed'
			);
			expect( ( await wordpressMe( page ) ).email ).toBe( next );
			expect( await canSignIn( browser, next, user.password ) ).toBe(
				true
			);
		} finally {
			await keepOriginalEmail( pool, false );
		}
	} );
}

test( 'changing the password: the old one stops working, the new one signs in', async ( {
	page,
	browser,
} ) => {
	const user = await createUser( pool );
	await signInToProfile( page, user );
	const next = newPassword();
	const section = page.getByRole( 'region', { name: 'Password' } );
	await section.getByLabel( 'Current password' ).fill( 'Wrong-pass-1A' );
	await section.getByLabel( 'New password', { exact: true } ).fill( next );
	await section.getByRole( 'button', { name: 'Change password' } ).click();
	await expect( section.getByRole( 'alert' ) ).toContainText(
		'current password is not correct'
	);
	await expectNoViolations( page, 'password error' );

	await section.getByLabel( 'Current password' ).fill( user.password );
	await section.getByRole( 'button', { name: 'Change password' } ).click();
	await expect( status( page, 'Password' ) ).toHaveText(
		'Your password is changed.'
	);

	expect( await canSignIn( browser, user.email, user.password ) ).toBe(
		false
	);
	expect( await canSignIn( browser, user.email, next ) ).toBe( true );
} );

test( 'two-step verification: set up, then the next sign-in asks for the code; turned off, it does not', async ( {
	page,
	browser,
} ) => {
	const user = await createUser( pool );
	await signInToProfile( page, user );
	await page
		.getByRole( 'button', { name: 'Set up an authenticator app' } )
		.click();
	const secret = await page.getByLabel( 'Setup key' ).inputValue();
	expect( secret ).toMatch( /^[A-Z2-7]+=*$/ );
	await expect( page.getByRole( 'img', { name: /QR code/ } ) ).toBeVisible();
	await expect(
		page.getByRole( 'link', { name: 'Open in my authenticator app' } )
	).toHaveAttribute( 'href', /^otpauth:\/\/totp\/.*secret=/ );
	await expectNoViolations( page, 'authenticator set-up' );
	await codeInput( page ).fill( currentTotp( secret ) );
	await page
		.getByRole( 'button', { name: 'Turn on two-step verification' } )
		.click();
	await expect( status( page, 'Two-step verification' ) ).toContainText(
		'is on'
	);

	const { UserMFASettingList } = await admin( 'AdminGetUser', {
		UserPoolId: pool.poolId,
		Username: user.email,
	} );
	expect( UserMFASettingList ).toEqual( [ 'SOFTWARE_TOKEN_MFA' ] );
	const other = await browser.newContext();
	const second = await other.newPage();
	await second.goto( siteUrl( '/e2e-sign-in/' ) );
	await second.getByLabel( 'Username or email' ).fill( user.email );
	await second
		.getByLabel( 'Password', { exact: true } )
		.fill( user.password );
	await second
		.getByRole( 'button', { name: 'Sign in', exact: true } )
		.click();
	await expect( codeInput( second ) ).toBeVisible();
	await other.close();

	await page.getByRole( 'button', { name: 'Turn off' } ).click();
	await expect( status( page, 'Two-step verification' ) ).toHaveText(
		'Two-step verification is off.'
	);
	const after = await admin( 'AdminGetUser', {
		UserPoolId: pool.poolId,
		Username: user.email,
	} );
	expect( after.UserMFASettingList ?? [] ).toEqual( [] );
} );

test( 'sign out everywhere: another browser’s WordPress session and Cognito refresh token both end', async ( {
	page,
	browser,
} ) => {
	const user = await createUser( pool );
	const other = await browser.newContext();
	const elsewhere = await other.newPage();
	await signInToProfile( elsewhere, user );
	const refreshToken = await storedToken( elsewhere, 'refreshToken' );
	expect( refreshToken ).toBeTruthy();

	await signInToProfile( page, user );
	await page.getByRole( 'button', { name: 'Sign out everywhere' } ).click();
	await page.waitForURL( /e2e-landing/ );

	const nonce = await elsewhere.request.get(
		siteUrl( '/wp-admin/admin-ajax.php?action=rest-nonce' )
	);
	expect( ( await nonce.text() ).trim() ).toBe( '0' ); // no longer signed in to WordPress
	const refused = await refreshAt( pool, refreshToken );
	expect( refused.status ).toBe( 400 );
	expect( ( await refused.json() ).__type ).toContain(
		'NotAuthorizedException'
	);
	await other.close();
} );

test( 'a browser without this user’s Cognito session is asked for the password before any data is shown', async ( {
	page,
} ) => {
	const user = await createUser( pool, { given_name: 'Hidden' } );
	await signInToProfile( page, user );
	await page.evaluate( () => window.sessionStorage.clear() );
	await page.goto( siteUrl( '/e2e-profile/' ) );

	await expect(
		page.getByRole( 'heading', { name: 'Confirm it’s you' } )
	).toBeVisible();
	await expect( page.getByLabel( 'First name' ) ).toHaveCount( 0 );
	await expectNoViolations( page, 'confirm password' );
	await page
		.getByLabel( 'Password', { exact: true } )
		.fill( 'Wrong-pass-1A' );
	await page.getByRole( 'button', { name: 'Continue' } ).click();
	await expect( page.getByRole( 'alert' ) ).not.toBeEmpty();
	await expectNoViolations( page, 'confirm password with an error' );

	await page.getByLabel( 'Password', { exact: true } ).fill( user.password );
	await page.getByRole( 'button', { name: 'Continue' } ).click();
	await expect( page.getByLabel( 'First name' ) ).toHaveValue( 'Hidden' );
} );

for ( const rotation of [ false, true ] ) {
	test( `an access token that expired is refreshed without the visitor noticing (rotation ${
		rotation ? 'on' : 'off'
	})`, async ( { page } ) => {
		// Tokens that live 40 seconds: the profile treats them as expired 30 seconds before Cognito does.
		await clientTokens( pool, { rotation, tokenSeconds: 40 } );
		try {
			const user = await createUser( pool, { given_name: 'Tim' } );
			await signInToProfile( page, user );
			const refreshBefore = await storedToken( page, 'refreshToken' );
			const accessBefore = await storedToken( page, 'accessToken' );
			await page.waitForTimeout( 11_000 );
			await page.getByLabel( 'First name' ).fill( 'Timothy' );
			await page.getByRole( 'button', { name: 'Save changes' } ).click();
			await expect( status( page, 'Your details' ) ).toHaveText(
				'Your changes are saved.'
			);
			expect( ( await wordpressMe( page ) ).first_name ).toBe(
				'Timothy'
			);
			expect( await storedToken( page, 'accessToken' ) ).not.toBe(
				accessBefore
			);
			const refreshAfter = await storedToken( page, 'refreshToken' );
			if ( rotation ) {
				expect( refreshAfter ).not.toBe( refreshBefore );
			} else {
				expect( refreshAfter ).toBe( refreshBefore );
			}
		} finally {
			await clientTokens( pool, { rotation: false } );
		}
	} );
}

test( 'the sync endpoint refuses an ID token of another Cognito user', async ( {
	page,
	browser,
} ) => {
	const alice = await createUser( pool, { given_name: 'Alice' } );
	const mallory = await createUser( pool, { given_name: 'Mallory' } );
	const other = await browser.newContext();
	const elsewhere = await other.newPage();
	await signInToProfile( elsewhere, mallory );
	const malloryToken = await freshIdToken( elsewhere, pool );
	await other.close();

	await signInToProfile( page, alice );
	const response = await page.request.put(
		siteUrl( '/wp-json/cognito-blocks/v1/session' ),
		{
			headers: {
				'X-WP-Nonce': await restNonce( page ),
				Origin: new URL( siteUrl( '/' ) ).origin,
			},
			data: { idToken: malloryToken },
		}
	);
	expect( response.status() ).toBe( 403 );
	expect( ( await response.json() ).code ).toBe(
		'cognito_blocks_wrong_user'
	);
	expect( ( await wordpressMe( page ) ).first_name ).toBe( 'Alice' );
} );

test( 'deleting the account: it can no longer sign in, and the WordPress account is kept but unlinked', async ( {
	page,
	browser,
} ) => {
	const user = await createUser( pool );
	await signInToProfile( page, user );
	const id = ( await wordpressMe( page ) ).id;
	const section = page.getByRole( 'region', { name: 'Delete your account' } );
	await expectNoViolations( page, 'profile with delete section' );
	await section.getByLabel( 'Your password' ).fill( user.password );
	await section.getByLabel( 'Type DELETE to confirm' ).fill( 'delete' );
	await section.getByRole( 'button', { name: 'Delete my account' } ).click();
	await page.waitForURL( /e2e-landing/ );

	expect( await canSignIn( browser, user.email, user.password ) ).toBe(
		false
	);
	await expect(
		admin( 'AdminGetUser', {
			UserPoolId: pool.poolId,
			Username: user.email,
		} )
	).rejects.toThrow( /UserNotFound/ );
	// Kept (the default), and no longer linked: signing in again would need a new link.
	const adminContext = await browser.newContext();
	const adminPage = await adminContext.newPage();
	await loginAsAdmin( adminPage );
	const account = await adminPage.request.get(
		siteUrl( `/wp-json/wp/v2/users/${ id }?context=edit` ),
		{
			headers: { 'X-WP-Nonce': await restNonce( adminPage ) },
		}
	);
	expect( account.status() ).toBe( 200 );
	await adminContext.close();
} );

test( 'signed out, the profile page shows the sign-in form instead', async ( {
	page,
} ) => {
	await page.goto( siteUrl( '/e2e-profile/' ) );
	await expect(
		page.getByRole( 'button', { name: 'Sign in', exact: true } )
	).toBeVisible();
	await expect(
		page.getByRole( 'heading', { name: 'Your details' } )
	).toHaveCount( 0 );
} );
