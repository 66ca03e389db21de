/**
 * When the sign-in page can be used: first contentful paint, "typeable" (a field of the form takes focus and
 * input: the server's skeleton is live from first paint) and "submit ready" (the script has mounted the form, so
 * Sign in works), medians of cold loads at CPU 1× and 4× (Chromium's CPU throttling, as on a mid-range phone).
 * Figures only.
 */
import { MOUNTED, WAIT_MS, freshPage, table } from './browser.mjs';
import { median } from './session-endpoint.mjs';

const LOADS = 7;
const RATES = [ 1, 4 ];

/**
 * Runs in the page before its own scripts: records when a mount point first holds an input the visitor can type
 * into, and when the form is mounted with an enabled submit button.
 * @param mounted Selector of a mounted form's mount point.
 */
/* global requestAnimationFrame, MutationObserver -- runs in the page (addInitScript). */
function recordReadiness( mounted ) {
	const marks = {};
	window.__ready = marks;
	const check = () => {
		const input = document.querySelector(
			'[data-cognito-blocks] input:not([disabled]):not([type="hidden"])'
		);
		if ( input && marks.typeable === undefined ) {
			// The first frame after the input is in the document is the first one that shows it.
			marks.typeable = -1;
			requestAnimationFrame(
				() => ( marks.typeable = performance.now() )
			);
		}
		const live = document.querySelector(
			`${ mounted } button[type="submit"]:not([disabled])`
		);
		if ( live && marks.submitReady === undefined ) {
			marks.submitReady = -1;
			requestAnimationFrame(
				() => ( marks.submitReady = performance.now() )
			);
		}
	};
	new MutationObserver( check ).observe( document, {
		subtree: true,
		childList: true,
		attributes: true,
		attributeFilter: [ 'data-mounted', 'disabled' ],
	} );
}

async function oneLoad( browser, url, rate ) {
	const { context, page } = await freshPage( browser );
	try {
		const cdp = await context.newCDPSession( page );
		await cdp.send( 'Emulation.setCPUThrottlingRate', { rate } );
		await context.addInitScript( recordReadiness, MOUNTED );
		await page.goto( url, { waitUntil: 'load', timeout: 60_000 } );
		await page.waitForFunction(
			() =>
				window.__ready?.submitReady > 0 &&
				window.__ready?.typeable > 0 &&
				performance.getEntriesByName( 'first-contentful-paint' ).length,
			null,
			{ timeout: WAIT_MS * rate }
		);
		const marks = await page.evaluate( () => ( {
			fcp: performance.getEntriesByName( 'first-contentful-paint' )[ 0 ]
				.startTime,
			typeable: window.__ready.typeable,
			submitReady: window.__ready.submitReady,
		} ) );
		// Nothing can be typed into before it is seen: a frame may come before the first contentful paint.
		return {
			...marks,
			typeable: Math.max( marks.fcp, marks.typeable ),
			submitReady: Math.max( marks.fcp, marks.submitReady ),
		};
	} finally {
		await context.close();
	}
}

export async function readiness( browser, url, log ) {
	const rows = [
		[
			'CPU',
			'first contentful paint',
			'typeable',
			'submit ready',
			'loads',
		],
	];
	for ( const rate of RATES ) {
		const loads = [];
		for ( let index = 0; index < LOADS; index++ ) {
			loads.push( await oneLoad( browser, url, rate ) );
		}
		const ms = ( key ) =>
			`${ median( loads.map( ( load ) => load[ key ] ) ).toFixed( 0 ) } ms`;
		rows.push( [
			`${ rate }×`,
			ms( 'fcp' ),
			ms( 'typeable' ),
			ms( 'submitReady' ),
			String( LOADS ),
		] );
	}
	for ( const line of table( rows ) ) {
		log( `  ${ line }` );
	}
	log(
		'  medians of cold loads; "typeable" is the first frame with a field that takes input (the live skeleton), "submit ready" the first with the mounted form\'s enabled Sign in button'
	);
}
