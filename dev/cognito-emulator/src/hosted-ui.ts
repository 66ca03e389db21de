/**
 * A minimal hosted UI: /oauth2/authorize (code + PKCE S256), /login, /oauth2/token, /oauth2/userInfo and
 * /logout, and sign-in through federated identity providers (federation.ts). A session cookie per pool lets a
 * second app client sign in without the password again, the way Cognito's hosted UI does single sign-on across
 * clients of one pool.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Ctx } from './context';
import type { User } from './types';
import {
	type AuthorizeRequest,
	finishWithCode,
	page,
	parseAuthorize,
} from './authorize';
import { handleFederation, redirectToProvider } from './federation';
import { endSession, sessionUser, startSession } from './hosted-session';
import { readBody, redirect, send } from './http';
import { findProvider } from './identity-providers';
import { loginPage } from './login-page';
import { tokenEndpoint, userInfo } from './oauth-endpoints';
import { passwordMatches } from './srp';
import { totpMatches } from './totp';

/** The sign-in page for the request: the password form (when the client allows COGNITO) and provider buttons. */
function showLogin(
	ctx: Ctx,
	req: IncomingMessage,
	res: ServerResponse,
	ar: AuthorizeRequest,
	error = '',
	username = ''
): void {
	const pool = ctx.store.pool( ar.client.poolId );
	const providers = ar.client.supportedIdentityProviders.flatMap( ( n ) => {
		const p = findProvider( pool, n );
		return p ? [ p ] : [];
	} );
	const q = new URLSearchParams( ar.query );
	q.delete( 'identity_provider' );
	send(
		req,
		res,
		200,
		loginPage(
			q,
			error,
			username,
			providers,
			ar.client.supportedIdentityProviders.includes( 'COGNITO' )
		)
	);
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
	if ( await handleFederation( ctx, req, res, url ) ) {
		return true;
	}
	if ( path === '/oauth2/token' && req.method === 'POST' ) {
		await tokenEndpoint( ctx, req, res );
		return true;
	}
	if (
		( path === '/oauth2/authorize' && req.method === 'GET' ) ||
		( path === '/login' && req.method === 'GET' )
	) {
		const ar = parseAuthorize( ctx, req, res, url.searchParams );
		if ( ! ar ) {
			return true;
		}
		const user = sessionUser( ctx, req, ar );
		if ( user ) {
			finishWithCode( ctx, req, res, ar, user );
		} else if ( ar.identityProvider && ar.identityProvider !== 'COGNITO' ) {
			redirectToProvider( req, res, ar, ar.identityProvider );
		} else {
			showLogin( ctx, req, res, ar );
		}
		return true;
	}
	if ( path === '/login' && req.method === 'POST' ) {
		const ar = parseAuthorize( ctx, req, res, url.searchParams );
		if ( ! ar ) {
			return true;
		}
		const form = new URLSearchParams( await readBody( req ) );
		const result = ar.client.supportedIdentityProviders.includes(
			'COGNITO'
		)
			? checkLogin( ctx, ar.client.poolId, form )
			: 'This app does not sign in with a password.';
		if ( typeof result === 'string' ) {
			showLogin(
				ctx,
				req,
				res,
				ar,
				result,
				form.get( 'username' ) ?? ''
			);
		} else {
			finishWithCode(
				ctx,
				req,
				res,
				ar,
				result,
				startSession( ctx, result, 'COGNITO' )
			);
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
		redirect( req, res, logoutUri, endSession( ctx, req, client.poolId ) );
		return true;
	}
	return false;
}
