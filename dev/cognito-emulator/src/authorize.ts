/**
 * The authorize request of the hosted UI (validated once at /oauth2/authorize and again wherever the browser
 * carries it on: /login, the simulated provider, /oauth2/idpresponse), and the redirect that ends it with a code.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Ctx } from './context';
import type { AppClient, User } from './types';
import { redirect, send } from './http';

const CODE_TTL_MS = 5 * 60_000;

export interface AuthorizeRequest {
	client: AppClient;
	redirectUri: string;
	state: string | null;
	challenge: string;
	scopes: string[];
	nonce?: string;
	/** `identity_provider`: COGNITO or one of the client's providers; null when left out. */
	identityProvider: string | null;
	/** The query as received, to carry on to the next page. */
	query: URLSearchParams;
}

export const esc = ( s: string ) =>
	s.replace( /[&<>"']/g, ( c ) => `&#${ c.charCodeAt( 0 ) };` );

export function page( title: string, message: string ): string {
	return `<!doctype html><meta charset="utf-8"><title>${ esc( title ) }</title><h1>${ esc( title ) }</h1><p>${ esc( message ) }</p>`;
}

/** Sends the browser back to the app with an OAuth error (and the app's state, when it gave one). */
export function redirectError(
	req: IncomingMessage,
	res: ServerResponse,
	redirectUri: string,
	state: string | null,
	error: string,
	description?: string
): void {
	const target = new URL( redirectUri );
	if ( description !== undefined ) {
		target.searchParams.set( 'error_description', description );
	}
	target.searchParams.set( 'error', error );
	if ( state !== null ) {
		target.searchParams.set( 'state', state );
	}
	redirect( req, res, target.toString() );
}

/** Validates an authorize request; on failure answers (error page or error redirect) and returns null. */
export function parseAuthorize(
	ctx: Ctx,
	req: IncomingMessage,
	res: ServerResponse,
	q: URLSearchParams
): AuthorizeRequest | null {
	const client = ctx.store.state.clients[ q.get( 'client_id' ) ?? '' ];
	const redirectUri = q.get( 'redirect_uri' ) ?? '';
	if ( ! client || ! client.callbackUrls.includes( redirectUri ) ) {
		// Never redirect to an unregistered URI: that would make this an open redirector.
		send(
			req,
			res,
			400,
			page( 'Error', client ? 'redirect_mismatch' : 'invalid client_id' )
		);
		return null;
	}
	const state = q.get( 'state' );
	const fail = ( error: string ) => {
		redirectError( req, res, redirectUri, state, error );
		return null;
	};
	if ( q.get( 'response_type' ) !== 'code' ) {
		return fail( 'unsupported_response_type' );
	}
	if ( ! client.allowedOAuthFlows.includes( 'code' ) ) {
		return fail( 'unauthorized_client' );
	}
	const challenge = q.get( 'code_challenge' ) ?? '';
	if (
		q.get( 'code_challenge_method' ) !== 'S256' ||
		! /^[\w-]{43}$/.test( challenge )
	) {
		return fail( 'invalid_request' );
	}
	const requested = ( q.get( 'scope' ) ?? '' )
		.split( /\s+/ )
		.filter( Boolean );
	const scopes = requested.length ? requested : client.allowedOAuthScopes;
	if ( scopes.some( ( s ) => ! client.allowedOAuthScopes.includes( s ) ) ) {
		return fail( 'invalid_scope' );
	}
	const identityProvider = q.get( 'identity_provider' );
	if (
		identityProvider !== null &&
		! client.supportedIdentityProviders.includes( identityProvider )
	) {
		return fail( 'invalid_request' );
	}
	return {
		client,
		redirectUri,
		state,
		challenge,
		scopes,
		nonce: q.get( 'nonce' ) ?? undefined,
		identityProvider,
		query: q,
	};
}

export function finishWithCode(
	ctx: Ctx,
	req: IncomingMessage,
	res: ServerResponse,
	ar: AuthorizeRequest,
	user: User,
	headers: Record< string, string > = {}
): void {
	const code = randomUUID();
	ctx.authCodes.set( code, {
		poolId: ar.client.poolId,
		clientId: ar.client.id,
		username: user.username,
		redirectUri: ar.redirectUri,
		codeChallenge: ar.challenge,
		scopes: ar.scopes,
		nonce: ar.nonce,
		expiresAt: ctx.clock.now() + CODE_TTL_MS,
	} );
	const target = new URL( ar.redirectUri );
	target.searchParams.set( 'code', code );
	if ( ar.state !== null ) {
		target.searchParams.set( 'state', ar.state );
	}
	redirect( req, res, target.toString(), headers );
}
