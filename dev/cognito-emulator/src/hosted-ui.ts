/**
 * A minimal hosted UI: /oauth2/authorize (code + PKCE S256), /login, /oauth2/token, /oauth2/userInfo and
 * /logout. A session cookie per pool lets a second app client sign in without the password again, the way
 * Cognito's hosted UI does single sign-on across clients of one pool.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Ctx } from './context';
import type { AppClient, User } from './types';
import { parseCookies, readBody, redirect, send } from './http';
import { loginPage } from './login-page';
import { tokenEndpoint, userInfo } from './oauth-endpoints';
import { passwordMatches } from './srp';
import { totpMatches } from './totp';

const CODE_TTL_MS = 5 * 60_000;
const SESSION_TTL_MS = 60 * 60_000;
const cookieName = ( poolId: string ) =>
	`cognito_emulator_${ poolId.replace( /[^\w]/g, '_' ) }`;

interface AuthorizeRequest {
	client: AppClient;
	redirectUri: string;
	state: string | null;
	challenge: string;
	scopes: string[];
	nonce?: string;
}

/** Validates an authorize request; on failure answers (error page or error redirect) and returns null. */
function parseAuthorize(
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
		const target = new URL( redirectUri );
		target.searchParams.set( 'error', error );
		if ( state !== null ) {
			target.searchParams.set( 'state', state );
		}
		redirect( req, res, target.toString() );
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
	return {
		client,
		redirectUri,
		state,
		challenge,
		scopes,
		nonce: q.get( 'nonce' ) ?? undefined,
	};
}

function page( title: string, message: string ): string {
	const esc = ( s: string ) =>
		s.replace( /[&<>"']/g, ( c ) => `&#${ c.charCodeAt( 0 ) };` );
	return `<!doctype html><meta charset="utf-8"><title>${ esc( title ) }</title><h1>${ esc( title ) }</h1><p>${ esc( message ) }</p>`;
}

function finishWithCode(
	ctx: Ctx,
	req: IncomingMessage,
	res: ServerResponse,
	ar: AuthorizeRequest,
	user: User,
	headers = {}
) {
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

function sessionUser(
	ctx: Ctx,
	req: IncomingMessage,
	poolId: string
): User | undefined {
	const session =
		ctx.store.state.hostedSessions[
			parseCookies( req )[ cookieName( poolId ) ] ?? ''
		];
	if (
		! session ||
		session.poolId !== poolId ||
		session.expiresAt <= ctx.clock.now()
	) {
		return undefined;
	}
	return ctx.store.findUser( poolId, session.username );
}

/** Checks the login form; returns the user or the message to show. */
function checkLogin(
	ctx: Ctx,
	poolId: string,
	form: URLSearchParams
): User | string {
	const user = ctx.store.findUser( poolId, form.get( 'username' ) ?? '' );
	if (
		! user ||
		! passwordMatches( poolId, user, form.get( 'password' ) ?? '' )
	) {
		return 'Incorrect username or password.';
	}
	if ( ! user.enabled ) {
		return 'User is disabled.';
	}
	if ( user.status === 'UNCONFIRMED' ) {
		return 'User is not confirmed.';
	}
	if ( user.status !== 'CONFIRMED' ) {
		return 'This account must change its password first; sign in through the application.';
	}
	const pool = ctx.store.pool( poolId );
	if (
		pool.mfaConfiguration !== 'OFF' &&
		user.mfa.totpEnabled &&
		user.mfa.totpSecret
	) {
		if (
			! totpMatches(
				user.mfa.totpSecret,
				form.get( 'totp' ) ?? '',
				ctx.clock.now()
			)
		) {
			return 'Enter the current code from your authenticator app.';
		}
	}
	return user;
}

export async function handleHostedUi(
	ctx: Ctx,
	req: IncomingMessage,
	res: ServerResponse,
	url: URL
): Promise< boolean > {
	const path = url.pathname;
	if ( path === '/oauth2/token' && req.method === 'POST' ) {
		await tokenEndpoint( ctx, req, res );
		return true;
	}
	if (
		( path === '/oauth2/authorize' && req.method === 'GET' ) ||
		( path === '/login' && req.method === 'GET' )
	) {
		const ar = parseAuthorize( ctx, req, res, url.searchParams );
		if ( ar ) {
			const user = sessionUser( ctx, req, ar.client.poolId );
			if ( user && user.status === 'CONFIRMED' && user.enabled ) {
				finishWithCode( ctx, req, res, ar, user );
			} else {
				send( req, res, 200, loginPage( url.searchParams, '' ) );
			}
		}
		return true;
	}
	if ( path === '/login' && req.method === 'POST' ) {
		const ar = parseAuthorize( ctx, req, res, url.searchParams );
		if ( ar ) {
			const form = new URLSearchParams( await readBody( req ) );
			const result = checkLogin( ctx, ar.client.poolId, form );
			if ( typeof result === 'string' ) {
				send(
					req,
					res,
					200,
					loginPage(
						url.searchParams,
						result,
						form.get( 'username' ) ?? ''
					)
				);
				return true;
			}
			const id = randomBytes( 32 ).toString( 'base64url' );
			const now = ctx.clock.now();
			ctx.store.state.hostedSessions[ id ] = {
				id,
				poolId: ar.client.poolId,
				username: result.username,
				authTime: now,
				expiresAt: now + SESSION_TTL_MS,
			};
			ctx.store.save();
			const cookie = `${ cookieName( ar.client.poolId ) }=${ id }; Path=/; HttpOnly; SameSite=Lax; Max-Age=${ SESSION_TTL_MS / 1000 }`;
			finishWithCode( ctx, req, res, ar, result, {
				'Set-Cookie': cookie,
			} );
		}
		return true;
	}
	if ( path === '/oauth2/userInfo' && req.method === 'GET' ) {
		userInfo( ctx, req, res );
		return true;
	}
	if ( path === '/logout' && req.method === 'GET' ) {
		const client =
			ctx.store.state.clients[
				url.searchParams.get( 'client_id' ) ?? ''
			];
		const logoutUri = url.searchParams.get( 'logout_uri' ) ?? '';
		if ( ! client || ! client.logoutUrls.includes( logoutUri ) ) {
			send(
				req,
				res,
				400,
				page(
					'Error',
					"logout_uri is not one of the app client's sign-out URLs"
				)
			);
			return true;
		}
		const name = cookieName( client.poolId );
		delete ctx.store.state.hostedSessions[
			parseCookies( req )[ name ] ?? ''
		];
		ctx.store.save();
		redirect( req, res, logoutUri, {
			'Set-Cookie': `${ name }=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`,
		} );
		return true;
	}
	return false;
}
