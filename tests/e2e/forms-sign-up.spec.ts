/**
 * The sign-up and password-reset blocks against the real stack, each ending in a WordPress session.
 */
import { test, expect } from '@playwright/test';
import {
	codeFromOutbox,
	codeInput,
	expectSignedIn,
	newPassword,
	openForm,
	testUser,
} from './support/forms';

test( 'sign up: code from the outbox confirms the account and signs in to WordPress', async ( {
	page,
} ) => {
	const email = `new-${ Date.now() }@example.test`;
	await openForm( page, '/e2e-register/' );
	await page.getByLabel( 'Email' ).fill( email );
	await page.getByLabel( /^First name/ ).fill( 'Nia' );
	await page.getByLabel( 'Password', { exact: true } ).fill( newPassword() );
	await page.getByRole( 'button', { name: 'Create account' } ).click();

	await expect(
		page.getByRole( 'heading', { name: 'Confirm your account' } )
	).toBeFocused();
	await codeInput( page ).fill( await codeFromOutbox( email ) );
	await page.getByRole( 'button', { name: 'Confirm' } ).click();

	await expectSignedIn( page );
} );

test( 'forgot password: code and new password, then signed in', async ( {
	page,
} ) => {
	const user = testUser( 'reset' );
	const since = Date.now() - 1000;
	await openForm( page, '/e2e-reset/' );
	await page.getByLabel( 'Username or email' ).fill( user.username );
	await page.getByRole( 'button', { name: 'Send code' } ).click();

	await expect(
		page.getByRole( 'heading', { name: 'Choose a new password' } )
	).toBeVisible();
	await codeInput( page ).fill(
		await codeFromOutbox( user.username, since )
	);
	await page
		.getByLabel( 'New password', { exact: true } )
		.fill( newPassword() );
	await page.getByRole( 'button', { name: 'Set new password' } ).click();

	await expectSignedIn( page );
} );
