/**
 * Helpers for the account-form end-to-end tests: the seeded emulator users, codes from the emulator's outbox,
 * and checks of the WordPress session the forms open.
 */
import {
	expect,
	type BrowserContext,
	type Locator,
	type Page,
} from '@playwright/test';
import { totp } from '../../../dev/cognito-emulator/src/totp';
import { siteUrl } from './wordpress';

export interface TestUser {
	username: string;
	email: string;
	password: string;
	totpSecret?: string;
	/** Users with SMS MFA: the phone number their codes go to. */
	phone?: string;
	/** Attributes besides the email the seed gives them. */
	attributes?: Record< string, string >;
}

export type TestUserName =
	| 'confirmed'
	| 'editor'
	| 'totp'
	| 'sms'
	| 'chooseMfa'
	| 'forceChange'
	| 'unconfirmed'
	| 'reset';

export function testUser( name: TestUserName ): TestUser {
	const users = JSON.parse( process.env.COGNITO_TEST_USERS ?? '{}' );
	if ( ! users[ name ] ) {
		throw new Error(
			'COGNITO_TEST_USERS is not set: the e2e suite needs the test stack with the emulator.'
		);
	}
	return users[ name ];
}

/** A password that meets Cognito's default policy, different on every call. */
export function newPassword(): string {
	return `New-pass-${ Math.random().toString( 36 ).slice( 2, 10 ) }9Z`;
}

export function currentTotp( secret: string ): string {
	return totp( secret );
}

/**
 * The newest code the emulator "sent" to this user or address after `since`, waiting for it to arrive.
 * @param username
 * @param since
 */
export async function codeFromOutbox(
	username: string,
	since = 0
): Promise< string > {
	const url = `${ process.env.EMULATOR_URL }/_emulator/outbox?username=${ encodeURIComponent( username ) }`;
	let code = '';
	await expect
		.poll(
			async () => {
				const entries = ( await ( await fetch( url ) ).json() ) as {
					code: string;
					at: string;
				}[];
				const fresh = entries.filter(
					( entry ) => Date.parse( entry.at ) >= since
				);
				code = fresh.at( -1 )?.code ?? '';
				return code;
			},
			{ message: `a code for ${ username } in the emulator outbox` }
		)
		.not.toBe( '' );
	return code;
}

/**
 * The one-time code field (by role and exact name: a step heading like "…authenticator code" also labels its form).
 * @param page
 */
export function codeInput( page: Page ): Locator {
	return page.getByRole( 'textbox', { name: 'Code', exact: true } );
}

/** Fills the sign-in step of a mounted form and submits it. */
export async function submitSignIn(
	page: Page,
	username: string,
	password: string
): Promise< void > {
	await page.getByLabel( 'Username or email' ).fill( username );
	await page.getByLabel( 'Password', { exact: true } ).fill( password );
	await page.getByRole( 'button', { name: 'Sign in', exact: true } ).click();
}

/** Opens a page and waits until the view script has mounted its form. */
export async function openForm(
	page: Page,
	pathname: string
): Promise< void > {
	await page.goto( siteUrl( pathname ) );
	await expect(
		page.locator( '[data-cognito-blocks][data-mounted="true"]' )
	).toHaveCount( 1 );
}

/**
 * The WordPress user the browser is signed in as, asked from the REST API with a nonce as a theme would.
 * @param page
 */
export async function wordpressUser(
	page: Page
): Promise< { id: number; name: string } > {
	const nonce = await page.request.get(
		siteUrl( '/wp-admin/admin-ajax.php?action=rest-nonce' )
	);
	expect( nonce.ok(), 'a REST nonce for a signed-in user' ).toBe( true );
	const me = await page.request.get( siteUrl( '/wp-json/wp/v2/users/me' ), {
		headers: { 'X-WP-Nonce': ( await nonce.text() ).trim() },
	} );
	expect( me.status() ).toBe( 200 );
	return me.json();
}

/**
 * Signed in to WordPress: the page (reloaded by the redirect) shows the signed-in view, and the REST API knows
 * the user.
 * @param page
 */
export async function expectSignedIn(
	page: Page
): Promise< { id: number; name: string } > {
	await expect( page.getByText( /^Signed in as / ) ).toBeVisible( {
		timeout: 20_000,
	} );
	const user = await wordpressUser( page );
	expect( user.id ).toBeGreaterThan( 0 );
	return user;
}

export async function hasSessionCookie(
	context: BrowserContext
): Promise< boolean > {
	return ( await context.cookies() ).some( ( cookie ) =>
		cookie.name.startsWith( 'wordpress_logged_in_' )
	);
}

/**
 * Keys amazon-cognito-identity-js keeps in the page's sessionStorage (the default token storage).
 * @param page
 */
export function cognitoKeys( page: Page ): Promise< string[] > {
	return page.evaluate( () =>
		Object.keys( window.sessionStorage ).filter( ( key ) =>
			key.startsWith( 'CognitoIdentityServiceProvider.' )
		)
	);
}
