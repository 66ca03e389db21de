/** RespondToAuthChallenge: PASSWORD_VERIFIER, NEW_PASSWORD_REQUIRED and the MFA challenges. */
import type { Ctx, Input, Operation } from '../context';
import type { AppClient, Pool } from '../types';
import { cognitoError } from '../errors';
import { checkCode } from '../codes';
import { enforcePasswordPolicy } from '../policy';
import { parseSrpTimestamp, srpVerifyClaim } from '../srp';
import { consumeSession, getSession } from '../sessions';
import { totpMatches } from '../totp';
import { setPassword, str } from '../model';
import { checkClientWrites, validateAttributes } from '../schema';
import {
	afterPassword,
	clientAndPool,
	mfaStep,
	tokensResponse,
} from './auth-steps';

/** Cognito accepts a client TIMESTAMP within a few minutes of its own clock. */
const TIMESTAMP_SKEW_MS = 5 * 60_000;
const MAX_MFA_ATTEMPTS = 5;

function passwordVerifier(
	ctx: Ctx,
	pool: Pool,
	client: AppClient,
	responses: Input
) {
	const session = getSession(
		ctx,
		responses.PASSWORD_CLAIM_SECRET_BLOCK,
		'PASSWORD_VERIFIER',
		client.id
	);
	consumeSession( session );
	const timestamp = parseSrpTimestamp( responses.TIMESTAMP );
	if ( timestamp === null ) {
		throw cognitoError(
			'invalidParameter',
			'TIMESTAMP format is invalid.'
		);
	}
	if ( Math.abs( timestamp - ctx.clock.now() ) > TIMESTAMP_SKEW_MS ) {
		throw cognitoError( 'badCredentials' );
	}
	const user = session.fake
		? undefined
		: ctx.store.findUser( pool.id, session.username );
	const valid =
		!! user &&
		responses.USERNAME === user.username &&
		srpVerifyClaim( {
			poolId: pool.id,
			username: user.username,
			verifier: user.verifier,
			srp: session.srp!,
			secretBlock: session.id,
			timestamp: String( responses.TIMESTAMP ),
			signature: String( responses.PASSWORD_CLAIM_SIGNATURE ?? '' ),
		} );
	if ( ! valid || ! user ) {
		throw cognitoError( 'badCredentials' );
	}
	return afterPassword( ctx, pool, client, user );
}

export const RespondToAuthChallenge: Operation = ( ctx, input ) => {
	const { client, pool } = clientAndPool( ctx, input );
	const name = str( input, 'ChallengeName' );
	const responses = ( input.ChallengeResponses ?? {} ) as Input;
	if ( name === 'PASSWORD_VERIFIER' ) {
		return passwordVerifier( ctx, pool, client, responses );
	}
	const session = getSession( ctx, input.Session, name, client.id );
	const user = ctx.store.findUser( pool.id, session.username );
	if ( ! user ) {
		throw cognitoError( 'userNotFound' );
	}
	const wrong = ( key: 'mfaCodeMismatch' | 'totpMismatch' ) => {
		session.wrongAttempts += 1;
		if ( session.wrongAttempts >= MAX_MFA_ATTEMPTS ) {
			consumeSession( session );
		}
		return cognitoError( key );
	};
	switch ( name ) {
		case 'NEW_PASSWORD_REQUIRED': {
			const password = enforcePasswordPolicy(
				pool.passwordPolicy,
				responses.NEW_PASSWORD
			);
			const given: Record< string, string > = {};
			for ( const [ key, value ] of Object.entries( responses ) ) {
				const attr = key.startsWith( 'userAttributes.' )
					? key.slice( 15 )
					: '';
				if (
					attr &&
					attr !== 'sub' &&
					! attr.endsWith( '_verified' )
				) {
					given[ attr ] = String( value );
				}
			}
			validateAttributes( pool, given, user );
			checkClientWrites( client, given );
			consumeSession( session );
			Object.assign( user.attributes, given );
			user.status = 'CONFIRMED';
			user.tempPasswordExpiresAt = undefined;
			setPassword( ctx, user, password );
			return mfaStep( ctx, pool, client, user );
		}
		case 'SMS_MFA': {
			try {
				checkCode( ctx, user, 'mfa', responses.SMS_MFA_CODE );
			} catch ( e ) {
				throw ( e as { type?: string } ).type ===
					'CodeMismatchException'
					? wrong( 'mfaCodeMismatch' )
					: e;
			}
			consumeSession( session );
			return tokensResponse( ctx, pool, client, user );
		}
		case 'SOFTWARE_TOKEN_MFA': {
			if (
				! totpMatches(
					user.mfa.totpSecret ?? '',
					responses.SOFTWARE_TOKEN_MFA_CODE,
					ctx.clock.now()
				)
			) {
				throw wrong( 'totpMismatch' );
			}
			consumeSession( session );
			return tokensResponse( ctx, pool, client, user );
		}
		case 'SELECT_MFA_TYPE':
			consumeSession( session );
			return mfaStep(
				ctx,
				pool,
				client,
				user,
				str( responses, 'ANSWER' )
			);
		case 'MFA_SETUP': {
			if ( ! session.totpVerified || ! session.pendingTotpSecret ) {
				throw cognitoError(
					'invalidParameter',
					'Software token has not been verified.'
				);
			}
			consumeSession( session );
			user.mfa = {
				...user.mfa,
				totpSecret: session.pendingTotpSecret,
				totpEnabled: true,
				preferred: 'SOFTWARE_TOKEN_MFA',
			};
			ctx.store.putUser( user );
			return tokensResponse( ctx, pool, client, user );
		}
	}
	throw cognitoError(
		'invalidParameter',
		`Invalid challenge name ${ name }`
	);
};
