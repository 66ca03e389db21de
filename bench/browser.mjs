/**
 * Browser helpers for the front-end benchmark: the system Chromium with the same switches as the e2e suite,
 * the test pages' URLs, the mounted-form wait, and byte/label formatting. Every wait is bounded, so a stack
 * that stopped answering makes the section report an error instead of hanging `npm run bench`.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { SectionSkipped } from './skip.mjs';
import {
	CHROMIUM_PATH as CHROMIUM,
	CHROMIUM_ARGS as ARGS,
} from '../tests/support/chromium.mjs';

export const WAIT_MS = 15_000;
export const PLUGIN_PATH = '/plugins/cognito-blocks/';
export const MOUNTED = '[data-cognito-blocks][data-mounted="true"]';

export async function launchChromium() {
	if ( ! existsSync( CHROMIUM ) ) {
		throw new SectionSkipped( `no Chromium at ${ CHROMIUM }` );
	}
	return chromium.launch( {
		executablePath: CHROMIUM,
		args: ARGS,
		timeout: 30_000,
	} );
}

/** A fresh context and page (own cookies, own cache) with bounded waits. */
export async function freshPage( browser, options = {} ) {
	const context = await browser.newContext( {
		viewport: { width: 1280, height: 800 },
		...options,
	} );
	context.setDefaultTimeout( WAIT_MS );
	context.setDefaultNavigationTimeout( 30_000 );
	return { context, page: await context.newPage() };
}

/** Opens a page with a form and waits until the view script has mounted it. */
export async function openForm( page, url ) {
	await page.goto( url, { waitUntil: 'load' } );
	await page.waitForSelector( MOUNTED, { timeout: WAIT_MS } );
}

/**
 * The link of a page or post found through the REST API (`?rest_route=` works with any permalink setting).
 * @param env
 * @param type 'pages' or 'posts'
 * @param slug empty: the newest one
 */
export async function contentLink( env, type, slug = '' ) {
	const query = slug ? `&slug=${ encodeURIComponent( slug ) }` : '';
	const response = await fetch(
		`${ env.WP_URL }/?rest_route=/wp/v2/${ type }&per_page=1&_fields=link${ query }`,
		{ signal: AbortSignal.timeout( WAIT_MS ) }
	);
	const items = response.ok ? await response.json() : [];
	return items[ 0 ]?.link ?? null;
}

/** The seeded pool user that signs in with a password alone. */
export function confirmedUser( env ) {
	const users = JSON.parse( env.COGNITO_TEST_USERS ?? '{}' );
	if ( ! users.confirmed ) {
		throw new SectionSkipped(
			'COGNITO_TEST_USERS has no confirmed user (is the emulator running?)'
		);
	}
	return users.confirmed;
}

/** Fills the sign-in step; the caller clicks submit, so it can start counting right before. */
export async function fillSignIn( page, user ) {
	await page.getByLabel( 'Username or email' ).fill( user.username );
	await page.getByLabel( 'Password', { exact: true } ).fill( user.password );
	return page.getByRole( 'button', { name: 'Sign in' } );
}

export function hasAuthCookie( cookies ) {
	return cookies.some( ( cookie ) =>
		cookie.name.startsWith( 'wordpress_logged_in_' )
	);
}

/** 12,345 → "12.3 kB" (1 kB = 1,000 bytes, as the goals are stated). */
export function kb( bytes ) {
	return `${ ( bytes / 1000 ).toFixed( 1 ) } kB`;
}

/** A URL as a short label: the path under wp-content/wp-includes, without the version query. */
export function shortUrl( url, base ) {
	const parsed = new URL( url );
	const local = url.startsWith( base );
	return local
		? parsed.pathname.replace( /^.*?\/(?=wp-(?:content|includes)\/)/, '' )
		: `${ parsed.host }${ parsed.pathname }`;
}

/** Pads columns of a small table so the figures line up. */
export function table( rows ) {
	const widths = rows[ 0 ].map( ( _, column ) =>
		Math.max( ...rows.map( ( row ) => String( row[ column ] ).length ) )
	);
	return rows.map( ( row ) =>
		row
			.map( ( cell, column ) =>
				column === row.length - 1
					? String( cell )
					: String( cell ).padStart( widths[ column ] )
			)
			.join( '  ' )
	);
}

/**
 * Runs a section's measurements in order, each under its title, then closes the browser. One figure failing (a
 * timeout, say) is reported in its place and does not hide the others.
 *
 * @param {import('playwright-core').Browser}       browser
 * @param {Array<[string, () => Promise<unknown>]>} steps   Title and measurement.
 * @param {(line: string) => void}                  log
 */
export async function runSteps( browser, steps, log ) {
	try {
		for ( const [ title, step ] of steps ) {
			log( '' );
			log( `${ title }:` );
			await step().catch( ( error ) =>
				log(
					`  could not measure: ${ error.message.split( '\n' )[ 0 ] }`
				)
			);
		}
	} finally {
		await browser.close();
	}
}
