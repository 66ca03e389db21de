/**
 * The stable error codes of the flow and their translated messages (one message per code, so two situations
 * that must look alike to a visitor simply share a code).
 */
import { __, _n, sprintf } from '@wordpress/i18n';

export type AuthErrorCode =
	| 'not_authorized'
	| 'too_many_attempts'
	| 'temporary_password_expired'
	| 'session_expired'
	| 'already_confirmed'
	| 'user_not_confirmed'
	| 'username_exists'
	| 'alias_exists'
	| 'code_mismatch'
	| 'code_expired'
	| 'invalid_password'
	| 'password_reused'
	| 'invalid_parameter'
	| 'limit_exceeded'
	| 'too_many_requests'
	| 'password_reset_required'
	| 'code_delivery_failed'
	| 'totp_code_mismatch'
	| 'mfa_not_available'
	| 'unsupported_challenge'
	| 'validation_failed'
	| 'service_unavailable'
	| 'forbidden'
	| 'configuration'
	| 'network'
	| 'session_rejected'
	| 'bad_origin'
	| 'login_denied'
	| 'creation_disabled'
	| 'account_exists'
	| 'account_not_created'
	| 'identity_conflict'
	| 'login_interrupted'
	| 'reauth_required'
	| 'wrong_account'
	| 'wrong_password'
	| 'attribute_not_writable'
	| 'account_not_deletable'
	| 'unknown';

export interface AuthError {
	code: AuthErrorCode;
	message: string;
	/** True when running the same request again may succeed (network, throttling, outages). */
	retryable: boolean;
	/** The name the error came with, for logs; never shown as is. */
	source?: string;
	/** Seconds the server asked us to wait before a retry, when it said; the message then says when. */
	retryAfter?: number;
}

/**
 * "Try again in N minutes" for a server that said how long to wait (rounded up to whole minutes; under a minute
 * reads as seconds).
 * @param seconds
 */
export function retryLaterMessage( seconds: number ): string {
	if ( seconds < 60 ) {
		return sprintf(
			/* translators: %d: seconds to wait. */
			_n(
				'Too many attempts. Try again in %d second.',
				'Too many attempts. Try again in %d seconds.',
				seconds,
				'cognito-blocks'
			),
			seconds
		);
	}
	const minutes = Math.ceil( seconds / 60 );
	return sprintf(
		/* translators: %d: minutes to wait. */
		_n(
			'Too many attempts. Try again in %d minute.',
			'Too many attempts. Try again in %d minutes.',
			minutes,
			'cognito-blocks'
		),
		minutes
	);
}

/**
 * Messages are functions so `__()` runs after WordPress has loaded the locale, and so string extraction
 * sees literal strings.
 */
export const MESSAGES: Record< AuthErrorCode, () => string > = {
	// Shared by wrong password, unknown user and disabled user: a pool that hides accounts must not leak them here.
	not_authorized: () =>
		__( 'Incorrect username or password.', 'cognito-blocks' ),
	too_many_attempts: () =>
		__(
			'Too many failed attempts. Wait a few minutes, then try again.',
			'cognito-blocks'
		),
	temporary_password_expired: () =>
		__(
			'Your temporary password has expired. Ask the site administrator for a new one.',
			'cognito-blocks'
		),
	session_expired: () =>
		__(
			'This sign-in took too long. Please sign in again.',
			'cognito-blocks'
		),
	already_confirmed: () =>
		__(
			'This account is already confirmed. Please sign in.',
			'cognito-blocks'
		),
	user_not_confirmed: () =>
		__(
			'Your account is not confirmed yet. Enter the code we sent you.',
			'cognito-blocks'
		),
	username_exists: () =>
		__( 'An account with this username already exists.', 'cognito-blocks' ),
	alias_exists: () =>
		__(
			'An account with this email address or phone number already exists.',
			'cognito-blocks'
		),
	code_mismatch: () =>
		__(
			'That code is not correct. Check it and try again.',
			'cognito-blocks'
		),
	code_expired: () =>
		__( 'That code has expired. Request a new one.', 'cognito-blocks' ),
	invalid_password: () =>
		__( 'The password does not meet the requirements.', 'cognito-blocks' ),
	password_reused: () =>
		__( 'Choose a password you have not used before.', 'cognito-blocks' ),
	invalid_parameter: () =>
		__(
			'Some of the information is not valid. Check the form and try again.',
			'cognito-blocks'
		),
	limit_exceeded: () =>
		__(
			'Too many attempts. Wait a while, then try again.',
			'cognito-blocks'
		),
	too_many_requests: () =>
		__(
			'Too many requests right now. Wait a moment, then try again.',
			'cognito-blocks'
		),
	password_reset_required: () =>
		__(
			'You need to choose a new password. Enter the code we sent you.',
			'cognito-blocks'
		),
	code_delivery_failed: () =>
		__( 'We could not send the code. Try again later.', 'cognito-blocks' ),
	totp_code_mismatch: () =>
		__(
			'The code from your authenticator app is not correct. Try again.',
			'cognito-blocks'
		),
	mfa_not_available: () =>
		__(
			'This verification method is not available for your account.',
			'cognito-blocks'
		),
	unsupported_challenge: () =>
		__(
			'This sign-in method is not supported by this form.',
			'cognito-blocks'
		),
	validation_failed: () =>
		__(
			'The information was not accepted. Check the form and try again.',
			'cognito-blocks'
		),
	service_unavailable: () =>
		__(
			'Sign-in is temporarily unavailable. Try again in a moment.',
			'cognito-blocks'
		),
	forbidden: () => __( 'This request was blocked.', 'cognito-blocks' ),
	configuration: () =>
		__(
			'Sign-in is not configured correctly on this site. Contact the site administrator.',
			'cognito-blocks'
		),
	network: () =>
		__(
			'We could not reach the server. Check your connection and try again.',
			'cognito-blocks'
		),
	session_rejected: () =>
		__(
			'We could not sign you in to this site. Please try again.',
			'cognito-blocks'
		),
	bad_origin: () =>
		__(
			'This form cannot sign you in from this address.',
			'cognito-blocks'
		),
	login_denied: () =>
		__(
			'Your account is not allowed to sign in to this site.',
			'cognito-blocks'
		),
	creation_disabled: () =>
		__(
			'New accounts are not created on this site. If you already have an account here, ask the site administrator to connect it to your sign-in.',
			'cognito-blocks'
		),
	account_exists: () =>
		__(
			'An account with your email address already exists on this site. Ask the site administrator to connect it to your sign-in.',
			'cognito-blocks'
		),
	account_not_created: () =>
		__(
			'We could not create your account on this site. Contact the site administrator.',
			'cognito-blocks'
		),
	identity_conflict: () =>
		__(
			'Your sign-in is connected to more than one account on this site. Contact the site administrator.',
			'cognito-blocks'
		),
	login_interrupted: () =>
		__(
			'Sign-in could not be completed here. Please use the site’s login page.',
			'cognito-blocks'
		),
	reauth_required: () =>
		__(
			'For your security, enter your password again to continue.',
			'cognito-blocks'
		),
	wrong_account: () =>
		__(
			'That password belongs to a different account than the one signed in to this site.',
			'cognito-blocks'
		),
	wrong_password: () =>
		__( 'Your current password is not correct.', 'cognito-blocks' ),
	attribute_not_writable: () =>
		__(
			'This site is not allowed to change some of these details. Nothing was saved; contact the site administrator.',
			'cognito-blocks'
		),
	account_not_deletable: () =>
		__(
			'This account cannot be deleted here. Nothing was deleted; contact the site administrator.',
			'cognito-blocks'
		),
	unknown: () =>
		__( 'Something went wrong. Please try again.', 'cognito-blocks' ),
};
