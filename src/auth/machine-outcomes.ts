/**
 * How the machine reacts to the runner's answers: outcomes move the flow forward (next challenge, automatic
 * sign-in, session hand-off), failures either take a documented detour or stay on the step with the error.
 */
import { authError, type AuthError } from './errors';
import { base, start, toSignIn, withoutSecrets } from './machine-state';
import { otpauthUri } from './totp';
import type {
	AuthOutcome,
	AuthRequest,
	AuthState,
	SignInResult,
} from './types';

const CHALLENGE_STEPS = new Set( [
	'newPassword',
	'smsMfa',
	'totpMfa',
	'selectMfa',
	'totpSetup',
] );

function autoSignIn(
	state: AuthState,
	username: string,
	password: string | undefined
): AuthState {
	// Without a password in memory (e.g. the page was reloaded) the visitor signs in by hand.
	if ( ! password ) {
		return {
			...base( state ),
			step: 'signIn',
			inputs: withoutSecrets( state.inputs ),
		};
	}
	return start( state, { kind: 'signIn', username, password } );
}

function onSignInResult( state: AuthState, result: SignInResult ): AuthState {
	const shared = {
		...base( state ),
		inputs: { ...state.inputs, code: undefined },
	};
	switch ( result.type ) {
		case 'signedIn':
			return start(
				{ ...state, inputs: withoutSecrets( state.inputs ) },
				{
					kind: 'createSession',
					idToken: result.tokens.idToken,
					refreshToken: result.tokens.refreshToken,
					remember: state.inputs.remember,
					redirectTo: state.options.redirectTo,
				}
			);
		case 'newPasswordRequired': {
			// Prefill what Cognito already knows so the visitor only completes what is missing.
			const attributes = { ...state.inputs.attributes };
			for ( const name of result.requiredAttributes ) {
				attributes[ name ] ??= result.userAttributes[ name ] ?? '';
			}
			return {
				...shared,
				step: 'newPassword',
				requiredAttributes: result.requiredAttributes,
				inputs: { ...shared.inputs, attributes },
			};
		}
		case 'mfaRequired':
			return { ...shared, step: 'smsMfa', delivery: result.delivery };
		case 'totpRequired':
			return { ...shared, step: 'totpMfa' };
		case 'selectMfaType':
			return { ...shared, step: 'selectMfa', mfaOptions: result.options };
		case 'mfaSetup':
			// Only TOTP can be set up from the browser during sign-in (SMS needs a verified phone first).
			if ( ! result.options.includes( 'SOFTWARE_TOKEN_MFA' ) ) {
				return toSignIn( state, authError( 'mfa_not_available' ) );
			}
			return start(
				{ ...shared, step: 'totpSetup' },
				{ kind: 'associateTotp' }
			);
		case 'customChallenge':
			return toSignIn( state, authError( 'unsupported_challenge' ) );
	}
}

export function onResolved(
	state: AuthState,
	request: AuthRequest,
	outcome: AuthOutcome,
	now: number
): AuthState {
	const cooldownEnd = now + state.options.resendCooldownMs;
	switch ( outcome.kind ) {
		case 'signIn':
			return onSignInResult( state, outcome.result );
		case 'totpSecret': {
			const uri = otpauthUri(
				outcome.secret,
				state.inputs.username,
				state.options.totpIssuer
			);
			return {
				...base( state ),
				step: 'totpSetup',
				secret: outcome.secret,
				otpauthUri: uri,
			};
		}
		case 'signUp':
			if ( outcome.confirmed ) {
				return autoSignIn(
					state,
					state.inputs.username,
					state.inputs.password
				);
			}
			return {
				...base( state ),
				step: 'confirmSignUp',
				delivery: outcome.delivery,
				resendAvailableAt: cooldownEnd,
			};
		case 'codeSent': {
			const previous = 'delivery' in state ? state.delivery : undefined;
			const delivery = outcome.delivery ?? previous;
			return request.kind === 'resendCode'
				? {
						...base( state ),
						step: 'confirmSignUp',
						delivery,
						resendAvailableAt: cooldownEnd,
					}
				: {
						...base( state ),
						step: 'confirmResetPassword',
						delivery,
						resendAvailableAt: cooldownEnd,
					};
		}
		case 'confirmed':
			return request.kind === 'confirmForgotPassword'
				? autoSignIn(
						state,
						state.inputs.username,
						request.newPassword
					)
				: autoSignIn(
						state,
						state.inputs.username,
						state.inputs.password
					);
		case 'session':
			return {
				...base( state ),
				step: 'done',
				redirectTo: outcome.redirectTo,
				inputs: withoutSecrets( state.inputs ),
			};
	}
}

export function onRejected(
	state: AuthState,
	request: AuthRequest,
	error: AuthError,
	now: number
): AuthState {
	const failed: AuthState = {
		...state,
		error,
		failed: error.retryable ? request : undefined,
	};
	switch ( request.kind ) {
		case 'signIn':
			if ( error.code === 'user_not_confirmed' ) {
				// Detour: send a fresh code, confirm, then sign in with the password still in memory.
				const confirm: AuthState = {
					...base( state ),
					step: 'confirmSignUp',
					resendAvailableAt: 0,
				};
				return {
					...start( confirm, {
						kind: 'resendCode',
						username: request.username,
					} ),
					error,
				};
			}
			if ( error.code === 'password_reset_required' ) {
				const reset: AuthState = {
					...base( state ),
					step: 'confirmResetPassword',
					resendAvailableAt: 0,
				};
				return {
					...start( reset, {
						kind: 'forgotPassword',
						username: request.username,
					} ),
					error,
				};
			}
			break;
		case 'confirmSignUp':
			if ( error.code === 'already_confirmed' ) {
				return onResolved( state, request, { kind: 'confirmed' }, now );
			}
			break;
		case 'forgotPassword':
		case 'resendCode':
			// An unknown user reads as a code error in this context; answer as if a code went out, so the form
			// behaves the same whether or not the account exists.
			if ( error.code === 'code_mismatch' ) {
				return onResolved( state, request, { kind: 'codeSent' }, now );
			}
			break;
		default:
			break;
	}
	if (
		error.code === 'session_expired' &&
		CHALLENGE_STEPS.has( state.step )
	) {
		return toSignIn( state, error );
	}
	return failed;
}
