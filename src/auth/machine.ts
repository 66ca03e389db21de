/**
 * The account flow as a pure function: `transition(state, event, now)` returns the next state and never does
 * I/O. Work to be done is described by `state.request`; the runner performs it and answers with RESOLVED or
 * REJECTED. `now` is passed in (not read) so resend cool-downs are testable and the function stays pure.
 */
import { authError, type AuthError, type ErrorContext } from './errors';
import { otpauthUri } from './totp';
import type {
	AuthEvent,
	AuthInputs,
	AuthOptions,
	AuthOutcome,
	AuthRequest,
	AuthRequestKind,
	AuthState,
	EntryStep,
	SignInResult,
	UserEvent,
} from './types';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type NewRequest = DistributiveOmit<AuthRequest, 'id'>;

export const DEFAULT_OPTIONS: AuthOptions = {
	resendCooldownMs: 30_000,
	redirectTo: '',
	totpIssuer: '',
};

export interface InitialStateInput extends Partial<AuthOptions> {
	step?: EntryStep;
	username?: string;
	remember?: boolean;
}

export function createInitialState(input: InitialStateInput = {}): AuthState {
	const { step = 'signIn', username = '', remember = false, ...options } = input;
	return {
		step,
		inputs: { username, attributes: {}, remember },
		options: { ...DEFAULT_OPTIONS, ...options },
		seq: 0,
	};
}

/** Which wording an error gets: an unknown user in a code step must read like a bad code. */
export function errorContextOf(kind: AuthRequestKind): ErrorContext {
	return kind === 'confirmSignUp' ||
		kind === 'resendCode' ||
		kind === 'forgotPassword' ||
		kind === 'confirmForgotPassword'
		? 'code'
		: 'credentials';
}

/** Starts a request: the form becomes busy and the previous error is cleared. */
function start(state: AuthState, request: NewRequest): AuthState {
	const id = state.seq + 1;
	return { ...state, seq: id, request: { ...request, id } as AuthRequest, error: undefined, failed: undefined };
}

/** Passwords and codes are only needed until the next sign-in succeeds or the visitor leaves the step. */
function withoutSecrets(inputs: AuthInputs): AuthInputs {
	const { password: _p, newPassword: _n, code: _c, ...rest } = inputs;
	return rest;
}

const CHALLENGE_STEPS = new Set(['newPassword', 'smsMfa', 'totpMfa', 'selectMfa', 'totpSetup']);

export function transition(state: AuthState, event: AuthEvent, now: number): AuthState {
	if (event.type === 'RESOLVED' || event.type === 'REJECTED') {
		const request = state.request;
		// Answers to a request that is no longer the current one (already answered, timed out) are dropped.
		if (!request || request.id !== event.id) {
			return state;
		}
		const settled: AuthState = { ...state, request: undefined };
		return event.type === 'RESOLVED'
			? onResolved(settled, request, event.outcome, now)
			: onRejected(settled, request, event.error, now);
	}
	// While a request is in flight every visitor event is ignored: this is what blocks double submits.
	if (state.request || state.step === 'done') {
		return state;
	}
	return onUserEvent(state, event, now);
}

function onUserEvent(state: AuthState, event: UserEvent, now: number): AuthState {
	const inputs = state.inputs;
	switch (event.type) {
		case 'SUBMIT_SIGN_IN': {
			if (state.step !== 'signIn') return state;
			const username = event.username.trim();
			const next = {
				...state,
				inputs: { ...inputs, username, password: event.password, remember: event.remember ?? inputs.remember },
			};
			return start(next, { kind: 'signIn', username, password: event.password });
		}
		case 'SUBMIT_NEW_PASSWORD': {
			if (state.step !== 'newPassword') return state;
			const attributes = { ...inputs.attributes, ...event.attributes };
			const required = Object.fromEntries(
				state.requiredAttributes.map((name) => [name, attributes[name] ?? ''])
			);
			const next = { ...state, inputs: { ...inputs, newPassword: event.newPassword, attributes } };
			return start(next, { kind: 'completeNewPassword', newPassword: event.newPassword, attributes: required });
		}
		case 'SUBMIT_CODE': {
			const code = event.code.trim();
			const next = { ...state, inputs: { ...inputs, code } };
			switch (state.step) {
				case 'confirmSignUp':
					return start(next, { kind: 'confirmSignUp', username: inputs.username, code });
				case 'smsMfa':
					return start(next, { kind: 'sendMfaCode', code, mfaType: 'SMS_MFA' });
				case 'totpMfa':
					return start(next, { kind: 'sendMfaCode', code, mfaType: 'SOFTWARE_TOKEN_MFA' });
				case 'totpSetup':
					return state.secret ? start(next, { kind: 'verifyTotp', code }) : state;
				default:
					return state;
			}
		}
		case 'SELECT_MFA':
			if (state.step !== 'selectMfa' || !state.mfaOptions.includes(event.mfaType)) return state;
			return start(state, { kind: 'selectMfaType', mfaType: event.mfaType });
		case 'SUBMIT_SIGN_UP': {
			if (state.step !== 'signUp') return state;
			const username = event.username.trim();
			const attributes = { ...inputs.attributes, ...event.attributes };
			const next = { ...state, inputs: { ...inputs, username, password: event.password, attributes } };
			return start(next, { kind: 'signUp', username, password: event.password, attributes });
		}
		case 'RESEND_CODE':
			if (state.step !== 'confirmSignUp' && state.step !== 'confirmResetPassword') return state;
			if (now < state.resendAvailableAt) return state;
			return start(state, {
				kind: state.step === 'confirmSignUp' ? 'resendCode' : 'forgotPassword',
				username: inputs.username,
			});
		case 'SUBMIT_FORGOT_PASSWORD': {
			if (state.step !== 'forgotPassword') return state;
			const username = event.username.trim();
			return start({ ...state, inputs: { ...inputs, username } }, { kind: 'forgotPassword', username });
		}
		case 'SUBMIT_RESET_PASSWORD': {
			if (state.step !== 'confirmResetPassword') return state;
			const code = event.code.trim();
			const next = { ...state, inputs: { ...inputs, code, newPassword: event.newPassword } };
			return start(next, {
				kind: 'confirmForgotPassword',
				username: inputs.username,
				code,
				newPassword: event.newPassword,
			});
		}
		case 'GO_TO':
			return {
				...base(state),
				step: event.step,
				inputs: withoutSecrets(inputs),
				error: undefined,
				failed: undefined,
			};
		case 'RETRY':
			return state.failed ? start(state, stripId(state.failed)) : state;
	}
}

function stripId(request: AuthRequest): NewRequest {
	const { id: _id, ...rest } = request;
	return rest as NewRequest;
}

/** The fields every state shares, for moving to a step with different step-specific fields. */
function base(state: AuthState) {
	const { inputs, options, error, request, failed, seq } = state;
	return { inputs, options, error, request, failed, seq };
}

function autoSignIn(state: AuthState, username: string, password: string | undefined): AuthState {
	// Without a password in memory (e.g. the page was reloaded) the visitor signs in by hand.
	if (!password) {
		return { ...base(state), step: 'signIn', inputs: withoutSecrets(state.inputs) };
	}
	return start(state, { kind: 'signIn', username, password });
}

function onSignInResult(state: AuthState, result: SignInResult): AuthState {
	const shared = { ...base(state), inputs: { ...state.inputs, code: undefined } };
	switch (result.type) {
		case 'signedIn':
			return start(
				{ ...state, inputs: withoutSecrets(state.inputs) },
				{
					kind: 'createSession',
					idToken: result.tokens.idToken,
					remember: state.inputs.remember,
					redirectTo: state.options.redirectTo,
				}
			);
		case 'newPasswordRequired': {
			// Prefill what Cognito already knows so the visitor only completes what is missing.
			const attributes = { ...state.inputs.attributes };
			for (const name of result.requiredAttributes) {
				attributes[name] ??= result.userAttributes[name] ?? '';
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
			if (!result.options.includes('SOFTWARE_TOKEN_MFA')) {
				return toSignIn(state, authError('mfa_not_available'));
			}
			return start({ ...shared, step: 'totpSetup' }, { kind: 'associateTotp' });
		case 'customChallenge':
			return toSignIn(state, authError('unsupported_challenge'));
	}
}

function toSignIn(state: AuthState, error: AuthError): AuthState {
	return { ...base(state), step: 'signIn', inputs: withoutSecrets(state.inputs), error, failed: undefined };
}

function onResolved(state: AuthState, request: AuthRequest, outcome: AuthOutcome, now: number): AuthState {
	const cooldownEnd = now + state.options.resendCooldownMs;
	switch (outcome.kind) {
		case 'signIn':
			return onSignInResult(state, outcome.result);
		case 'totpSecret': {
			const uri = otpauthUri(outcome.secret, state.inputs.username, state.options.totpIssuer);
			return { ...base(state), step: 'totpSetup', secret: outcome.secret, otpauthUri: uri };
		}
		case 'signUp':
			if (outcome.confirmed) {
				return autoSignIn(state, state.inputs.username, state.inputs.password);
			}
			return { ...base(state), step: 'confirmSignUp', delivery: outcome.delivery, resendAvailableAt: cooldownEnd };
		case 'codeSent': {
			const previous = 'delivery' in state ? state.delivery : undefined;
			const delivery = outcome.delivery ?? previous;
			return request.kind === 'resendCode'
				? { ...base(state), step: 'confirmSignUp', delivery, resendAvailableAt: cooldownEnd }
				: { ...base(state), step: 'confirmResetPassword', delivery, resendAvailableAt: cooldownEnd };
		}
		case 'confirmed':
			return request.kind === 'confirmForgotPassword'
				? autoSignIn(state, state.inputs.username, request.newPassword)
				: autoSignIn(state, state.inputs.username, state.inputs.password);
		case 'session':
			return {
				...base(state),
				step: 'done',
				redirectTo: outcome.redirectTo,
				inputs: withoutSecrets(state.inputs),
			};
	}
}

function onRejected(state: AuthState, request: AuthRequest, error: AuthError, now: number): AuthState {
	const failed: AuthState = { ...state, error, failed: error.retryable ? request : undefined };
	switch (request.kind) {
		case 'signIn':
			if (error.code === 'user_not_confirmed') {
				// Detour: send a fresh code, confirm, then sign in with the password still in memory.
				const confirm: AuthState = { ...base(state), step: 'confirmSignUp', resendAvailableAt: 0 };
				return { ...start(confirm, { kind: 'resendCode', username: request.username }), error };
			}
			if (error.code === 'password_reset_required') {
				const reset: AuthState = { ...base(state), step: 'confirmResetPassword', resendAvailableAt: 0 };
				return { ...start(reset, { kind: 'forgotPassword', username: request.username }), error };
			}
			break;
		case 'confirmSignUp':
			if (error.code === 'already_confirmed') {
				return onResolved(state, request, { kind: 'confirmed' }, now);
			}
			break;
		case 'forgotPassword':
		case 'resendCode':
			// An unknown user reads as a code error in this context; answer as if a code went out, so the form
			// behaves the same whether or not the account exists.
			if (error.code === 'code_mismatch') {
				return onResolved(state, request, { kind: 'codeSent' }, now);
			}
			break;
		default:
			break;
	}
	if (error.code === 'session_expired' && CHALLENGE_STEPS.has(state.step)) {
		return toSignIn(state, error);
	}
	return failed;
}

/** For views: true when a RESEND_CODE event would be accepted at `now`. */
export function canResend(state: AuthState, now: number): boolean {
	return (
		(state.step === 'confirmSignUp' || state.step === 'confirmResetPassword') &&
		!state.request &&
		now >= state.resendAvailableAt
	);
}
