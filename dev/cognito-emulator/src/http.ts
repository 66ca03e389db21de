/** Small HTTP helpers shared by the API, the hosted UI and the emulator's own endpoints. */
import type { IncomingMessage, ServerResponse } from 'node:http';

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Headers that let a page on any other origin (another 127.0.0.1 port, in practice) call the emulator the
 * way it calls Cognito: the SDKs send these on every request, and browsers preflight them.
 */
const ALLOW_HEADERS = [
	'X-Amz-Target',
	'X-Amz-User-Agent',
	'Content-Type',
	'Cache-Control',
	'Authorization',
	'X-Amz-Date',
	'X-Amz-Content-Sha256',
	'X-Amz-Security-Token',
	'amz-sdk-invocation-id',
	'amz-sdk-request',
].join( ', ' );

/** Requests whose Origin the handler accepted for CORS (see allowOrigin). */
const allowedRequests = new WeakSet< IncomingMessage >();

/**
 * Records that `req` comes from an origin the emulator serves (the stack's WordPress, its own pages). Only those
 * get CORS headers naming their origin; a page on any other origin gets none, so the browser keeps it from
 * reading an answer or sending a preflighted call.
 * @param req
 */
export function allowOrigin( req: IncomingMessage ): void {
	allowedRequests.add( req );
}

/**
 * Whether a browser sent this request on behalf of a page (it carries an Origin, or Fetch Metadata saying it
 * came from another page), as opposed to a command-line client or the developer opening the URL.
 * @param req
 */
export function fromWebPage( req: IncomingMessage ): boolean {
	const site = req.headers[ 'sec-fetch-site' ];
	return (
		req.headers.origin !== undefined ||
		( typeof site === 'string' && site !== 'none' )
	);
}

export function corsHeaders( req: IncomingMessage ): Record< string, string > {
	const origin = req.headers.origin;
	const cors: Record< string, string > =
		origin === undefined ? { 'Access-Control-Allow-Origin': '*' } : {};
	if ( origin !== undefined && allowedRequests.has( req ) ) {
		cors[ 'Access-Control-Allow-Origin' ] = origin;
		cors[ 'Access-Control-Allow-Credentials' ] = 'true';
	}
	return {
		...cors,
		...( origin !== undefined ? { Vary: 'Origin' } : {} ),
		'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
		'Access-Control-Allow-Headers': ALLOW_HEADERS,
		'Access-Control-Expose-Headers':
			'x-amzn-RequestId, x-amzn-ErrorType, x-amzn-ErrorMessage, Date',
		'Access-Control-Max-Age': '86400',
	};
}

export function isLoopback( req: IncomingMessage ): boolean {
	const addr = req.socket.remoteAddress ?? '';
	return (
		addr === '::1' ||
		addr.startsWith( '127.' ) ||
		addr.startsWith( '::ffff:127.' )
	);
}

export function readBody( req: IncomingMessage ): Promise< string > {
	return new Promise( ( resolve, reject ) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on( 'data', ( chunk: Buffer ) => {
			size += chunk.length;
			if ( size > MAX_BODY_BYTES ) {
				reject( new Error( 'Request body too large' ) );
				req.destroy();
				return;
			}
			chunks.push( chunk );
		} );
		req.on( 'end', () =>
			resolve( Buffer.concat( chunks ).toString( 'utf8' ) )
		);
		req.on( 'error', reject );
	} );
}

export function send(
	req: IncomingMessage,
	res: ServerResponse,
	status: number,
	body: string | object,
	headers: Record< string, string | string[] > = {}
): void {
	const text = typeof body === 'string' ? body : JSON.stringify( body );
	res.writeHead( status, {
		...corsHeaders( req ),
		'Content-Type':
			typeof body === 'string'
				? 'text/html; charset=utf-8'
				: 'application/json',
		'Cache-Control': 'no-store',
		...headers,
	} );
	res.end( text );
}

export function redirect(
	req: IncomingMessage,
	res: ServerResponse,
	location: string,
	headers: Record< string, string | string[] > = {}
): void {
	res.writeHead( 302, {
		...corsHeaders( req ),
		Location: location,
		'Cache-Control': 'no-store',
		...headers,
	} );
	res.end();
}

export function parseCookies( req: IncomingMessage ): Record< string, string > {
	const out: Record< string, string > = {};
	for ( const part of ( req.headers.cookie ?? '' ).split( ';' ) ) {
		const eq = part.indexOf( '=' );
		if ( eq > 0 ) {
			out[ part.slice( 0, eq ).trim() ] = decodeURIComponent(
				part.slice( eq + 1 ).trim()
			);
		}
	}
	return out;
}
