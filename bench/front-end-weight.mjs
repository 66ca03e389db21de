/**
 * (a) Page weight: every script and stylesheet the sign-in page loads in Chromium (the browser's own response
 * list), each fetched again and gzipped at level 9. `php -S` sends them uncompressed; a production server
 * compresses at least this well. The files a page without a form loads too (theme, emoji, navigation) are
 * marked, so the form's own cost — the plugin's files plus the WordPress handles it pulls in — stands apart.
 */
import { gzipSync } from 'node:zlib';
import {
	PLUGIN_PATH,
	WAIT_MS,
	freshPage,
	kb,
	openForm,
	shortUrl,
	table,
} from './browser.mjs';

const MEASURED = new Set( [ 'script', 'stylesheet', 'document' ] );

/**
 * URLs (http only: no blob: or data:) of the documents, scripts and stylesheets a page loads. `prepare` runs in
 * the same context first (signing in, for a signed-in page); what it loads is not counted. `ready` says when the
 * page is in use (default: its form mounted).
 */
async function loadedFiles( browser, url, { form, prepare, ready } ) {
	const { context, page } = await freshPage( browser );
	if ( prepare ) {
		await prepare( page );
	}
	const files = new Map();
	page.on( 'response', ( response ) => {
		const type = response.request().resourceType();
		if ( MEASURED.has( type ) && /^https?:/.test( response.url() ) ) {
			files.set( response.url(), {
				type,
				encoding: response.headers()[ 'content-encoding' ] ?? 'none',
			} );
		}
	} );
	try {
		if ( ready ) {
			await page.goto( url );
			await ready( page );
		} else if ( form ) {
			await openForm( page, url );
		} else {
			await page.goto( url, { waitUntil: 'load' } );
		}
		// Late requests (a deferred script's imports, the emoji loader) finish before the list is read.
		await page
			.waitForLoadState( 'networkidle', { timeout: WAIT_MS } )
			.catch( () => {} );
	} finally {
		await context.close();
	}
	return files;
}

/** Sizes of one file as a visitor would receive it. */
async function sized( url, file, base ) {
	const response = await fetch( url, {
		signal: AbortSignal.timeout( WAIT_MS ),
	} );
	const body = Buffer.from( await response.arrayBuffer() );
	return {
		...file,
		label: shortUrl( url, base ),
		plugin: url.includes( PLUGIN_PATH ),
		raw: body.length,
		gzip: gzipSync( body, { level: 9 } ).length,
	};
}

const sum = ( list, key ) =>
	list.reduce( ( total, file ) => total + file[ key ], 0 );

/**
 * @param browser
 * @param env
 * @param url      The page with the form.
 * @param plainUrl A page of the same theme without a form, or ''.
 * @param log
 * @param options  `prepare( page )` before either page is loaded (e.g. signing in); `ready( page )` once the
 *                 form's page is in use.
 */
export async function pageWeight(
	browser,
	env,
	url,
	plainUrl,
	log,
	{ prepare, ready } = {}
) {
	const loaded = await loadedFiles( browser, url, {
		form: true,
		prepare,
		ready,
	} );
	const plain = plainUrl
		? await loadedFiles( browser, plainUrl, { form: false, prepare } )
		: new Map();
	const files = [];
	for ( const [ fileUrl, file ] of loaded ) {
		files.push( {
			...( await sized( fileUrl, file, env.WP_URL ) ),
			everywhere: plain.has( fileUrl ),
		} );
	}
	const assets = files
		.filter( ( file ) => file.type !== 'document' )
		.sort( ( a, b ) => b.gzip - a.gzip );
	const mark = ( file ) => {
		if ( file.plugin ) {
			return '  [plugin]';
		}
		return file.everywhere
			? '  [also without a form]'
			: '  [form dependency]';
	};
	const rows = [ [ 'gzip B', 'raw B', 'file' ] ];
	for ( const file of assets ) {
		rows.push( [
			file.gzip,
			file.raw,
			`${ file.label }${ mark( file ) }`,
		] );
	}
	table( rows ).forEach( ( line ) => log( `  ${ line }` ) );

	const own = assets.filter( ( file ) => file.plugin );
	const form = assets.filter( ( file ) => ! file.everywhere );
	log(
		`  total JS+CSS: ${ assets.length } files, ${ sum( assets, 'gzip' ) } B gzip = ${ kb( sum( assets, 'gzip' ) ) } (goal ≤ 115 kB); ${ kb( sum( assets, 'raw' ) ) } raw`
	);
	log(
		`  the form's share (plugin + the WordPress handles it loads, ${ form.length } files): ${ kb( sum( form, 'gzip' ) ) } gzip`
	);
	log(
		`  the plugin's own (${ own.map( ( file ) => file.label.split( '/' ).pop() ).join( ', ' ) || 'none' }): ${ sum( own, 'gzip' ) } B = ${ kb( sum( own, 'gzip' ) ) } gzip`
	);
	if ( plainUrl ) {
		const base = assets.filter( ( file ) => file.everywhere );
		log(
			`  loaded by a page without a form as well (theme, core): ${ base.length } files, ${ kb( sum( base, 'gzip' ) ) } gzip`
		);
	}
	const html = files.find( ( file ) => file.type === 'document' );
	if ( html ) {
		// Inline scripts and styles (translations, the theme's global styles) travel in the HTML: shown apart.
		log(
			`  the HTML (with its inline scripts and styles): ${ kb( html.gzip ) } gzip`
		);
	}
	const encodings = [ ...new Set( assets.map( ( file ) => file.encoding ) ) ];
	log(
		`  the server's content-encoding: ${ encodings.join( ', ' ) } (figures are gzip -9 of each body)`
	);
}
