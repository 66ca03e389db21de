/** HTTP front: CORS, the JSON API (X-Amz-Target dispatch), well-known documents and emulator endpoints. */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Ctx, Input } from './context';
import { CognitoError, cognitoError } from './errors';
import {
	allowOrigin,
	corsHeaders,
	fromWebPage,
	isLoopback,
	readBody,
	send,
} from './http';
import { ADMIN_OPERATIONS, PUBLIC_OPERATIONS } from './ops/index';
import { handleHostedUi } from './hosted-ui';
import { issuerOf } from './tokens';

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';

function sendApi(
	req: IncomingMessage,
	res: ServerResponse,
	status: number,
	body: object,
	extra: Record< string, string > = {}
) {
	send( req, res, status, body, {
		'Content-Type': 'application/x-amz-json-1.1',
		'x-amzn-RequestId': randomUUID(),
		...extra,
	} );
}

async function handleApi(
	ctx: Ctx,
	req: IncomingMessage,
	res: ServerResponse
): Promise< void > {
	const target = String( req.headers[ 'x-amz-target' ] ?? '' );
	const operation = target.startsWith( TARGET_PREFIX )
		? target.slice( TARGET_PREFIX.length )
		: '';
	try {
		const raw = await readBody( req );
		let input: Input;
		try {
			input = raw.trim() ? ( JSON.parse( raw ) as Input ) : {};
		} catch {
			throw cognitoError( 'serialization' );
		}
		const loopback = isLoopback( req );
		const signed = /^AWS4-HMAC-SHA256 /.test(
			String( req.headers.authorization ?? '' )
		);
		let handler = PUBLIC_OPERATIONS[ operation ];
		if ( ! handler && ADMIN_OPERATIONS[ operation ] ) {
			// What IAM credentials open in Cognito is never for a web page, whatever its origin.
			if ( fromWebPage( req ) ) {
				throw cognitoError(
					'forbidden',
					'Admin operations are not accepted from web pages.'
				);
			}
			// Any SigV4 signature is accepted (there are no IAM users here), but only from this machine.
			if ( ! signed ) {
				throw cognitoError( 'missingAuth' );
			}
			if ( ! loopback ) {
				throw cognitoError( 'forbidden' );
			}
			handler = ADMIN_OPERATIONS[ operation ];
		}
		if ( ! handler ) {
			throw cognitoError(
				'unknownOperation',
				`Unknown operation ${ operation || '(none)' }`
			);
		}
		const result = await handler( ctx, input, { loopback, signed } );
		sendApi( req, res, 200, result as object );
	} catch ( e ) {
		const err = e instanceof CognitoError ? e : undefined;
		if ( ! err ) {
			ctx.log(
				`[error] ${ operation }: ${ ( e as Error ).stack ?? String( e ) }`
			);
		}
		const type = err?.type ?? 'InternalErrorException';
		const message = err?.message ?? 'Internal error.';
		sendApi(
			req,
			res,
			err ? 400 : 500,
			{ __type: type, message },
			{ 'x-amzn-ErrorType': `${ type }:` }
		);
	}
}

function openIdConfiguration( ctx: Ctx, poolId: string ) {
	const iss = issuerOf( ctx, poolId );
	return {
		issuer: iss,
		authorization_endpoint: `${ ctx.baseUrl }/oauth2/authorize`,
		token_endpoint: `${ ctx.baseUrl }/oauth2/token`,
		userinfo_endpoint: `${ ctx.baseUrl }/oauth2/userInfo`,
		end_session_endpoint: `${ ctx.baseUrl }/logout`,
		jwks_uri: `${ iss }/.well-known/jwks.json`,
		response_types_supported: [ 'code' ],
		grant_types_supported: [ 'authorization_code', 'refresh_token' ],
		subject_types_supported: [ 'public' ],
		id_token_signing_alg_values_supported: [ 'RS256' ],
		scopes_supported: [ 'openid', 'email', 'phone', 'profile' ],
		token_endpoint_auth_methods_supported: [
			'none',
			'client_secret_basic',
			'client_secret_post',
		],
		code_challenge_methods_supported: [ 'S256' ],
	};
}

async function handleEmulator(
	ctx: Ctx,
	req: IncomingMessage,
	res: ServerResponse,
	url: URL
): Promise< void > {
	if ( url.pathname === '/_emulator/health' ) {
		send( req, res, 200, {
			status: 'ok',
			pools: Object.keys( ctx.store.state.pools ),
			now: ctx.clock.now(),
		} );
		return;
	}
	// Codes and the clock are test hooks: never reachable from another machine, nor from a web page (any page the
	// developer visits could otherwise read codes or move the clock through their browser).
	if ( ! isLoopback( req ) ) {
		send( req, res, 403, { error: 'loopback only' } );
		return;
	}
	if ( fromWebPage( req ) ) {
		send( req, res, 403, { error: 'not for web pages' } );
		return;
	}
	if ( url.pathname === '/_emulator/outbox' ) {
		const username = url.searchParams.get( 'username' );
		const poolId = url.searchParams.get( 'poolId' );
		const entries = ctx.store.state.outbox.filter(
			( e ) =>
				( ! username ||
					e.username === username ||
					e.destination === username ) &&
				( ! poolId || e.poolId === poolId )
		);
		send(
			req,
			res,
			200,
			entries.map( ( { username: u, destination, kind, code, at } ) => ( {
				username: u,
				destination,
				kind,
				code,
				at,
			} ) )
		);
		return;
	}
	if ( url.pathname === '/_emulator/clock' ) {
		if ( req.method === 'POST' ) {
			const body = JSON.parse( ( await readBody( req ) ) || '{}' ) as {
				offsetMs?: unknown;
			};
			if ( typeof body.offsetMs !== 'number' ) {
				send( req, res, 400, { error: 'offsetMs (number) required' } );
				return;
			}
			ctx.clock.offsetMs = body.offsetMs;
		}
		send( req, res, 200, {
			offsetMs: ctx.clock.offsetMs,
			now: ctx.clock.now(),
		} );
		return;
	}
	send( req, res, 404, { error: 'not found' } );
}

/**
 * Whether a page on `origin` may call the public API: the emulator's own pages (hosted UI), the origins it was
 * told about, or without such a list any loopback origin.
 * @param ctx
 * @param origin
 */
function originAllowed( ctx: Ctx, origin: string ): boolean {
	let parsed: URL;
	try {
		parsed = new URL( origin );
	} catch {
		return false;
	}
	if ( parsed.origin === new URL( ctx.baseUrl ).origin ) {
		return true;
	}
	if ( ctx.allowedOrigins ) {
		return ctx.allowedOrigins.has( parsed.origin );
	}
	return (
		[ 'http:', 'https:' ].includes( parsed.protocol ) &&
		[ '127.0.0.1', 'localhost', '[::1]' ].includes( parsed.hostname )
	);
}

export function createHandler( ctx: Ctx ) {
	return async (
		req: IncomingMessage,
		res: ServerResponse
	): Promise< void > => {
		try {
			const url = new URL( req.url ?? '/', 'http://emulator' );
			const origin = req.headers.origin;
			if ( origin !== undefined && originAllowed( ctx, origin ) ) {
				allowOrigin( req );
			}
			if ( req.method === 'OPTIONS' ) {
				res.writeHead( 204, corsHeaders( req ) );
				res.end();
				return;
			}
			if ( req.method === 'POST' && req.headers[ 'x-amz-target' ] ) {
				await handleApi( ctx, req, res );
				return;
			}
			// The simulated identity providers' pages (under /_emulator/idp/) belong to the hosted UI: browsers open them.
			if (
				url.pathname.startsWith( '/_emulator/' ) &&
				! url.pathname.startsWith( '/_emulator/idp/' )
			) {
				await handleEmulator( ctx, req, res, url );
				return;
			}
			const wellKnown =
				/^\/([\w-]+_[0-9A-Za-z]+)\/\.well-known\/(jwks\.json|openid-configuration)$/.exec(
					url.pathname
				);
			if ( wellKnown && req.method === 'GET' ) {
				const [ , poolId = '', doc ] = wellKnown;
				if ( ! ctx.store.state.pools[ poolId ] ) {
					send( req, res, 404, {
						message: 'User pool does not exist.',
					} );
				} else {
					send(
						req,
						res,
						200,
						doc === 'jwks.json'
							? ctx.keys.jwks()
							: openIdConfiguration( ctx, poolId )
					);
				}
				return;
			}
			if ( await handleHostedUi( ctx, req, res, url ) ) {
				return;
			}
			if ( req.method === 'POST' && url.pathname === '/' ) {
				sendApi( req, res, 400, {
					__type: 'UnknownOperationException',
					message: 'Missing X-Amz-Target header',
				} );
				return;
			}
			send( req, res, 404, { error: 'not found' } );
		} catch ( e ) {
			ctx.log( `[error] ${ ( e as Error ).stack ?? String( e ) }` );
			if ( ! res.headersSent ) {
				send( req, res, 500, { error: 'internal error' } );
			}
		}
	};
}
