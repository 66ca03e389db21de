/**
 * Single sign-on steps shared by the specs: the emulator's hosted sign-in page, and a whole sign-in through it.
 */
import { expect, type Page } from '@playwright/test';
import { openForm, type TestUser } from './forms';

export const EMULATOR = process.env.EMULATOR_URL ?? '';
export const SSO_BUTTON = 'Continue with single sign-on';

/**
 * Signs in on the emulator's hosted page (Cognito's own sign-in form).
 * @param page
 * @param username
 * @param password
 */
export async function signInOnHostedPage(
	page: Page,
	username: string,
	password: string
): Promise< void > {
	await expect( page ).toHaveURL( new RegExp( `^${ EMULATOR }/` ) );
	await page.getByLabel( 'Username' ).fill( username );
	await page.getByLabel( 'Password' ).fill( password );
	await page.getByRole( 'button', { name: 'Sign in' } ).click();
}

/**
 * Signs in on site A through its single sign-on page and the hosted UI, and waits for the landing page.
 * @param page
 * @param user
 */
export async function signInThroughHostedUi(
	page: Page,
	user: TestUser
): Promise< void > {
	await openForm( page, '/e2e-sso/' );
	await page.getByRole( 'button', { name: SSO_BUTTON } ).click();
	await signInOnHostedPage( page, user.username, user.password );
	await expect( page ).toHaveURL( /\/e2e-landing\/$/, { timeout: 20_000 } );
}
