/**
 * Settings › Cognito Blocks as a site owner uses it (php/Admin/SettingsPage.php, src/admin): reached from the
 * Plugins row, saved through core's REST settings endpoint and read back after a reload; mistyped values refused
 * on their field without losing them; the connection test against the emulator (a wrong app client named in red,
 * the right one all green); a constant-pinned setting read-only; the group → role table giving a new member the
 * Editor role at first sign-in; Site Health listing the plugin's tests; axe on the page.
 *
 * The suite changes the site's settings, so it restores what it found afterwards (other specs share the site).
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { admin } from './support/emulator-control';
import {
	expectSignedIn,
	newPassword,
	openForm,
	submitSignIn,
} from './support/forms';
import { loginAsAdmin, siteUrl } from './support/wordpress';

test.describe.configure( { mode: 'serial' } );

const OPTION = 'cognito_blocks_settings';
const PIN_FILE = path.join(
	process.env.WP_ROOT ?? '',
	'wp-content/mu-plugins/cognito-blocks-e2e-pin.php'
);
const SETTINGS = siteUrl( '/wp-admin/options-general.php?page=cognito-blocks' );

let original: Record< string, unknown > = {};

async function restNonce( page: Page ): Promise< string > {
	const response = await page.request.get(
		siteUrl( '/wp-admin/admin-ajax.php?action=rest-nonce' )
	);
	return ( await response.text() ).trim();
}

async function storedSettings( page: Page ): Promise< Record< string, any > > {
	const response = await page.request.get(
		siteUrl( '/wp-json/wp/v2/settings' ),
		{
			headers: { 'X-WP-Nonce': await restNonce( page ) },
		}
	);
	expect( response.status() ).toBe( 200 );
	return ( await response.json() )[ OPTION ];
}

/**
 * A notice on the page (not its copy in core's screen reader announcement region).
 * @param page
 * @param text
 */
function notice( page: Page, text: string ) {
	return page.locator( '.components-notice__content', { hasText: text } );
}

async function openSettings( page: Page ): Promise< void > {
	await page.goto( SETTINGS );
	await expect(
		page.getByRole( 'button', { name: 'Save changes' } )
	).toBeVisible();
}

test.beforeAll( async ( { browser } ) => {
	// A setting pinned in PHP, as wp-config.php would: a must-use plugin loads before the plugin reads it.
	mkdirSync( path.dirname( PIN_FILE ), { recursive: true } );
	writeFileSync(
		PIN_FILE,
		"<?php\ndefine( 'COGNITO_BLOCKS_LEEWAY', 60 );\n"
	);
	const page = await browser.newPage();
	await loginAsAdmin( page );
	original = await storedSettings( page );
	await page.close();
} );

test.afterAll( async ( { browser } ) => {
	rmSync( PIN_FILE, { force: true } );
	const page = await browser.newPage();
	await loginAsAdmin( page );
	const restored = await page.request.post(
		siteUrl( '/wp-json/wp/v2/settings' ),
		{
			headers: { 'X-WP-Nonce': await restNonce( page ) },
			data: { [ OPTION ]: original },
		}
	);
	expect( restored.status() ).toBe( 200 );
	await page.close();
} );

test( 'the Plugins row links to the page; values are saved and read back after a reload', async ( {
	page,
} ) => {
	await loginAsAdmin( page );
	await page.goto( siteUrl( '/wp-admin/plugins.php' ) );
	await page
		.locator( 'tr[data-plugin$="cognito-blocks.php"]' )
		.getByRole( 'link', { name: 'Settings', exact: true } )
		.click();
	await expect( page ).toHaveURL( SETTINGS );
	await expect(
		page.getByRole( 'heading', { name: 'Connection' } )
	).toBeVisible();

	await page
		.getByLabel( 'User pool ID' )
		.fill( process.env.COGNITO_POOL_ID ?? '' );
	await page
		.getByLabel( 'App client ID' )
		.fill( process.env.COGNITO_CLIENT_ID ?? '' );
	await page.getByLabel( 'Maximum sign-in age (seconds)' ).fill( '900' );
	await expect( page.getByText( 'You have unsaved changes.' ) ).toBeVisible();
	await page.getByRole( 'button', { name: 'Save changes' } ).click();
	await expect( notice( page, 'Settings saved.' ) ).toBeVisible();

	await page.reload();
	await expect( page.getByLabel( 'User pool ID' ) ).toHaveValue(
		process.env.COGNITO_POOL_ID ?? ''
	);
	await expect( page.getByLabel( 'App client ID' ) ).toHaveValue(
		process.env.COGNITO_CLIENT_ID ?? ''
	);
	await expect(
		page.getByLabel( 'Maximum sign-in age (seconds)' )
	).toHaveValue( '900' );
	expect( ( await storedSettings( page ) ).max_token_age ).toBe( 900 );
} );

test( 'a mistyped value is refused on its field, kept as typed, and nothing is saved', async ( {
	page,
} ) => {
	await loginAsAdmin( page );
	await openSettings( page );
	const pool = page.getByLabel( 'User pool ID' );
	await pool.fill( 'not a pool id' );
	await page.getByRole( 'button', { name: 'Save changes' } ).click();
	await expect(
		notice( page, 'Nothing was saved: fix the fields marked below.' )
	).toBeVisible();
	await expect(
		page.locator( '[data-setting="user_pool_id"]' )
	).toContainText( 'This is not in the expected form' );
	await expect( pool ).toHaveValue( 'not a pool id' );
	await expect( pool ).toBeFocused();
	expect( ( await storedSettings( page ) ).user_pool_id ).toBe(
		process.env.COGNITO_POOL_ID
	);

	// Leaving with unsaved changes asks first; the visitor then leaves anyway, so the page closes.
	const asked = new Promise< string >( ( resolve ) =>
		page.once( 'dialog', async ( dialog ) => {
			resolve( dialog.type() );
			await dialog.accept();
		} )
	);
	const closed = new Promise< void >( ( resolve ) =>
		page.once( 'close', () => resolve() )
	);
	await page.close( { runBeforeUnload: true } );
	expect( await asked ).toBe( 'beforeunload' );
	await closed;
} );

test( 'the connection test names a wrong app client in red and shows all green for the right one', async ( {
	page,
} ) => {
	await loginAsAdmin( page );
	await openSettings( page );
	const client = page.getByLabel( 'App client ID' );
	const lines = page.locator( '.cognito-blocks-admin__lines li' );

	await client.fill( 'nosuchclient123' );
	await page.getByRole( 'button', { name: 'Test connection' } ).click();
	const bad = page.locator( '[data-check="client"]' );
	await expect( bad ).toHaveClass( /is-bad/, { timeout: 20_000 } );
	await expect( bad ).toContainText(
		'App client nosuchclient123 was not found'
	);
	// The pool itself is fine: only the client's line is red.
	await expect( page.locator( '[data-check="discovery"]' ) ).toHaveClass(
		/is-ok/
	);

	await client.fill( process.env.COGNITO_CLIENT_ID ?? '' );
	await page.getByRole( 'button', { name: 'Test connection' } ).click();
	await expect( page.locator( '[data-check="client"]' ) ).toHaveClass(
		/is-ok/,
		{ timeout: 20_000 }
	);
	// The test site names the emulator as its hosted UI domain, so the domain is checked too.
	await expect( lines ).toHaveCount( 5 );
	for ( const check of [
		'discovery',
		'hosted_ui',
		'keys',
		'clock',
		'client',
	] ) {
		await expect( page.locator( `[data-check="${ check }"]` ) ).toHaveClass(
			/is-ok/
		);
	}

	// README's screenshot: `COGNITO_BLOCKS_SCREENSHOT=docs/settings-page.png npx playwright test admin-settings`.
	if ( process.env.COGNITO_BLOCKS_SCREENSHOT ) {
		await page.setViewportSize( { width: 1100, height: 900 } );
		await page.evaluate( () => window.scrollTo( 0, 0 ) );
		await page.screenshot( {
			path: process.env.COGNITO_BLOCKS_SCREENSHOT,
		} );
	}
} );

test( 'a setting pinned by a constant is read-only and names the constant', async ( {
	page,
} ) => {
	await loginAsAdmin( page );
	await openSettings( page );
	await expect( page.getByLabel( 'Clock leeway (seconds)' ) ).toBeDisabled();
	await expect( page.locator( '[data-setting="leeway"]' ) ).toContainText(
		'Set in wp-config.php by COGNITO_BLOCKS_LEEWAY; change it there.'
	);
	await expect(
		page.getByLabel( 'Maximum sign-in age (seconds)' )
	).toBeEnabled();
} );

test( 'the group → role table maps editors to Editor, and a new member of the group signs in as an Editor', async ( {
	page,
	browser,
} ) => {
	await loginAsAdmin( page );
	await openSettings( page );
	await page.getByRole( 'button', { name: 'Add a group' } ).click();
	await page.getByLabel( 'Cognito group, row 1' ).fill( 'editors' );
	await page.getByLabel( 'WordPress role, row 1' ).selectOption( 'editor' );
	await page.getByRole( 'button', { name: 'Save changes' } ).click();
	await expect( notice( page, 'Settings saved.' ) ).toBeVisible();
	expect( ( await storedSettings( page ) ).group_role_map ).toEqual( [
		{ group: 'editors', role: 'editor' },
	] );

	const username = `settings-editor-${ Date.now() }@example.test`;
	const password = newPassword();
	await admin( 'AdminCreateUser', {
		UserPoolId: process.env.COGNITO_POOL_ID,
		Username: username,
		MessageAction: 'SUPPRESS',
		UserAttributes: [
			{ Name: 'email', Value: username },
			{ Name: 'email_verified', Value: 'true' },
		],
	} );
	await admin( 'AdminSetUserPassword', {
		UserPoolId: process.env.COGNITO_POOL_ID,
		Username: username,
		Password: password,
		Permanent: true,
	} );
	await admin( 'AdminAddUserToGroup', {
		UserPoolId: process.env.COGNITO_POOL_ID,
		Username: username,
		GroupName: 'editors',
	} );

	const visitor = await browser.newPage();
	await openForm( visitor, '/e2e-sign-in/' );
	await submitSignIn( visitor, username, password );
	await expectSignedIn( visitor );
	const nonce = await restNonce( visitor );
	const me = await visitor.request.get(
		siteUrl( '/wp-json/wp/v2/users/me?context=edit' ),
		{
			headers: { 'X-WP-Nonce': nonce },
		}
	);
	expect( ( await me.json() ).roles ).toEqual( [ 'editor' ] );
	await visitor.close();
} );

test( "Site Health lists the plugin's tests", async ( { page } ) => {
	await loginAsAdmin( page );
	await page.goto( siteUrl( '/wp-admin/site-health.php' ) );
	// The key set and clock tests run asynchronously; the rest are direct.
	await expect(
		page.getByText( "The user pool's signing keys can be fetched" )
	).toBeAttached( {
		timeout: 30_000,
	} );
	await expect(
		page.getByText( 'The server clock agrees with Cognito' )
	).toBeAttached();
	await page.goto( siteUrl( '/wp-admin/site-health.php?tab=debug' ) );
	await expect(
		page.getByRole( 'button', { name: /Cognito Blocks/ } )
	).toBeVisible();
} );

test( 'axe finds no violations on the settings page', async ( { page } ) => {
	await loginAsAdmin( page );
	await openSettings( page );
	await page.getByRole( 'button', { name: 'Test connection' } ).click();
	await expect( page.locator( '[data-check="client"]' ) ).toBeVisible( {
		timeout: 20_000,
	} );
	const { violations } = await new AxeBuilder( { page } )
		.include( '#cognito-blocks-settings' )
		.withTags( [ 'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa' ] )
		.analyze();
	expect(
		violations.flatMap( ( violation ) =>
			violation.nodes.map(
				( node ) => `${ violation.id }: ${ node.target.join( ' ' ) }`
			)
		)
	).toEqual( [] );
} );
