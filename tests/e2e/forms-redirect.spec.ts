/**
 * Where the visitor lands after signing in: the block's redirect URL, else the page's redirect_to parameter,
 * validated by WordPress so an address on another site is refused.
 */
import { test, expect } from '@playwright/test';
import { siteUrl } from './support/wordpress';
import {
	openForm,
	submitSignIn,
	testUser,
	wordpressUser,
} from './support/forms';

test( 'redirect_to on the sign-in page is honoured', async ( { page } ) => {
	const user = testUser( 'editor' );
	await openForm( page, '/e2e-sign-in/?redirect_to=%2Fe2e-landing%2F' );
	await submitSignIn( page, user.username, user.password );
	await expect( page ).toHaveURL( siteUrl( '/e2e-landing/' ) );
	await expect( page.getByText( 'Welcome aboard.' ) ).toBeVisible();
	expect( ( await wordpressUser( page ) ).id ).toBeGreaterThan( 0 );
} );

test( 'an external redirect_to is refused: the visitor lands on the site instead', async ( {
	page,
} ) => {
	const user = testUser( 'editor' );
	const requests: string[] = [];
	page.on( 'request', ( request ) => requests.push( request.url() ) );
	await openForm(
		page,
		'/e2e-sign-in/?redirect_to=https%3A%2F%2Fevil.example%2Fsteal'
	);
	await submitSignIn( page, user.username, user.password );
	await expect( page ).toHaveURL( siteUrl( '/' ) );
	expect(
		requests.some( ( url ) => url.startsWith( 'https://evil.example' ) )
	).toBe( false );
	expect( ( await wordpressUser( page ) ).id ).toBeGreaterThan( 0 );
} );

test( 'a shortcode form sends the visitor to its redirect_url', async ( {
	page,
} ) => {
	const user = testUser( 'confirmed' );
	await openForm( page, '/e2e-shortcode/' );
	await expect(
		page.getByRole( 'heading', { name: 'Members' } )
	).toBeVisible();
	await submitSignIn( page, user.username, user.password );
	await expect( page ).toHaveURL( siteUrl( '/e2e-landing/' ) );
} );
