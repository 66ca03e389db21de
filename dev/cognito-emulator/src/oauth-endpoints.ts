/** The hosted UI's machine endpoints: /oauth2/token and /oauth2/userInfo. */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Ctx } from './context';
import { CognitoError } from './errors';
import { readBody, send } from './http';
import {
	attributeClaims,
	authenticateAccessToken,
	issueTokens,
	type IssuedTokens,
} from './tokens';
import { renewSession } from './ops/refresh';

/** The token endpoint's JSON; a refresh grant carries a refresh_token only when the client rotates them. */
const tokenBody = ( t: IssuedTokens ) => ( {
	...( t.IdToken ? { id_token: t.IdToken } : {} ),
	access_token: t.AccessToken,
	...( t.RefreshToken ? { refresh_token: t.RefreshToken } : {} ),
	expires_in: t.ExpiresIn,
	token_type: 'Bearer',
} );

export async function tokenEndpoint(
	ctx: Ctx,
	req: IncomingMessage,
	res: ServerResponse
) {
	const form = new URLSearchParams( await readBody( req ) );
	const basic = /^Basic (.+)$/.exec(
		String( req.headers.authorization ?? '' )
	);
	const clientId =
		form.get( 'client_id' ) ??
		( basic
			? ( Buffer.from( basic[ 1 ] ?? '', 'base64' )
					.toString()
					.split( ':' )[ 0 ] ?? '' )
			: '' );
	const client = ctx.store.state.clients[ clientId ];
	const oauthError = ( error: string, status = 400 ) =>
		send( req, res, status, { error } );
	if ( ! client ) {
		return oauthError( 'invalid_client', 401 );
	}
	// Both grant types below need the client's pool; an unknown grant returns before using it.
	// eslint-disable-next-line @wordpress/no-unused-vars-before-return
	const pool = ctx.store.pool( client.poolId );
	const grant = form.get( 'grant_type' );
	if ( grant === 'authorization_code' ) {
		const code = ctx.authCodes.get( form.get( 'code' ) ?? '' );
		ctx.authCodes.delete( form.get( 'code' ) ?? '' );
		const verifier = form.get( 'code_verifier' ) ?? '';
		const expected = createHash( 'sha256' )
			.update( verifier )
			.digest( 'base64url' );
		const user = code && ctx.store.findUser( code.poolId, code.username );
		if (
			! code ||
			! user ||
			code.expiresAt <= ctx.clock.now() ||
			code.clientId !== client.id ||
			code.redirectUri !== form.get( 'redirect_uri' ) ||
			expected !== code.codeChallenge
		) {
			return oauthError( 'invalid_grant' );
		}
		return send(
			req,
			res,
			200,
			tokenBody(
				issueTokens( ctx, {
					pool,
					client,
					user,
					scopes: code.scopes,
					nonce: code.nonce,
				} )
			)
		);
	}
	if ( grant === 'refresh_token' ) {
		try {
			const t = renewSession(
				ctx,
				pool,
				client,
				form.get( 'refresh_token' ),
				true
			);
			return send( req, res, 200, tokenBody( t ) );
		} catch {
			return oauthError( 'invalid_grant' );
		}
	}
	return oauthError( 'unsupported_grant_type' );
}

export function userInfo(
	ctx: Ctx,
	req: IncomingMessage,
	res: ServerResponse
): void {
	const bearer = /^Bearer (.+)$/.exec(
		String( req.headers.authorization ?? '' )
	);
	try {
		const { user, claims: access } = authenticateAccessToken(
			ctx,
			bearer?.[ 1 ]
		);
		const reader = ctx.store.state.clients[ String( access.client_id ) ];
		// userInfo reports every attribute as a string, unlike the ID token (`identities`: the stored JSON text).
		const claims = Object.fromEntries(
			Object.entries( attributeClaims( user, reader ) ).map(
				( [ k, v ] ) => [
					k,
					k === 'identities' ? user.attributes[ k ] : String( v ),
				]
			)
		);
		send( req, res, 200, {
			sub: user.sub,
			...claims,
			username: user.username,
		} );
	} catch ( e ) {
		if ( ! ( e instanceof CognitoError ) ) {
			throw e;
		}
		send(
			req,
			res,
			401,
			{ error: 'invalid_token', error_description: e.message },
			{ 'WWW-Authenticate': 'Bearer error="invalid_token"' }
		);
	}
}
