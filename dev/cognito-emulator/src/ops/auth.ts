/** InitiateAuth: SRP, password and refresh-token flows. */
import { randomBytes } from 'node:crypto';
import type { Ctx, Input, Operation } from '../context';
import type { AppClient, Pool } from '../types';
import { cognitoError } from '../errors';
import { fakeSrpB, passwordMatches, srpStart } from '../srp';
import { openSession } from '../sessions';
import { str } from '../model';
import { flowAllowed, rotates } from '../clients';
import { afterPassword, clientAndPool } from './auth-steps';
import { renewSession } from './refresh';

function startSrp( ctx: Ctx, pool: Pool, client: AppClient, input: Input ) {
	const params = ( input.AuthParameters ?? {} ) as Input;
	const username = str( params, 'USERNAME' );
	const A = str( params, 'SRP_A' );
	const user = ctx.store.findUser( pool.id, username );
	if ( ! user && client.preventUserExistenceErrors !== 'ENABLED' ) {
		throw cognitoError( 'userNotFound' );
	}
	if ( user?.status === 'EXTERNAL_PROVIDER' ) {
		throw cognitoError( 'externalUser' );
	}
	// An unknown user gets a challenge shaped like a real one, so responses do not reveal who exists.
	const srp = user ? srpStart( user.verifier, A ) : srpStart( fakeSrpB(), A );
	if ( ! srp ) {
		throw cognitoError( 'invalidParameter', 'SRP_A cannot be zero.' );
	}
	const secretBlock = randomBytes( 64 ).toString( 'base64' );
	const name = user?.username ?? username;
	openSession(
		ctx,
		{
			id: secretBlock,
			poolId: pool.id,
			clientId: client.id,
			username: name,
			challenge: 'PASSWORD_VERIFIER',
			srp,
			fake: ! user,
		},
		client.authSessionValidityMin
	);
	return {
		ChallengeName: 'PASSWORD_VERIFIER',
		ChallengeParameters: {
			SALT: user?.salt ?? randomBytes( 16 ).toString( 'hex' ),
			SECRET_BLOCK: secretBlock,
			SRP_B: srp.B,
			USERNAME: name,
			USER_ID_FOR_SRP: name,
		},
	};
}

export const InitiateAuth: Operation = ( ctx, input ) => {
	const { client, pool } = clientAndPool( ctx, input );
	const flow = str( input, 'AuthFlow' );
	const params = ( input.AuthParameters ?? {} ) as Input;
	if ( flow === 'USER_SRP_AUTH' && flowAllowed( client, 'USER_SRP_AUTH' ) ) {
		return startSrp( ctx, pool, client, input );
	}
	if ( flow === 'USER_PASSWORD_AUTH' ) {
		if ( ! flowAllowed( client, 'USER_PASSWORD_AUTH' ) ) {
			throw cognitoError( 'flowNotEnabled' );
		}
		const user = ctx.store.findUser( pool.id, str( params, 'USERNAME' ) );
		if ( ! user ) {
			throw cognitoError(
				client.preventUserExistenceErrors === 'ENABLED'
					? 'badCredentials'
					: 'userNotFound'
			);
		}
		if ( user.status === 'EXTERNAL_PROVIDER' ) {
			throw cognitoError( 'externalUser' );
		}
		if ( ! passwordMatches( pool.id, user, str( params, 'PASSWORD' ) ) ) {
			throw cognitoError( 'badCredentials' );
		}
		return afterPassword( ctx, pool, client, user );
	}
	// Clients with refresh token rotation renew only through GetTokensFromRefreshToken; Cognito refuses them
	// REFRESH_TOKEN_AUTH like a flow the client does not allow.
	if (
		( flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN' ) &&
		! rotates( client )
	) {
		return {
			AuthenticationResult: renewSession(
				ctx,
				pool,
				client,
				params.REFRESH_TOKEN
			),
			ChallengeParameters: {},
		};
	}
	throw cognitoError(
		'invalidParameter',
		`${ flow } flow not enabled for this client`
	);
};
