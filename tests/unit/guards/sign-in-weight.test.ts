// @vitest-environment node
/**
 * A byte budget for the plugin's own files on a page with the sign-in form, gzipped at level 9 per file as
 * `npm run bench` measures them (bench/front-end-weight.mjs). A page with the form loads what
 * php/Render/Assets.php enqueues for every form (build/view.js and the `cognito-blocks-forms` stylesheet,
 * build/view.css or on right-to-left sites build/view-rtl.css) plus what the login block's block.json adds for
 * the front end (only that same stylesheet handle). The steps chunk and the QR chunk load on demand, later.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { builtPath } from './built';

/**
 * 2 December 2026: view.js 40,128 B + view-rtl.css 1,885 B = 42,013 B gzip -9. About 3 % above that, so a
 * change that grows the sign-in page has to raise this number on purpose (and say why).
 *
 * 3 December 2026, the profile form: 43,933 B (45,045 B until the profile chunk stopped importing
 * amazon-cognito-identity-js itself: it now gets the library's request client through the form's services, so
 * webpack keeps the library inlined in view.js). What every page with a form carries for the profile: its mount
 * (the view is a chunk of its own), the JSON request helper the hand-off shares with the profile's REST client,
 * the profile's error codes in the one error table (131 B), the runner starting a flow's first request, and the
 * profile's styles in the shared stylesheet (~110 B). Budget about 3 % above that again.
 */
const BUDGET_BYTES = 45_200;

/** block.json keys whose assets WordPress loads on the front end where the block is. */
const FRONT_END_ASSET_KEYS = [
	'script',
	'viewScript',
	'viewScriptModule',
	'style',
	'viewStyle',
];

const gzipped = ( name: string ) =>
	gzipSync( readFileSync( builtPath( name ) ), { level: 9 } ).length;

describe( 'the sign-in page', () => {
	it( 'loads no front-end asset of the login block beyond the shared stylesheet', () => {
		const block = JSON.parse(
			readFileSync( builtPath( 'blocks/login/block.json' ), 'utf8' )
		) as Record< string, unknown >;
		const assets = Object.fromEntries(
			FRONT_END_ASSET_KEYS.filter( ( key ) => key in block ).map(
				( key ) => [ key, block[ key ] ]
			)
		);
		expect(
			assets,
			'blocks/login/block.json loads more on the front end: count it in the budget below'
		).toEqual( { style: 'cognito-blocks-forms' } );
	} );

	it( `keeps the plugin's own files under ${ BUDGET_BYTES } B gzip`, () => {
		const sizes = {
			'view.js': gzipped( 'view.js' ),
			// One of the two, by the site's text direction: the larger counts.
			'view.css': Math.max(
				gzipped( 'view.css' ),
				gzipped( 'view-rtl.css' )
			),
		};
		const total = Object.values( sizes ).reduce( ( a, b ) => a + b, 0 );
		expect(
			total,
			`gzip -9: ${ JSON.stringify(
				sizes
			) } = ${ total } B, over the budget of ${ BUDGET_BYTES } B`
		).toBeLessThanOrEqual( BUDGET_BYTES );
	} );
} );
