/**
 * Renewing a sign-in from its refresh token, shared by InitiateAuth's refresh flows, GetTokensFromRefreshToken
 * and the token endpoint's refresh_token grant. With refresh token rotation on the client, every renewal also
 * hands out a new refresh token (refresh.ts keeps the replaced one usable for the retry grace period).
 */
import type { Ctx, Operation } from '../context';
import type { AppClient, Pool } from '../types';
import { cognitoError } from '../errors';
import { issueTokens, type IssuedTokens } from '../tokens';
import { rotateRefreshToken, useRefreshToken } from '../refresh';
import { rotates } from '../clients';
import { str } from '../model';
import { clientAndPool } from './auth-steps';

export function renewSession(
	ctx: Ctx,
	pool: Pool,
	client: AppClient,
	token: unknown,
	/** The token endpoint keeps the sign-in's scopes (an ID token only with openid); the API always issues one. */
	oauth = false
): IssuedTokens {
	const record = useRefreshToken( ctx, token, client.id );
	const user = ctx.store.findUser( pool.id, record.username );
	if ( ! user || user.sub !== record.sub ) {
		throw cognitoError( 'badCredentials', 'User does not exist.' );
	}
	if ( ! user.enabled ) {
		throw cognitoError( 'userDisabled' );
	}
	const tokens = issueTokens( ctx, {
		pool,
		client,
		user,
		refresh: record,
		scopes: oauth ? record.scopes : undefined,
	} );
	return rotates( client )
		? {
				...tokens,
				RefreshToken: rotateRefreshToken(
					ctx,
					record,
					client.refreshTokenRotation?.retryGracePeriodSec ?? 0
				),
			}
		: tokens;
}

/** ClientSecret is accepted and ignored (the emulator's clients have none); ClientMetadata has no Lambda to reach. */
export const GetTokensFromRefreshToken: Operation = ( ctx, input ) => {
	const { client, pool } = clientAndPool( ctx, input );
	return {
		AuthenticationResult: renewSession(
			ctx,
			pool,
			client,
			str( input, 'RefreshToken' )
		),
	};
};
