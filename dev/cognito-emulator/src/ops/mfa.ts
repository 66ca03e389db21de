/** TOTP enrolment (signed in, or during the MFA_SETUP challenge) and MFA preferences. */
import type { AuthSession, Ctx, Input, Operation } from '../context';
import type { Pool, User } from '../types';
import { cognitoError } from '../errors';
import { getSession } from '../sessions';
import { authenticateAccessToken } from '../tokens';
import { newTotpSecret, totpMatches } from '../totp';
import { str } from '../model';

/** Either the signed-in user (AccessToken) or the sign-in in progress (Session of an MFA_SETUP challenge). */
function subject(
	ctx: Ctx,
	input: Input
): { user: User; session?: AuthSession } {
	if ( input.AccessToken !== undefined ) {
		return { user: authenticateAccessToken( ctx, input.AccessToken ).user };
	}
	const raw =
		typeof input.Session === 'string'
			? ctx.sessions.get( input.Session )
			: undefined;
	const session = getSession(
		ctx,
		input.Session,
		'MFA_SETUP',
		raw?.clientId ?? ''
	);
	return {
		user: ctx.store.requireUser( session.poolId, session.username ),
		session,
	};
}

export const AssociateSoftwareToken: Operation = ( ctx, input ) => {
	const { user, session } = subject( ctx, input );
	const secret = newTotpSecret();
	if ( session ) {
		session.pendingTotpSecret = secret;
		session.totpVerified = false;
		return { SecretCode: secret, Session: session.id };
	}
	user.mfa.pendingTotpSecret = secret;
	ctx.store.putUser( user );
	return { SecretCode: secret };
};

export const VerifySoftwareToken: Operation = ( ctx, input ) => {
	const { user, session } = subject( ctx, input );
	const secret = session
		? session.pendingTotpSecret
		: user.mfa.pendingTotpSecret;
	if ( ! secret ) {
		throw cognitoError(
			'softwareTokenNotFound',
			'No software token has been associated with this user.'
		);
	}
	if ( ! totpMatches( secret, str( input, 'UserCode' ), ctx.clock.now() ) ) {
		throw cognitoError( 'totpSetupMismatch' );
	}
	if ( session ) {
		session.totpVerified = true;
		return { Status: 'SUCCESS', Session: session.id };
	}
	// Registered now; it becomes a sign-in factor once SetUserMFAPreference enables it.
	user.mfa.totpSecret = secret;
	user.mfa.pendingTotpSecret = undefined;
	ctx.store.putUser( user );
	return { Status: 'SUCCESS' };
};

interface MfaSettings {
	Enabled?: boolean;
	PreferredMfa?: boolean;
}

/**
 * SetUserMFAPreference / AdminSetUserMFAPreference: turns factors on or off and picks the preferred one. With
 * MFA required by the pool, turning every factor off is accepted, and sign-in keeps asking for MFA anyway
 * (auth-steps.ts), as Cognito requires MFA of everyone in such a pool.
 */
export function applyMfaPreference(
	ctx: Ctx,
	pool: Pool,
	user: User,
	input: Input
): void {
	const sms = input.SMSMfaSettings as MfaSettings | undefined;
	const totp = input.SoftwareTokenMfaSettings as MfaSettings | undefined;
	if (
		pool.mfaConfiguration === 'OFF' &&
		( sms?.Enabled || totp?.Enabled )
	) {
		throw cognitoError(
			'invalidParameter',
			'MFA is not enabled for this user pool.'
		);
	}
	if ( sms?.Enabled && ! user.attributes.phone_number ) {
		throw cognitoError(
			'invalidParameter',
			'User does not have delivery config set to turn on SMS_MFA'
		);
	}
	if ( totp?.Enabled && ! user.mfa.totpSecret ) {
		// Associated but never confirmed with VerifySoftwareToken, or not associated at all.
		throw cognitoError(
			'invalidParameter',
			user.mfa.pendingTotpSecret
				? 'User has not verified software token mfa'
				: 'User has not set up software token mfa'
		);
	}
	if ( sms ) {
		user.mfa.smsEnabled = !! sms.Enabled;
	}
	if ( totp ) {
		user.mfa.totpEnabled = !! totp.Enabled;
	}
	// PreferredMfa false on the current preference clears it (then a user with two factors must choose).
	if ( sms?.PreferredMfa === false && user.mfa.preferred === 'SMS_MFA' ) {
		user.mfa.preferred = undefined;
	}
	if (
		totp?.PreferredMfa === false &&
		user.mfa.preferred === 'SOFTWARE_TOKEN_MFA'
	) {
		user.mfa.preferred = undefined;
	}
	if ( sms?.PreferredMfa && sms.Enabled ) {
		user.mfa.preferred = 'SMS_MFA';
	} else if ( totp?.PreferredMfa && totp.Enabled ) {
		user.mfa.preferred = 'SOFTWARE_TOKEN_MFA';
	}
	if (
		( user.mfa.preferred === 'SMS_MFA' && ! user.mfa.smsEnabled ) ||
		( user.mfa.preferred === 'SOFTWARE_TOKEN_MFA' &&
			! user.mfa.totpEnabled )
	) {
		user.mfa.preferred = undefined;
	}
	user.updatedAt = ctx.clock.now();
	ctx.store.putUser( user );
}

export const SetUserMFAPreference: Operation = ( ctx, input ) => {
	const { user } = authenticateAccessToken( ctx, input.AccessToken );
	applyMfaPreference( ctx, ctx.store.pool( user.poolId ), user, input );
	return {};
};
