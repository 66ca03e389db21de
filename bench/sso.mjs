/**
 * Single sign-on against the SRP sign-in form, in Debian's Chromium (playwright-core) on the bench's stack:
 *
 * - page weight of /e2e-sso/ against /e2e-sign-in/ until `load` (requests, bytes transferred as `php -S` sends
 *   them, scripts and CSS also gzipped at level 9), whether build/sso.js or its OAuth chunk (build/oauth.js) is
 *   requested before a button is pressed, and what the press adds;
 * - time from pressing "Continue with single sign-on" to the WordPress session (landing on /e2e-landing/ with a
 *   wordpress_logged_in_ cookie): a first sign-in with the hosted page's form (press → hosted page shown and
 *   submit → session; typing excluded), and with the hosted UI's session already open (press → session);
 *   against submit → session on /e2e-sign-in/. Fresh browser context per run, medians, ratios to SRP.
 *
 * Figures only: nothing here passes or fails on timing.
 */
import { gzipSync } from 'node:zlib';
import {
	runSteps,
	MOUNTED,
	WAIT_MS,
	confirmedUser,
	contentLink,
	fillSignIn,
	freshPage,
	hasAuthCookie,
	kb,
	launchChromium,
	openForm,
	shortUrl,
	table,
} from './browser.mjs';
import { median } from './session-endpoint.mjs';

const RUNS = 7;
const SSO_BUTTON = 'Continue with single sign-on';
const LANDING = /\/e2e-landing\/$/;
const SSO_CHUNK = /\/build\/sso\.js(\?|$)/;
const OAUTH_CHUNK = /\/build\/oauth\.js(\?|$)/;
const HOSTED_COOKIE = /^cognito_emulator_/;

/**
 * Records every request of a page through the DevTools protocol (type, bytes on the wire including headers),
 * with a mark per request of the phase it started in.
 * @param context
 * @param page
 */
async function recordNetwork( context, page ) {
	const cdp = await context.newCDPSession( page );
	await cdp.send( 'Network.enable' );
	const requests = new Map();
	const state = { phase: 'load' };
	cdp.on( 'Network.requestWillBeSent', ( event ) => {
		if ( ! /^https?:/.test( event.request.url ) ) {
			return;
		}
		if ( ! requests.has( event.requestId ) ) {
			requests.set( event.requestId, {
				url: event.request.url,
				type: event.type ?? 'Other',
				phase: state.phase,
				bytes: 0,
			} );
		}
	} );
	cdp.on( 'Network.loadingFinished', ( event ) => {
		const request = requests.get( event.requestId );
		if ( request ) {
			request.bytes = event.encodedDataLength;
		}
	} );
	return { requests, state };
}

const sum = ( list, key ) =>
	list.reduce( ( total, item ) => total + item[ key ], 0 );

async function gzipped( url ) {
	const response = await fetch( url, {
		signal: AbortSignal.timeout( WAIT_MS ),
	} );
	return gzipSync( Buffer.from( await response.arrayBuffer() ), {
		level: 9,
	} ).length;
}

/** Requests and bytes of one cold load until `load`, and what follows until the network is idle. */
async function weighPage( browser, url, { press } = {} ) {
	const { context, page } = await freshPage( browser );
	try {
		const { requests, state } = await recordNetwork( context, page );
		await page.goto( url, { waitUntil: 'load' } );
		state.phase = 'after load';
		await page.waitForSelector( MOUNTED, { timeout: WAIT_MS } );
		await page
			.waitForLoadState( 'networkidle', { timeout: WAIT_MS } )
			.catch( () => {} );
		// Bytes of late-finishing load requests arrive before the list is read.
		await page.waitForTimeout( 300 );
		const beforePress = [ ...requests.values() ];
		let pressed = [];
		if ( press ) {
			state.phase = 'press';
			const emulator = new URL( press.emulatorUrl ).origin;
			await page.getByRole( 'button', { name: SSO_BUTTON } ).click();
			await page.waitForURL( ( target ) => target.origin === emulator, {
				waitUntil: 'commit',
			} );
			pressed = [ ...requests.values() ].filter(
				( request ) =>
					request.phase === 'press' &&
					! request.url.startsWith( emulator )
			);
		}
		return { beforePress, pressed };
	} finally {
		await context.close();
	}
}

function summarise( list ) {
	const scripts = list.filter( ( request ) => request.type === 'Script' );
	const css = list.filter( ( request ) => request.type === 'Stylesheet' );
	return { scripts, css, all: list };
}

async function pageWeights( browser, env, sso, signIn, log ) {
	const ssoLoad = await weighPage( browser, sso, {
		press: { emulatorUrl: env.EMULATOR_URL },
	} );
	const srpLoad = await weighPage( browser, signIn );
	const untilLoad = ( result ) =>
		summarise(
			result.beforePress.filter( ( request ) => request.phase === 'load' )
		);
	const a = untilLoad( ssoLoad );
	const b = untilLoad( srpLoad );
	const gz = async ( list ) => {
		let total = 0;
		for ( const request of list ) {
			total += await gzipped( request.url );
		}
		return total;
	};
	const cell = ( list ) =>
		`${ list.length } req, ${ kb( sum( list, 'bytes' ) ) }`;
	const rows = [
		[ '', '/e2e-sso/', '/e2e-sign-in/', 'ratio' ],
		[
			'scripts',
			cell( a.scripts ),
			cell( b.scripts ),
			( sum( a.scripts, 'bytes' ) / sum( b.scripts, 'bytes' ) ).toFixed(
				2
			),
		],
		[
			'CSS',
			cell( a.css ),
			cell( b.css ),
			( sum( a.css, 'bytes' ) / sum( b.css, 'bytes' ) ).toFixed( 2 ),
		],
		[
			'all requests',
			cell( a.all ),
			cell( b.all ),
			( sum( a.all, 'bytes' ) / sum( b.all, 'bytes' ) ).toFixed( 2 ),
		],
	];
	const aGz = await gz( [ ...a.scripts, ...a.css ] );
	const bGz = await gz( [ ...b.scripts, ...b.css ] );
	rows.push( [
		'JS+CSS gzip -9',
		kb( aGz ),
		kb( bGz ),
		( aGz / bGz ).toFixed( 2 ),
	] );
	log(
		'  until `load`, cold cache; bytes transferred as php -S sends them (uncompressed, headers included)'
	);
	table( rows ).forEach( ( line ) => log( `  ${ line }` ) );

	const loadedEarly = ( pattern ) =>
		[ ...ssoLoad.beforePress, ...srpLoad.beforePress ].some( ( request ) =>
			pattern.test( request.url )
		);
	log(
		`  build/sso.js requested before a press (either page, until the network is idle): ${ loadedEarly( SSO_CHUNK ) ? 'yes' : 'no' }`
	);
	log(
		`  build/oauth.js (the OAuth library) requested before a press: ${ loadedEarly( OAUTH_CHUNK ) ? 'yes' : 'no' }`
	);
	const pressed = ssoLoad.pressed;
	const pressedScripts = pressed.filter(
		( request ) => request.type === 'Script'
	);
	log(
		`  the press adds, before the browser leaves for the hosted page: ${ pressed.length } request(s), ${ kb( sum( pressed, 'bytes' ) ) } transferred, ${ kb( await gz( pressedScripts ) ) } gzip -9 of its scripts`
	);
	for ( const request of pressed ) {
		log(
			`    ${ String( request.bytes ).padStart( 7 ) } B  ${ request.type.padEnd( 10 ) } ${ shortUrl( request.url, env.WP_URL ) }${ request.type === 'Script' ? ` (${ await gzipped( request.url ) } B gzip)` : '' }`
		);
	}
}

async function waitForSession( context, page ) {
	await page.waitForURL( LANDING, { waitUntil: 'commit' } );
	const started = Date.now();
	while ( ! hasAuthCookie( await context.cookies() ) ) {
		if ( Date.now() - started > WAIT_MS ) {
			throw new Error( 'landed without a WordPress auth cookie' );
		}
		await new Promise( ( resolve ) => setTimeout( resolve, 10 ) );
	}
}

async function openSso( page, url ) {
	await openForm( page, url );
	await page
		.waitForLoadState( 'networkidle', { timeout: WAIT_MS } )
		.catch( () => {} );
	return page.getByRole( 'button', { name: SSO_BUTTON } );
}

/** A first single sign-on: the hosted page's form. Returns the timings, and the hosted UI's cookies. */
async function firstSso( browser, env, url, user ) {
	const { context, page } = await freshPage( browser );
	try {
		const button = await openSso( page, url );
		const emulator = new URL( env.EMULATOR_URL ).origin;
		const pressed = performance.now();
		await button.click();
		await page.waitForURL( ( target ) => target.origin === emulator );
		const username = page.getByLabel( 'Username' );
		await username.waitFor( { state: 'visible' } );
		const shown = performance.now();
		await username.fill( user.username );
		await page.getByLabel( 'Password' ).fill( user.password );
		const submit = page.getByRole( 'button', { name: 'Sign in' } );
		const submitted = performance.now();
		await submit.click();
		await waitForSession( context, page );
		const done = performance.now();
		const hosted = ( await context.cookies() ).filter( ( cookie ) =>
			HOSTED_COOKIE.test( cookie.name )
		);
		return {
			toHosted: shown - pressed,
			submitToSession: done - submitted,
			hosted,
		};
	} finally {
		await context.close();
	}
}

/** A press with the hosted UI's session open (its cookie copied into a fresh context): no form. */
async function repeatSso( browser, url, hostedCookies ) {
	const { context, page } = await freshPage( browser );
	try {
		await context.addCookies( hostedCookies );
		const button = await openSso( page, url );
		const pressed = performance.now();
		await button.click();
		await waitForSession( context, page );
		return performance.now() - pressed;
	} finally {
		await context.close();
	}
}

async function srpSignIn( browser, url, user ) {
	const { context, page } = await freshPage( browser );
	try {
		await openForm( page, url );
		await page
			.waitForLoadState( 'networkidle', { timeout: WAIT_MS } )
			.catch( () => {} );
		const submit = await fillSignIn( page, user );
		const started = performance.now();
		await submit.click();
		while ( ! hasAuthCookie( await context.cookies() ) ) {
			if ( performance.now() - started > WAIT_MS ) {
				throw new Error( 'no WordPress auth cookie after submit' );
			}
			await new Promise( ( resolve ) => setTimeout( resolve, 10 ) );
		}
		return performance.now() - started;
	} finally {
		await context.close();
	}
}

async function timings( browser, env, sso, signIn, user, log ) {
	const first = { toHosted: [], submit: [], total: [] };
	const repeat = [];
	const srp = [];
	// One warm-up round of each (PHP and the emulator compile their code paths), not counted.
	for ( let round = 0; round <= RUNS; round++ ) {
		const a = await firstSso( browser, env, sso, user );
		if ( ! a.hosted.length ) {
			throw new Error( 'the hosted UI set no session cookie' );
		}
		const b = await repeatSso( browser, sso, a.hosted );
		const c = await srpSignIn( browser, signIn, user );
		if ( round === 0 ) {
			continue;
		}
		first.toHosted.push( a.toHosted );
		first.submit.push( a.submitToSession );
		first.total.push( a.toHosted + a.submitToSession );
		repeat.push( b );
		srp.push( c );
	}
	const srpMedian = median( srp );
	const ms = ( values ) => `${ median( values ).toFixed( 0 ) } ms`;
	const ratio = ( values ) =>
		`${ ( median( values ) / srpMedian ).toFixed( 2 ) }×`;
	const rows = [
		[ 'median', 'SRP ratio', 'what' ],
		[ ms( srp ), '1.00×', 'SRP: submit → session on /e2e-sign-in/' ],
		[
			ms( first.toHosted ),
			ratio( first.toHosted ),
			'SSO first sign-in: press → hosted page shown',
		],
		[
			ms( first.submit ),
			ratio( first.submit ),
			'SSO first sign-in: hosted page submit → session on /e2e-landing/',
		],
		[
			ms( first.total ),
			ratio( first.total ),
			'SSO first sign-in: both together (typing excluded)',
		],
		[
			ms( repeat ),
			ratio( repeat ),
			'SSO with the hosted UI session open: press → session on /e2e-landing/',
		],
	];
	table( rows ).forEach( ( line ) => log( `  ${ line }` ) );
	log(
		`  ${ RUNS } runs each after one warm-up, interleaved, each in a fresh browser context (cold cache, no cookies but the hosted UI's own for the last row)`
	);
	log(
		`  all runs (ms): SRP ${ srp.map( Math.round ).join( ', ' ) }; press→hosted ${ first.toHosted.map( Math.round ).join( ', ' ) }; submit→session ${ first.submit.map( Math.round ).join( ', ' ) }; open session ${ repeat.map( Math.round ).join( ', ' ) }`
	);
}

export async function run(
	env,
	log = ( line ) => console.log( line ? `  ${ line }` : '' )
) {
	const user = confirmedUser( env );
	const sso = await contentLink( env, 'pages', 'e2e-sso' );
	const signIn = await contentLink( env, 'pages', 'e2e-sign-in' );
	if ( ! sso || ! signIn ) {
		throw new Error( 'the e2e-sso or e2e-sign-in test page is missing' );
	}
	const browser = await launchChromium();
	const steps = [
		[
			'Page weight: /e2e-sso/ vs /e2e-sign-in/',
			() => pageWeights( browser, env, sso, signIn, log ),
		],
		[
			'Time to a WordPress session: single sign-on vs SRP',
			() => timings( browser, env, sso, signIn, user, log ),
		],
	];
	await runSteps( browser, steps, log );
}
