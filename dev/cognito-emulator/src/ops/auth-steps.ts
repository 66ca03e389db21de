/** What follows a correct password: account checks, then a new-password or MFA challenge, or tokens. */
import type { Ctx, Input } from '../context';
import type { AppClient, Pool, User } from '../types';
import { cognitoError } from '../errors';
import { issueCode, maskDestination } from '../codes';
import { openSession } from '../sessions';
import { issueTokens } from '../tokens';
import { str } from '../model';

export function clientAndPool(
	ctx: Ctx,
	input: Input
): { client: AppClient; pool: Pool } {
	const client = ctx.store.client( str( input, 'ClientId' ) );
	return { client, pool: ctx.store.pool( client.poolId ) };
}

export const tokensResponse = (
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

export function mfaStep(
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
		// Required MFA does not depend on the user's preference: a registered authenticator or a phone serves.
		if ( user.mfa.totpSecret ) {
			factors.push( 'SOFTWARE_TOKEN_MFA' );
		} else if ( phone ) {
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
