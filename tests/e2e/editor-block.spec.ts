/**
 * The whole chain for a block: inserted in the real block editor (iframed canvas), published, rendered by
 * php/Render on the front end and mounted by the view script.
 */
import { test, expect } from '@playwright/test';
import {
	dismissEditorDialogs,
	loginAsAdmin,
	siteUrl,
} from './support/wordpress';

test( 'sign-in block: insert in the editor, publish, render and mount on the front end', async ( {
	page,
} ) => {
	await loginAsAdmin( page );
	await page.goto( siteUrl( '/wp-admin/post-new.php?post_type=page' ) );

	await dismissEditorDialogs( page );

	const canvas = page.frameLocator( 'iframe[name="editor-canvas"]' );
	await canvas
		.getByRole( 'textbox', { name: /add title/i } )
		.fill( 'Members sign in' );

	await page
		.getByRole( 'button', { name: /block inserter/i } )
		.first()
		.click();
	await page
		.getByPlaceholder( /search/i )
		.first()
		.fill( 'Cognito sign-in' );
	await page.getByRole( 'option', { name: /cognito sign-in/i } ).click();

	const block = canvas.locator( '[data-type="cognito-blocks/login"]' );
	await expect( block ).toBeVisible();

	await page.getByRole( 'button', { name: 'Publish', exact: true } ).click();
	await page
		.getByRole( 'region', { name: /editor publish/i } )
		.getByRole( 'button', { name: 'Publish', exact: true } )
		.click();
	// The editor shows a "View page" link before the publish request has finished (pointing at the draft, which
	// visitors cannot see), so wait for the published state and take the permalink the editor then shows.
	await expect(
		page
			.locator( '.components-snackbar' )
			.filter( { hasText: /published/i } )
	).toBeVisible();
	await page.waitForFunction( () => {
		const editor = (
			window as unknown as {
				wp: {
					data: {
						select: (
							store: string
						) => Record< string, () => unknown >;
					};
				};
			}
		 ).wp.data.select( 'core/editor' );
		return editor.isCurrentPostPublished() && ! editor.isSavingPost();
	} );
	const url = await page.evaluate( () =>
		(
			window as unknown as {
				wp: {
					data: {
						select: (
							store: string
						) => Record< string, () => unknown >;
					};
				};
			}
		 ).wp.data
			.select( 'core/editor' )
			.getPermalink()
	);
	expect( typeof url === 'string' && url.includes( 'members-sign-in' ) ).toBe(
		true
	);

	// Front end, as a visitor: the server printed the mount point and the view script mounted a form into it.
	const visitor = await page.context().browser()!.newPage();
	const response = await visitor.goto( url as string );
	expect( response?.status() ).toBe( 200 );
	const html = await response!.text();
	expect( html ).toContain( 'data-cognito-blocks="login"' );
	expect( html ).toMatch( /cognito-blocks\/build\/view\.js/ );
	const mount = visitor.locator( '[data-cognito-blocks="login"]' );
	await expect( mount ).toHaveAttribute( 'data-mounted', 'true' );
	await expect( mount.locator( '.cognito-blocks-form' ) ).toBeVisible();
	await visitor.close();
} );
