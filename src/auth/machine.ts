/**
 * The account flow as a pure function: `transition(state, event, now)` returns the next state and never does
 * I/O. Work to be done is described by `state.request`; the runner performs it and answers with RESOLVED or
 * REJECTED. `now` is passed in (not read) so resend cool-downs are testable and the function stays pure.
 */
import type { ErrorContext } from './errors';
import { onRejected, onResolved } from './machine-outcomes';
import { base, start, stripId, withoutSecrets } from './machine-state';
import type {
	AuthEvent,
	AuthOptions,
	AuthRequestKind,
	AuthState,
	EntryStep,
	UserEvent,
} from './types';

export const DEFAULT_OPTIONS: AuthOptions = {
	resendCooldownMs: 30_000,
	redirectTo: '',
	totpIssuer: '',
};

export interface InitialStateInput extends Partial< AuthOptions > {
	step?: EntryStep;
	username?: string;
	remember?: boolean;
}

export function createInitialState( input: InitialStateInput = {} ): AuthState {
	const {
		step = 'signIn',
		username = '',
		remember = false,
		...options
	} = input;
	return {
		step,
		inputs: { username, attributes: {}, remember },
		options: { ...DEFAULT_OPTIONS, ...options },
		seq: 0,
	};
}

/**
 * Which wording an error gets: an unknown user in a code step must read like a bad code.
 * @param kind
 */
export function errorContextOf( kind: AuthRequestKind ): ErrorContext {
	return kind === 'confirmSignUp' ||
		kind === 'resendCode' ||
		kind === 'forgotPassword' ||
		kind === 'confirmForgotPassword'
		? 'code'
		: 'credentials';
}

export function transition(
	state: AuthState,
	event: AuthEvent,
	now: number
): AuthState {
	if ( event.type === 'RESOLVED' || event.type === 'REJECTED' ) {
		const request = state.request;
		// Answers to a request that is no longer the current one (already answered, timed out) are dropped.
		if ( ! request || request.id !== event.id ) {
			return state;
		}
		const settled: AuthState = { ...state, request: undefined };
		return event.type === 'RESOLVED'
			? onResolved( settled, request, event.outcome, now )
			: onRejected( settled, request, event.error, now );
	}
	// While a request is in flight every visitor event is ignored: this is what blocks double submits.
	if ( state.request || state.step === 'done' ) {
		return state;
	}
	return onUserEvent( state, event, now );
}

function onUserEvent(
	state: AuthState,
	event: UserEvent,
	now: number
): AuthState {
	const inputs = state.inputs;
	switch ( event.type ) {
		case 'SUBMIT_SIGN_IN': {
			if ( state.step !== 'signIn' ) {
				return state;
			}
			const username = event.username.trim();
			const next = {
				...state,
				inputs: {
					...inputs,
					username,
					password: event.password,
					remember: event.remember ?? inputs.remember,
				},
			};
			return start( next, {
				kind: 'signIn',
				username,
				password: event.password,
			} );
		}
		case 'SUBMIT_NEW_PASSWORD': {
			if ( state.step !== 'newPassword' ) {
				return state;
			}
			const attributes = { ...inputs.attributes, ...event.attributes };
			const required = Object.fromEntries(
				state.requiredAttributes.map( ( name ) => [
					name,
					attributes[ name ] ?? '',
				] )
			);
			const next = {
				...state,
				inputs: {
					...inputs,
					newPassword: event.newPassword,
					attributes,
				},
			};
			return start( next, {
				kind: 'completeNewPassword',
				newPassword: event.newPassword,
				attributes: required,
			} );
		}
		case 'SUBMIT_CODE': {
			const code = event.code.trim();
			const next = { ...state, inputs: { ...inputs, code } };
			switch ( state.step ) {
				case 'confirmSignUp':
					return start( next, {
						kind: 'confirmSignUp',
						username: inputs.username,
						code,
					} );
				case 'smsMfa':
					return start( next, {
						kind: 'sendMfaCode',
						code,
						mfaType: 'SMS_MFA',
					} );
				case 'totpMfa':
					return start( next, {
						kind: 'sendMfaCode',
						code,
						mfaType: 'SOFTWARE_TOKEN_MFA',
					} );
				case 'totpSetup':
					return state.secret
						? start( next, { kind: 'verifyTotp', code } )
						: state;
				default:
					return state;
			}
		}
		case 'SELECT_MFA':
			if (
				state.step !== 'selectMfa' ||
				! state.mfaOptions.includes( event.mfaType )
			) {
				return state;
			}
			return start( state, {
				kind: 'selectMfaType',
				mfaType: event.mfaType,
			} );
		case 'SUBMIT_SIGN_UP': {
			if ( state.step !== 'signUp' ) {
				return state;
			}
			const username = event.username.trim();
			const attributes = { ...inputs.attributes, ...event.attributes };
			const next = {
				...state,
				inputs: {
					...inputs,
					username,
					password: event.password,
					attributes,
				},
			};
			return start( next, {
				kind: 'signUp',
				username,
				password: event.password,
				attributes,
			} );
		}
		case 'RESEND_CODE':
			if (
				state.step !== 'confirmSignUp' &&
				state.step !== 'confirmResetPassword'
			) {
				return state;
			}
			if ( now < state.resendAvailableAt ) {
				return state;
			}
			return start( state, {
				kind:
					state.step === 'confirmSignUp'
						? 'resendCode'
						: 'forgotPassword',
				username: inputs.username,
			} );
		case 'SUBMIT_FORGOT_PASSWORD': {
			if ( state.step !== 'forgotPassword' ) {
				return state;
			}
			const username = event.username.trim();
			return start(
				{ ...state, inputs: { ...inputs, username } },
				{ kind: 'forgotPassword', username }
			);
		}
		case 'SUBMIT_RESET_PASSWORD': {
			if ( state.step !== 'confirmResetPassword' ) {
				return state;
			}
			const code = event.code.trim();
			const next = {
				...state,
				inputs: { ...inputs, code, newPassword: event.newPassword },
			};
			return start( next, {
				kind: 'confirmForgotPassword',
				username: inputs.username,
				code,
				newPassword: event.newPassword,
			} );
		}
		case 'GO_TO':
			return {
				...base( state ),
				step: event.step,
				inputs: withoutSecrets( inputs ),
				error: undefined,
				failed: undefined,
			};
		case 'RETRY':
			return state.failed
				? start( state, stripId( state.failed ) )
				: state;
	}
}

/**
 * For views: true when a RESEND_CODE event would be accepted at `now`.
 * @param state
 * @param now
 */
export function canResend( state: AuthState, now: number ): boolean {
	return (
		( state.step === 'confirmSignUp' ||
			state.step === 'confirmResetPassword' ) &&
		! state.request &&
		now >= state.resendAvailableAt
	);
}
