/**
 * Sign-in through a federated identity provider, with the provider simulated by the emulator:
 *
 *   /oauth2/authorize?identity_provider=Google&…  →  /_emulator/idp/Google/authorize?state=…  (the provider's page)
 *   →  /oauth2/idpresponse?code=…&state=…  (or ?error=access_denied&state=… after Cancel)
 *   →  the app's redirect_uri?code=…&state=…  (or ?error_description=…&error=access_denied&state=…)
 *
 * The provider's `state` carries the app's authorize request, which is validated again on the way back.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Ctx } from './context';
import type { IdentityProvider } from './types';
import {
	type AuthorizeRequest,
	finishWithCode,
	page,
	parseAuthorize,
	redirectError,
} from './authorize';
import { federatedUser } from './federated-users';
import { startSession } from './hosted-session';
import { readBody, redirect, send } from './http';
import { idpPage } from './idp-page';
import { findProvider } from './identity-providers';

const IDP_CODE_TTL_MS = 5 * 60_000;
const PAGE = /^\/_emulator\/idp\/([^/]+)\/authorize$/;

const encodeState = ( ar: AuthorizeRequest, provider: string ) =>
	Buffer.from(
		JSON.stringify( { q: ar.query.toString(), p: provider } )
	).toString( 'base64url' );

function decodeState( state: unknown ): { q: string; p: string } | null {
	try {
		const parsed = JSON.parse(
			Buffer.from( String( state ), 'base64url' ).toString()
		) as { q?: unknown; p?: unknown };
		return typeof parsed.q === 'string' && typeof parsed.p === 'string'
			? { q: parsed.q, p: parsed.p }
			: null;
	} catch {
		return null;
	}
}

/** The provider named by a state, if it is still one of the pool's and the client's. */
function providerOf(
	ctx: Ctx,
	state: { q: string; p: string }
): IdentityProvider | undefined {
	const client =
		ctx.store.state.clients[
			new URLSearchParams( state.q ).get( 'client_id' ) ?? ''
		];
	const pool = client && ctx.store.state.pools[ client.poolId ];
	return pool && client.supportedIdentityProviders.includes( state.p )
		? findProvider( pool, state.p )
		: undefined;
}

/** /oauth2/authorize with an external identity_provider: off to that provider's sign-in page. */
export function redirectToProvider(
	req: IncomingMessage,
	res: ServerResponse,
	ar: AuthorizeRequest,
	providerName: string
): void {
	const q = new URLSearchParams( {
		response_type: 'code',
		state: encodeState( ar, providerName ),
	} );
	redirect(
		req,
		res,
		`/_emulator/idp/${ encodeURIComponent( providerName ) }/authorize?${ q }`
	);
}

/** The simulated provider: its page (GET) and its answer (POST: Continue or Cancel). */
async function providerPage(
	ctx: Ctx,
	req: IncomingMessage,
	res: ServerResponse,
	url: URL,
	name: string
): Promise< void > {
	const form =
		req.method === 'POST'
			? new URLSearchParams( await readBody( req ) )
			: url.searchParams;
	const raw = form.get( 'state' ) ?? '';
	const state = decodeState( raw );
	const provider = state && providerOf( ctx, state );
	if ( ! state || ! provider || provider.name !== name ) {
		send( req, res, 400, page( 'Error', 'Invalid sign-in request.' ) );
		return;
	}
	if ( req.method === 'GET' ) {
		send( req, res, 200, idpPage( provider, raw ) );
		return;
	}
	const back = new URLSearchParams( { state: raw } );
	if ( form.get( 'action' ) === 'cancel' ) {
		back.set( 'error', 'access_denied' );
		redirect( req, res, `/oauth2/idpresponse?${ back }` );
		return;
	}
	const email = ( form.get( 'email' ) ?? '' ).trim();
	const values = { email, name: form.get( 'name' ) ?? '' };
	if ( ! /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test( email ) ) {
		send(
			req,
			res,
			200,
			idpPage( provider, raw, 'Enter an email address.', values )
		);
		return;
	}
	const code = randomUUID();
	ctx.idpCodes.set( code, {
		provider: provider.name,
		email,
		name: values.name,
		emailVerified: form.get( 'email_verified' ) === 'true',
		expiresAt: ctx.clock.now() + IDP_CODE_TTL_MS,
	} );
	back.set( 'code', code );
	redirect( req, res, `/oauth2/idpresponse?${ back }` );
}

/** Where the provider sends the browser back: sign the person in (or pass the provider's error on). */
function idpResponse(
	ctx: Ctx,
	req: IncomingMessage,
	res: ServerResponse,
	url: URL
): void {
	const state = decodeState( url.searchParams.get( 'state' ) );
	if ( ! state ) {
		send( req, res, 400, page( 'Error', 'Invalid state.' ) );
		return;
	}
	const ar = parseAuthorize( ctx, req, res, new URLSearchParams( state.q ) );
	if ( ! ar ) {
		return;
	}
	const fail = ( error: string, description: string ) =>
		redirectError( req, res, ar.redirectUri, ar.state, error, description );
	const provider = providerOf( ctx, state );
	if ( ! provider ) {
		return fail( 'invalid_request', 'Invalid identity provider.' );
	}
	if ( url.searchParams.get( 'error' ) ) {
		return fail(
			'access_denied',
			`The user cancelled the sign-in at ${ provider.name }.`
		);
	}
	const codeParam = url.searchParams.get( 'code' ) ?? '';
	const who = ctx.idpCodes.get( codeParam );
	ctx.idpCodes.delete( codeParam );
	if (
		! who ||
		who.provider !== provider.name ||
		who.expiresAt <= ctx.clock.now()
	) {
		return fail( 'invalid_request', 'Invalid IdP authorization code.' );
	}
	const pool = ctx.store.pool( ar.client.poolId );
	const user = federatedUser( ctx, pool, provider, who );
	if ( ! user.enabled ) {
		return fail( 'invalid_request', 'User is disabled.' );
	}
	finishWithCode(
		ctx,
		req,
		res,
		ar,
		user,
		startSession( ctx, user, provider.name )
	);
}

/** Routes the federation endpoints; false for any other request. */
export async function handleFederation(
	ctx: Ctx,
	req: IncomingMessage,
	res: ServerResponse,
	url: URL
): Promise< boolean > {
	const match = PAGE.exec( url.pathname );
	if ( match && ( req.method === 'GET' || req.method === 'POST' ) ) {
		await providerPage(
			ctx,
			req,
			res,
			url,
			decodeURIComponent( match[ 1 ] ?? '' )
		);
		return true;
	}
	if ( url.pathname === '/oauth2/idpresponse' && req.method === 'GET' ) {
		idpResponse( ctx, req, res, url );
		return true;
	}
	return false;
}
