/**
 * Front-end figures, measured in the system Chromium against the bench's WordPress (see bench/README.md):
 * what a visitor downloads for the sign-in page, the requests from submit to the WordPress session cookie, the
 * layout shift while the form mounts, the plugin's assets on pages without a form, and the QR chunk of the
 * authenticator set-up step. Figures only: nothing here passes or fails.
 */
import {
	runSteps,
	PLUGIN_PATH,
	WAIT_MS,
	confirmedUser,
	contentLink,
	fillSignIn,
	freshPage,
	hasAuthCookie,
	launchChromium,
	openForm,
	shortUrl,
} from './browser.mjs';
import { measureQrChunk } from './front-end-qr.mjs';
import { readiness } from './front-end-ready.mjs';
import { pageWeight } from './front-end-weight.mjs';

export async function run(
	env,
	log = ( line ) => console.log( line ? `  ${ line }` : '' )
) {
	const user = confirmedUser( env );
	const signIn = await contentLink( env, 'pages', 'e2e-sign-in' );
	if ( ! signIn ) {
		throw new Error( 'the sign-in test page (e2e-sign-in) is missing' );
	}
	// A page of the same theme without a form: the baseline for the weight and layout-shift figures.
	const plain = await contentLink( env, 'pages', 'e2e-landing' );
	const browser = await launchChromium();
	const steps = [
		[ 'Page weight', () => pageWeight( browser, env, signIn, plain, log ) ],
		[
			'Submit → session',
			() => requestsToSession( browser, signIn, user, log ),
		],
		[ 'Layout shift', () => layoutShift( browser, signIn, plain, log ) ],
		[
			'When the sign-in form can be used',
			() => readiness( browser, signIn, log ),
		],
		[ 'Pages without a form', () => formlessPages( browser, env, log ) ],
		[
			'Profile page weight (signed in; the sign-in page above for comparison)',
			() => profileWeight( browser, env, signIn, plain, user, log ),
		],
		[ 'QR chunk', () => measureQrChunk( browser, env, signIn, user, log ) ],
	];
	await runSteps( browser, steps, log );
}

/**
 * (f) What the profile page loads for a signed-in visitor, against a page without a form for the same visitor
 * (the admin bar and its styles load on both).
 * @param browser
 * @param env
 * @param signIn
 * @param plain
 * @param user
 * @param log
 */
async function profileWeight( browser, env, signIn, plain, user, log ) {
	const profile = await contentLink( env, 'pages', 'e2e-profile' );
	if ( ! profile ) {
		throw new Error( 'the profile test page (e2e-profile) is missing' );
	}
	const prepare = async ( page ) => {
		await openForm( page, signIn );
		await ( await fillSignIn( page, user ) ).click();
		await page
			.getByText( /^Signed in as / )
			.waitFor( { timeout: WAIT_MS } );
	};
	const ready = ( page ) =>
		page
			.getByRole( 'heading', { name: 'Your details' } )
			.waitFor( { timeout: WAIT_MS } );
	await pageWeight( browser, env, profile, plain, log, { prepare, ready } );
}

/**
 * A CORS preflight, which the browser sends on its own before a cross-origin request with custom headers. The
 * forms never send OPTIONS themselves, so the method alone also identifies one where the event has no type.
 * @param event
 */
function isPreflight( event ) {
	return (
		event.type === 'Preflight' ||
		event.initiator?.type === 'preflight' ||
		event.request.method === 'OPTIONS'
	);
}

/**
 * (b) Every request the page makes from the click on "Sign in" until the response that sets WordPress's auth
 * cookie, read from the DevTools protocol so CORS preflights (which page.on('request') never reports) count too.
 */
async function requestsToSession( browser, url, user, log ) {
	const { context, page } = await freshPage( browser );
	await openForm( page, url );
	await page
		.waitForLoadState( 'networkidle', { timeout: WAIT_MS } )
		.catch( () => {} );
	const submit = await fillSignIn( page, user );
	const cdp = await context.newCDPSession( page );
	await cdp.send( 'Network.enable' );
	const sent = [];
	const cookieSetBy = new Set();
	let recording = false;
	cdp.on( 'Network.requestWillBeSent', ( event ) => {
		if ( recording ) {
			sent.push( event );
		}
	} );
	cdp.on( 'Network.responseReceivedExtraInfo', ( event ) => {
		const setCookie = Object.entries( event.headers ).find(
			( [ name ] ) => name.toLowerCase() === 'set-cookie'
		)?.[ 1 ];
		if ( setCookie?.includes( 'wordpress_logged_in_' ) ) {
			cookieSetBy.add( event.requestId );
		}
	} );
	recording = true;
	const started = Date.now();
	await submit.click();
	while ( ! hasAuthCookie( await context.cookies() ) ) {
		if ( Date.now() - started > WAIT_MS ) {
			await context.close();
			throw new Error(
				`no WordPress auth cookie ${ WAIT_MS / 1000 } s after submit`
			);
		}
		await new Promise( ( resolve ) => setTimeout( resolve, 25 ) );
	}
	const elapsed = Date.now() - started;
	recording = false;
	await context.close();
	// The requests up to and including the one whose response set the cookie; the redirect comes after it.
	const last = sent.findIndex( ( event ) =>
		cookieSetBy.has( event.requestId )
	);
	const counted = last < 0 ? sent : sent.slice( 0, last + 1 );
	const preflights = counted.filter( isPreflight );
	const requests = counted.filter( ( event ) => ! isPreflight( event ) );
	log(
		`  ${ requests.length } requests (goal: exactly 3) in ${ elapsed } ms` +
			( preflights.length
				? `, plus ${ preflights.length } CORS preflight(s)`
				: '' )
	);
	for ( const event of counted ) {
		const { method, url: target, headers } = event.request;
		const amz = Object.entries( headers ).find(
			( [ name ] ) => name.toLowerCase() === 'x-amz-target'
		)?.[ 1 ];
		const what = amz
			? amz.replace( /^.*\./, '' )
			: new URL( target ).pathname;
		const note = isPreflight( event ) ? '  (CORS preflight)' : '';
		log(
			`  ${ method.padEnd( 7 ) } ${ new URL( target ).host }  ${ what }${ note }`
		);
	}
}

/**
 * Cumulative layout shift of one cold load, observed from before the first byte (init script, buffered
 * observer) until a second after the form mounted (or the page loaded), plus the shifted elements.
 * @param browser
 * @param url
 * @param options
 * @param options.form
 */
async function clsOfLoad( browser, url, { form } ) {
	const { context, page } = await freshPage( browser );
	try {
		await context.addInitScript( () => {
			window.__cls = { value: 0, shifts: [] };
			new PerformanceObserver( ( list ) => {
				for ( const entry of list.getEntries() ) {
					if ( ! entry.hadRecentInput ) {
						window.__cls.value += entry.value;
						window.__cls.shifts.push(
							`${ entry.value.toFixed( 4 ) } (${ (
								entry.sources ?? []
							)
								.map(
									( source ) =>
										source.node?.className
											?.toString()
											.split( ' ' )[ 0 ] ||
										source.node?.nodeName
								)
								.join( ', ' ) })`
						);
					}
				}
			} ).observe( { type: 'layout-shift', buffered: true } );
		} );
		if ( form ) {
			await openForm( page, url );
		} else {
			await page.goto( url, { waitUntil: 'load' } );
		}
		// A second more, so shifts from late fonts or effects are counted too.
		await page.waitForTimeout( 1000 );
		return await page.evaluate( () => window.__cls );
	} finally {
		await context.close();
	}
}

/** Height of the first mount point: with the server's markup only (view.js blocked), and mounted. */
async function mountHeights( browser, url ) {
	const heights = [];
	for ( const blocked of [ true, false ] ) {
		const { context, page } = await freshPage( browser );
		try {
			if ( blocked ) {
				await context.route( /\/build\/view\.js/, ( route ) =>
					route.abort()
				);
				await page.goto( url, { waitUntil: 'load' } );
			} else {
				await openForm( page, url );
			}
			heights.push(
				await page
					.locator( '[data-cognito-blocks]' )
					.first()
					.evaluate( ( element ) =>
						Math.round( element.getBoundingClientRect().height )
					)
			);
		} finally {
			await context.close();
		}
	}
	return heights;
}

/**
 * (c) CLS of the sign-in page over load and mount, three cold loads, no throttling; the same theme's page
 * without a form as the baseline, and the mount point's height before and after mounting, which is what decides
 * whether mounting pushes the content below it.
 * @param browser
 * @param url
 * @param plainUrl
 * @param log
 */
async function layoutShift( browser, url, plainUrl, log ) {
	const values = [];
	for ( let round = 1; round <= 3; round++ ) {
		const cls = await clsOfLoad( browser, url, { form: true } );
		values.push( cls.value );
		log(
			`  load ${ round }: CLS ${ cls.value.toFixed( 4 ) }${ cls.shifts.length ? ` — ${ cls.shifts.join( '; ' ) }` : '' }`
		);
	}
	log(
		`  worst of 3: ${ Math.max( ...values ).toFixed( 4 ) } (goal < 0.01)`
	);
	if ( plainUrl ) {
		const plain = await clsOfLoad( browser, plainUrl, { form: false } );
		log(
			`  baseline, the same theme without a form (${ new URL( plainUrl ).pathname }): CLS ${ plain.value.toFixed( 4 ) }`
		);
	}
	const [ reserved, mounted ] = await mountHeights( browser, url );
	log(
		`  form height at 1280 px: ${ reserved } px reserved by the server markup, ${ mounted } px mounted`
	);
}

/** (d) The plugin's files requested by pages that print no form (visitor not signed in). */
async function formlessPages( browser, env, log ) {
	const pages = [
		[ 'home', `${ env.WP_URL }/` ],
		[ 'sample page', await contentLink( env, 'pages', 'sample-page' ) ],
		[ 'newest post', await contentLink( env, 'posts' ) ],
		[ 'plain test page', await contentLink( env, 'pages', 'e2e-landing' ) ],
	];
	const { context, page } = await freshPage( browser );
	let requests = [];
	page.on( 'request', ( request ) => requests.push( request.url() ) );
	for ( const [ name, url ] of pages ) {
		if ( ! url ) {
			log( `  ${ name }: not found on this site` );
			continue;
		}
		requests = [];
		await page.goto( url, { waitUntil: 'load' } );
		await page
			.waitForLoadState( 'networkidle', { timeout: WAIT_MS } )
			.catch( () => {} );
		const mounts = await page.locator( '[data-cognito-blocks]' ).count();
		const ours = requests.filter( ( request ) =>
			request.includes( PLUGIN_PATH )
		);
		log(
			`  ${ name } (${ new URL( url ).pathname }): ${ ours.length ? ours.map( ( u ) => shortUrl( u, env.WP_URL ) ).join( ', ' ) : 'no plugin assets' } — ${ requests.length } requests, ${ mounts } form(s)`
		);
	}
	await context.close();
}
