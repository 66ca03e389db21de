/**
 * The server's skeleton takes input from first paint: a visitor who types before the script has run keeps what
 * they typed (and where they were) when the form takes over, cannot send anything before then, and signs in.
 */
import { test, expect } from '@playwright/test';
import { expectSignedIn, testUser } from './support/forms';
import { siteUrl } from './support/wordpress';

test( 'typed into the skeleton before the script ran: kept, not sent early, then signs in', async ( {
	page,
} ) => {
	const user = testUser( 'confirmed' );
	// Hold the view script back until the visitor has typed, as on a slow phone.
	let release: () => void = () => undefined;
	const held = new Promise< void >( ( resolve ) => ( release = resolve ) );
	await page.route( /\/build\/view\.js/, async ( route ) => {
		await held;
		await route.continue();
	} );
	const requests: string[] = [];
	page.on( 'request', ( request ) => requests.push( request.url() ) );

	await page.goto( siteUrl( '/e2e-sign-in/' ), { waitUntil: 'commit' } );
	const skeleton = page.locator( '.cognito-blocks__skeleton' );
	await expect( skeleton ).toHaveCount( 1 );
	await skeleton.getByLabel( 'Username or email' ).fill( user.username );
	await skeleton.getByLabel( 'Password', { exact: true } ).click();
	await page.keyboard.type( user.password );
	// Enter before the form is live sends nothing and leaves the page as it is.
	const before = requests.length;
	await page.keyboard.press( 'Enter' );
	await expect( skeleton ).toHaveCount( 1 );
	expect( page.url() ).toBe( siteUrl( '/e2e-sign-in/' ) );
	expect( requests.slice( before ) ).toEqual( [] );

	release();
	await expect(
		page.locator( '[data-cognito-blocks][data-mounted="true"]' )
	).toHaveCount( 1 );
	await expect( skeleton ).toHaveCount( 0 );
	await expect( page.getByLabel( 'Username or email' ) ).toHaveValue(
		user.username
	);
	const password = page.getByLabel( 'Password', { exact: true } );
	await expect( password ).toHaveValue( user.password );
	await expect( password ).toBeFocused();

	await page.keyboard.press( 'Enter' );
	await expectSignedIn( page );
} );
