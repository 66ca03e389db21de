/** InitiateAuth and RespondToAuthChallenge: SRP, password, refresh, new-password and MFA challenges. */
import { randomBytes } from 'node:crypto';
import type { Ctx, Input, Operation } from '../context';
import type { AppClient, Pool, User } from '../types';
import { cognitoError } from '../errors';
import { checkCode, issueCode, maskDestination } from '../codes';
import { enforcePasswordPolicy } from '../policy';
import {
	fakeSrpB,
	parseSrpTimestamp,
	passwordMatches,
	srpStart,
	srpVerifyClaim,
} from '../srp';
import { consumeSession, getSession, openSession } from '../sessions';
import { issueTokens, useRefreshToken } from '../tokens';
import { totpMatches } from '../totp';
import { flowAllowed, setPassword, str } from '../model';

/** Cognito accepts a client TIMESTAMP within a few minutes of its own clock. */
const TIMESTAMP_SKEW_MS = 5 * 60_000;
const MAX_MFA_ATTEMPTS = 5;

function clientAndPool(
	ctx: Ctx,
	input: Input
): { client: AppClient; pool: Pool } {
	const client = ctx.store.client( str( input, 'ClientId' ) );
	return { client, pool: ctx.store.pool( client.poolId ) };
}

const tokensResponse = (
	ctx: Ctx,
	pool: Pool,
	client: AppClient,
	user: User
) => ( {
	AuthenticationResult: issueTokens( ctx, { pool, client, user } ),
	ChallengeParameters: {},
} );

function challenge(
	ctx: Ctx,
	client: AppClient,
	user: User,
	name: string,
	params: Record< string, string >
) {
	const session = openSession(
		ctx,
		{
			poolId: user.poolId,
			clientId: client.id,
			username: user.username,
			challenge: name,
		},
		client.authSessionValidityMin
	);
	return {
		ChallengeName: name,
		Session: session.id,
		ChallengeParameters: params,
	};
}

/** What follows a correct password: account state checks, then a new-password or MFA challenge, or tokens. */
export function afterPassword(
	ctx: Ctx,
	pool: Pool,
	client: AppClient,
	user: User
) {
	if ( ! user.enabled ) {
		throw cognitoError( 'userDisabled' );
	}
	if ( user.status === 'UNCONFIRMED' ) {
		throw cognitoError( 'notConfirmed' );
	}
	if ( user.status === 'RESET_REQUIRED' ) {
		throw cognitoError( 'resetRequired' );
	}
	if ( user.status === 'FORCE_CHANGE_PASSWORD' ) {
		if ( ( user.tempPasswordExpiresAt ?? Infinity ) <= ctx.clock.now() ) {
			throw cognitoError( 'tempPasswordExpired' );
		}
		const { sub: _sub, ...visible } = user.attributes;
		return challenge( ctx, client, user, 'NEW_PASSWORD_REQUIRED', {
			USER_ID_FOR_SRP: user.username,
			requiredAttributes: '[]',
			userAttributes: JSON.stringify( visible ),
		} );
	}
	return mfaStep( ctx, pool, client, user );
}

function mfaStep(
	ctx: Ctx,
	pool: Pool,
	client: AppClient,
	user: User,
	answer?: string
) {
	if ( pool.mfaConfiguration === 'OFF' ) {
		return tokensResponse( ctx, pool, client, user );
	}
	const phone = user.attributes.phone_number;
	const factors = [
		...( user.mfa.smsEnabled && phone ? [ 'SMS_MFA' ] : [] ),
		...( user.mfa.totpEnabled && user.mfa.totpSecret
			? [ 'SOFTWARE_TOKEN_MFA' ]
			: [] ),
	];
	if ( factors.length === 0 && pool.mfaConfiguration === 'ON' ) {
		if ( phone ) {
			factors.push( 'SMS_MFA' );
		} else {
			return challenge( ctx, client, user, 'MFA_SETUP', {
				MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]',
			} );
		}
	}
	if ( factors.length === 0 ) {
		return tokensResponse( ctx, pool, client, user );
	}
	let pick =
		answer ?? ( factors.length === 1 ? factors[ 0 ] : user.mfa.preferred );
	if ( ! pick || ! factors.includes( pick ) ) {
		if ( answer ) {
			throw cognitoError(
				'invalidParameter',
				'Invalid MFA type selected.'
			);
		}
		return challenge( ctx, client, user, 'SELECT_MFA_TYPE', {
			MFAS_CAN_CHOOSE: JSON.stringify( factors ),
		} );
	}
	if ( pick === 'SMS_MFA' ) {
		issueCode( ctx, user, 'mfa' );
		return challenge( ctx, client, user, 'SMS_MFA', {
			CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS',
			CODE_DELIVERY_DESTINATION: maskDestination( phone ?? '' ),
		} );
	}
	pick = 'SOFTWARE_TOKEN_MFA';
	return challenge( ctx, client, user, pick, {} );
}

function startSrp( ctx: Ctx, pool: Pool, client: AppClient, input: Input ) {
	const params = ( input.AuthParameters ?? {} ) as Input;
	const username = str( params, 'USERNAME' );
	const A = str( params, 'SRP_A' );
	const user = ctx.store.findUser( pool.id, username );
	if ( ! user && client.preventUserExistenceErrors !== 'ENABLED' ) {
		throw cognitoError( 'userNotFound' );
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
		if ( ! passwordMatches( pool.id, user, str( params, 'PASSWORD' ) ) ) {
			throw cognitoError( 'badCredentials' );
		}
		return afterPassword( ctx, pool, client, user );
	}
	if ( flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN' ) {
		const record = useRefreshToken( ctx, params.REFRESH_TOKEN, client.id );
		const user = ctx.store.findUser( pool.id, record.username );
		if ( ! user || user.sub !== record.sub ) {
			throw cognitoError( 'badCredentials', 'User does not exist.' );
		}
		return {
			AuthenticationResult: issueTokens( ctx, {
				pool,
				client,
				user,
				refresh: record,
			} ),
			ChallengeParameters: {},
		};
	}
	throw cognitoError(
		'invalidParameter',
		`${ flow } flow not enabled for this client`
	);
};

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
			consumeSession( session );
			for ( const [ key, value ] of Object.entries( responses ) ) {
				const attr = key.startsWith( 'userAttributes.' )
					? key.slice( 15 )
					: '';
				if (
					attr &&
					attr !== 'sub' &&
					! attr.endsWith( '_verified' )
				) {
					user.attributes[ attr ] = String( value );
				}
			}
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
