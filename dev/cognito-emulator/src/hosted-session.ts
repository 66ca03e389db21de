/**
 * The hosted UI's browser session: one cookie per pool, set by a password or federated sign-in, that signs
 * further authorize requests of the pool's clients in without a page, until /logout or an hour has passed.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Ctx } from './context';
import type { AuthorizeRequest } from './authorize';
import type { User } from './types';
import { parseCookies } from './http';

const SESSION_TTL_MS = 60 * 60_000;

const cookieName = ( poolId: string ) =>
	`cognito_emulator_${ poolId.replace( /[^\w]/g, '_' ) }`;

/**
 * The session's user when it may sign this request in: the client supports the provider the session came from,
 * and the request asks for no provider or for that one (another provider means another identity).
 * @param ctx
 * @param req
 * @param ar
 */
export function sessionUser(
	ctx: Ctx,
	req: IncomingMessage,
	ar: AuthorizeRequest
): User | undefined {
	const poolId = ar.client.poolId;
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
	const provider = session.provider ?? 'COGNITO';
	if (
		! ar.client.supportedIdentityProviders.includes( provider ) ||
		( ar.identityProvider !== null && ar.identityProvider !== provider )
	) {
		return undefined;
	}
	const user = ctx.store.findUser( poolId, session.username );
	return user?.enabled &&
		( user.status === 'CONFIRMED' || user.status === 'EXTERNAL_PROVIDER' )
		? user
		: undefined;
}

/** Opens a session for `user`; returns the Set-Cookie header that carries it. */
export function startSession(
	ctx: Ctx,
	user: User,
	provider: string
): Record< string, string > {
	const id = randomBytes( 32 ).toString( 'base64url' );
	const now = ctx.clock.now();
	ctx.store.state.hostedSessions[ id ] = {
		id,
		poolId: user.poolId,
		username: user.username,
		provider,
		authTime: now,
		expiresAt: now + SESSION_TTL_MS,
	};
	ctx.store.save();
	return {
		'Set-Cookie': `${ cookieName( user.poolId ) }=${ id }; Path=/; HttpOnly; SameSite=Lax; Max-Age=${ SESSION_TTL_MS / 1000 }`,
	};
}

/** Ends the pool's session in this browser; returns the Set-Cookie header that clears the cookie. */
export function endSession(
	ctx: Ctx,
	req: IncomingMessage,
	poolId: string
): Record< string, string > {
	const name = cookieName( poolId );
	delete ctx.store.state.hostedSessions[ parseCookies( req )[ name ] ?? '' ];
	ctx.store.save();
	return {
		'Set-Cookie': `${ name }=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`,
	};
}
