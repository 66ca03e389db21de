/**
 * The Cognito endpoint going away mid-flow: the emulator process is stopped for real, so the browser meets a
 * refused connection exactly as it would during an outage, then comes back for the retry.
 */
import { test, expect } from '@playwright/test';
import { startEmulator, stopEmulator } from './support/emulator-control';
import {
	expectSignedIn,
	hasSessionCookie,
	openForm,
	testUser,
} from './support/forms';

test( 'emulator stopped mid-flow: a clear error and a retry button, and the retry signs in once it is back', async ( {
	page,
	context,
} ) => {
	const user = testUser( 'confirmed' );
	await openForm( page, '/e2e-sign-in/' );
	const username = page.getByLabel( 'Username or email' );
	const password = page.getByLabel( 'Password', { exact: true } );
	const submit = page.getByRole( 'button', { name: 'Sign in', exact: true } );
	await username.fill( user.username );
	await password.fill( user.password );

	try {
		await stopEmulator();
		const started = Date.now();
		await submit.click();

		// A refused connection fails fast, so the message must come long before the flow's own timeout: a
		// spinner that only ends at the timeout would fail here.
		await expect( page.getByRole( 'alert' ) ).toHaveText(
			'We could not reach the server. Check your connection and try again.',
			{ timeout: 8_000 }
		);
		expect( Date.now() - started ).toBeLessThan( 8_000 );
		const retry = page.getByRole( 'button', { name: 'Try again' } );
		await expect( retry ).toBeVisible();
		await expect( username ).toHaveValue( user.username );
		await expect( password ).toHaveValue( user.password );
		await expect( submit ).toBeEnabled();
		await expect( submit ).not.toHaveAttribute( 'aria-busy', 'true' );
		expect( await hasSessionCookie( context ) ).toBe( false );

		await startEmulator();
		await retry.click();
		await expectSignedIn( page );
	} finally {
		// Later tests need the emulator whatever happened above.
		await startEmulator();
	}
} );
