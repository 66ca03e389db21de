/**
 * Refresh tokens: opaque base64url of `<origin_jti>.<secret>`, kept only as a hash on the sign-in's record. With
 * refresh token rotation a renewal replaces the secret; the replaced one keeps working for the client's retry
 * grace period (a client that lost the response can try again) and is refused as reused after it. A rotated
 * token keeps the sign-in's origin_jti and expiry, so revocation and the refresh token validity still count
 * from the original sign-in.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Ctx } from './context';
import type { RefreshRecord } from './types';
import { cognitoError } from './errors';

const hash = ( secret: string ) =>
	createHash( 'sha256' ).update( secret ).digest( 'hex' );
/** Rotated-out secrets remembered per sign-in, enough to tell a reused token from a forged one. */
const RETIRED_LIMIT = 20;

export function newRefreshSecret( originJti: string ): {
	token: string;
	secretHash: string;
} {
	const secret = randomBytes( 48 ).toString( 'base64url' );
	return {
		token: Buffer.from( `${ originJti }.${ secret }` ).toString(
			'base64url'
		),
		secretHash: hash( secret ),
	};
}

function match(
	ctx: Ctx,
	token: unknown
): { record: RefreshRecord; retiredUntil?: number } | undefined {
	const [ originJti, secret ] =
		typeof token === 'string'
			? Buffer.from( token, 'base64url' ).toString().split( '.' )
			: [];
	const record = originJti ? ctx.store.state.refresh[ originJti ] : undefined;
	if ( ! record || ! secret ) {
		return undefined;
	}
	const digest = hash( secret );
	if ( record.secretHash === digest ) {
		return { record };
	}
	const retired = record.retired?.find( ( r ) => r.hash === digest );
	return retired ? { record, retiredUntil: retired.until } : undefined;
}

/** The record behind a refresh token (current or rotated out, any state), or undefined when it is not ours. */
export const findRefreshRecord = (
	ctx: Ctx,
	token: unknown
): RefreshRecord | undefined => match( ctx, token )?.record;

/** Resolves a refresh token to its live record, or throws what Cognito answers. */
export function useRefreshToken(
	ctx: Ctx,
	token: unknown,
	clientId: string
): RefreshRecord {
	const found = match( ctx, token );
	const now = ctx.clock.now();
	if ( ! found || found.record.clientId !== clientId ) {
		throw cognitoError( 'invalidRefreshToken' );
	}
	if ( found.record.revoked ) {
		throw cognitoError( 'refreshRevoked' );
	}
	if ( found.record.expiresAt <= now ) {
		throw cognitoError(
			'invalidRefreshToken',
			'Refresh Token has expired'
		);
	}
	if ( found.retiredUntil !== undefined && found.retiredUntil <= now ) {
		throw cognitoError( 'refreshReused' );
	}
	return found.record;
}

/** Gives the sign-in a new refresh token; the current one stays usable for `graceSec` seconds. */
export function rotateRefreshToken(
	ctx: Ctx,
	record: RefreshRecord,
	graceSec: number
): string {
	const next = newRefreshSecret( record.originJti );
	record.retired = [
		...( record.retired ?? [] ),
		{ hash: record.secretHash, until: ctx.clock.now() + graceSec * 1000 },
	].slice( -RETIRED_LIMIT );
	record.secretHash = next.secretHash;
	ctx.store.save();
	return next.token;
}

/**
 * Revokes every refresh token of a user (GlobalSignOut, AdminUserGlobalSignOut): renewals fail from now on, and
 * the access tokens issued from them stop working.
 * @param ctx      The request context.
 * @param poolId   The user's pool.
 * @param username The user.
 */
export function revokeAllRefreshTokens(
	ctx: Ctx,
	poolId: string,
	username: string
): void {
	for ( const rec of Object.values( ctx.store.state.refresh ) ) {
		if ( rec.poolId === poolId && rec.username === username ) {
			rec.revoked = true;
		}
	}
	ctx.store.save();
}
