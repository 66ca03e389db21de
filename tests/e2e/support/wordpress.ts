/**
 * WordPress helpers for end-to-end tests.
 */
import { expect, type Page } from '@playwright/test';

export function siteUrl( pathname = '/' ): string {
	const base = process.env.WP_URL;
	if ( ! base ) {
		throw new Error(
			'WP_URL is not set: run the e2e suite through `npm test` or `npx playwright test`.'
		);
	}
	return new URL( pathname, base ).toString();
}

/**
 * Signs in to wp-admin with the site's local administrator account. It has no Cognito link, so it uses the
 * WordPress-password form, which wp-login.php shows on its own with `cognito_blocks_password=1` (php/Login).
 */
export async function loginAsAdmin( page: Page ): Promise< void > {
	await page.goto( siteUrl( '/wp-login.php?cognito_blocks_password=1' ) );
	await page
		.locator( '#user_login' )
		.fill( process.env.WP_ADMIN_USER ?? 'admin' );
	await page
		.locator( '#user_pass' )
		.fill( process.env.WP_ADMIN_PASSWORD ?? '' );
	await page.locator( '#wp-submit' ).click();
	await expect( page.locator( '#wpadminbar' ) ).toBeVisible();
}

/**
 * Closes the modals a fresh site shows when the editor opens (welcome guide, "Choose a pattern" for pages).
 */
export async function dismissEditorDialogs( page: Page ): Promise< void > {
	await page.locator( 'iframe[name="editor-canvas"]' ).waitFor();
	for ( let attempt = 0; attempt < 4; attempt++ ) {
		const dialog = page
			.getByRole( 'dialog' )
			.filter( { has: page.getByRole( 'button', { name: 'Close' } ) } )
			.first();
		try {
			await dialog.waitFor( { state: 'visible', timeout: 3000 } );
		} catch {
			return;
		}
		await dialog.getByRole( 'button', { name: 'Close' } ).first().click();
		await dialog.waitFor( { state: 'hidden' } );
	}
}
