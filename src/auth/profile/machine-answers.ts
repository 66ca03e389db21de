/**
 * How answers move the profile flow (machine.ts hands RESOLVED and REJECTED here): each outcome to its step and
 * message, and a refusal that means the Cognito session is gone to the password prompt.
 */
import { authError, type AuthError } from '../errors';
import type {
	PendingVerification,
	ProfileAnswer,
	ProfileRequest,
	ProfileState,
} from './types';

export const RESEND_COOLDOWN_MS = 30_000;

/** Requests whose "not authorized" is about what the visitor typed, not about the session. */
const TYPED_CREDENTIALS = new Set< ProfileRequest[ 'kind' ] >( [
	'reauth',
	'reauthMfa',
	'changePassword',
	'deleteAccount',
] );

function pendingFrom(
	pending: Omit< PendingVerification, 'resendAvailableAt' >,
	now: number
): PendingVerification {
	return { ...pending, resendAvailableAt: now + RESEND_COOLDOWN_MS };
}

export function onResolved(
	state: ProfileState,
	request: ProfileRequest,
	outcome: Extract< ProfileAnswer, { type: 'RESOLVED' } >[ 'outcome' ],
	now: number
): ProfileState {
	const done: ProfileState = { ...state, request: undefined };
	switch ( outcome.kind ) {
		case 'needPassword':
			return {
				...done,
				step: 'confirmPassword',
				site: outcome.site,
				account: undefined,
			};
		case 'unlinked':
			return { ...done, step: 'unlinked', site: outcome.site };
		case 'mfaRequired':
			return { ...done, step: 'confirmMfa', mfa: outcome };
		case 'loaded':
			return {
				...done,
				step: 'overview',
				site: outcome.site,
				account: outcome.account,
				federated: outcome.federated,
				mfa: undefined,
			};
		case 'saved':
			return {
				...done,
				account: outcome.account,
				site: outcome.site,
				notice: 'saved',
				step: outcome.pending ? 'verifyAttribute' : 'overview',
				pending: outcome.pending && pendingFrom( outcome.pending, now ),
			};
		case 'account':
			return {
				...done,
				step: 'overview',
				account: outcome.account,
				site: outcome.site ?? state.site,
				notice: outcome.notice,
				pending: undefined,
				totpSecret: undefined,
				newPassword: undefined,
			};
		case 'codeSent': {
			const name =
				request.kind === 'resend' ? request.name : state.pending?.name;
			if ( name !== 'email' && name !== 'phone_number' ) {
				return done;
			}
			// A resend on the code step keeps what the first answer said (old value still in use or not); from the
			// overview ("Verify now") the value shown is the unverified one.
			const again =
				state.step === 'verifyAttribute' && state.pending?.name === name
					? state.pending
					: undefined;
			return {
				...done,
				step: 'verifyAttribute',
				notice: again ? 'codeSent' : undefined,
				pending: pendingFrom(
					{
						name,
						delivery: outcome.delivery ?? again?.delivery,
						activeUnverified: again?.activeUnverified ?? true,
					},
					now
				),
			};
		}
		case 'passwordChanged':
			return {
				...done,
				notice: 'passwordChanged',
				newPassword:
					request.kind === 'changePassword'
						? request.next
						: undefined,
			};
		case 'totpSecret':
			return { ...done, step: 'totpSetup', totpSecret: outcome.secret };
		case 'signedOut':
			return { ...done, step: 'signedOut', account: undefined };
		case 'deleted':
			return { ...done, step: 'deleted', account: undefined };
	}
	return done;
}

export function onRejected(
	state: ProfileState,
	request: ProfileRequest,
	error: AuthError
): ProfileState {
	const done: ProfileState = { ...state, request: undefined };
	const sessionGone =
		error.source === 'NoCognitoSession' ||
		( error.code === 'not_authorized' &&
			! TYPED_CREDENTIALS.has( request.kind ) );
	if ( sessionGone && state.site ) {
		// Revoked elsewhere (sign-out everywhere, a password reset) or expired: the password again, then back here.
		return {
			...done,
			step: 'confirmPassword',
			account: undefined,
			pending: undefined,
			totpSecret: undefined,
			error: authError( 'reauth_required', error.source ),
		};
	}
	return { ...done, error, failed: error.retryable ? request : undefined };
}
