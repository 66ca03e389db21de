/**
 * Mounting a form must not move the page: the server prints a copy of the first step (php/Render/Skeleton.php)
 * with the same texts, as tall as the mounted form under the theme's CSS.
 */
import { test, expect, type Page } from '@playwright/test';
import { openForm } from './support/forms';
import { siteUrl } from './support/wordpress';

test.use( { viewport: { width: 1280, height: 800 } } );

const MOUNT_POINT = '[data-cognito-blocks]';

/**
 * What a visitor reads in the mount point, in order: headings, descriptions, labels, hints, buttons, links and
 * checklist rules (the skeleton must say exactly what the mounted form says).
 * @param page
 */
function textsOf( page: Page ): Promise< string[] > {
	return page
		.locator( MOUNT_POINT )
		.first()
		.evaluate( ( element ) =>
			Array.from(
				element.querySelectorAll(
					'.cognito-blocks__heading, .cognito-blocks__description, .cognito-blocks__label, .cognito-blocks__button-label, .cognito-blocks__link, .cognito-blocks__checklist-title, .cognito-blocks__rule-label, .cognito-blocks__terms'
				)
			).map( ( node ) =>
				( node.textContent ?? '' ).replace( /\s+/g, ' ' ).trim()
			)
		);
}

function heightOf( page: Page ): Promise< number > {
	return page
		.locator( MOUNT_POINT )
		.first()
		.evaluate( ( element ) => element.getBoundingClientRect().height );
}

for ( const pathname of [ '/e2e-sign-in/', '/e2e-register/', '/e2e-reset/' ] ) {
	test( `${ pathname }: the server's skeleton is as tall as the mounted form`, async ( {
		browser,
	} ) => {
		const blocked = await browser.newContext();
		try {
			const page = await blocked.newPage();
			// Without the view script the skeleton stays: what a visitor sees before the form mounts.
			await page.route( /\/build\/view\.js/, ( route ) => route.abort() );
			await page.goto( siteUrl( pathname ) );
			await expect(
				page.locator( `${ MOUNT_POINT } .cognito-blocks__skeleton` )
			).toHaveCount( 1 );
			const before = await heightOf( page );
			const skeletonTexts = await textsOf( page );

			const mounted = await blocked.newPage();
			await openForm( mounted, pathname );
			await expect(
				mounted.locator( '.cognito-blocks__skeleton' )
			).toHaveCount( 0 );
			await expect(
				mounted.locator( `${ MOUNT_POINT } form` )
			).toHaveCount( 1 );
			const after = await heightOf( mounted );
			// The same words in the same places: the skeleton is a faithful copy, not just as tall.
			expect( await textsOf( mounted ) ).toEqual( skeletonTexts );
			expect( skeletonTexts.length ).toBeGreaterThan( 3 );

			expect( before ).toBeGreaterThan( 100 );
			expect( Math.abs( after - before ) ).toBeLessThan( 2 );
		} finally {
			await blocked.close();
		}
	} );
}

test( 'mounting the sign-in form shifts nothing (CLS of the mount < 0.01)', async ( {
	page,
} ) => {
	await page.addInitScript( () => {
		const scope = window as unknown as { cls: number };
		scope.cls = 0;
		new PerformanceObserver( ( list ) => {
			for ( const entry of list.getEntries() as Array<
				PerformanceEntry & { value: number; hadRecentInput: boolean }
			> ) {
				if ( ! entry.hadRecentInput ) {
					scope.cls += entry.value;
				}
			}
		} ).observe( { type: 'layout-shift', buffered: true } );
	} );
	const cls = () =>
		page.evaluate( () => ( window as unknown as { cls: number } ).cls );
	// The view script is held back until the page has settled, so what is measured is the mount alone, not the
	// theme's own shifts while it loads (web fonts, navigation).
	let release = () => undefined as void;
	const held = new Promise< void >( ( resolve ) => ( release = resolve ) );
	await page.route( /\/build\/view\.js/, async ( route ) => {
		await held;
		await route.continue();
	} );
	// A deferred script holds back DOMContentLoaded and load, so only the response is awaited here.
	await page.goto( siteUrl( '/e2e-sign-in/' ), { waitUntil: 'commit' } );
	await expect( page.locator( '.cognito-blocks__skeleton' ) ).toBeVisible();
	await page.waitForTimeout( 1500 );
	const before = await cls();
	release();
	await expect(
		page.locator( '[data-cognito-blocks][data-mounted="true"] form' )
	).toHaveCount( 1 );
	// Shifts are reported after the frame that caused them.
	await page.waitForTimeout( 1000 );
	expect( ( await cls() ) - before ).toBeLessThan( 0.01 );
} );
