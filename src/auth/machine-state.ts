/**
 * Small helpers shared by the machine's transitions: starting a request, dropping secrets, leaving a step.
 */
import type { AuthError } from './errors';
import type { AuthInputs, AuthRequest, AuthState } from './types';

type DistributiveOmit< T, K extends PropertyKey > = T extends unknown
	? Omit< T, K >
	: never;
export type NewRequest = DistributiveOmit< AuthRequest, 'id' >;

/**
 * Starts a request: the form becomes busy and the previous error is cleared.
 * @param state
 * @param request
 */
export function start( state: AuthState, request: NewRequest ): AuthState {
	const id = state.seq + 1;
	return {
		...state,
		seq: id,
		request: { ...request, id } as AuthRequest,
		error: undefined,
		failed: undefined,
	};
}

/**
 * Passwords and codes are only needed until the next sign-in succeeds or the visitor leaves the step.
 * @param inputs
 */
export function withoutSecrets( inputs: AuthInputs ): AuthInputs {
	const { password: _p, newPassword: _n, code: _c, ...rest } = inputs;
	return rest;
}

export function stripId( request: AuthRequest ): NewRequest {
	const { id: _id, ...rest } = request;
	return rest as NewRequest;
}

/**
 * The fields every state shares, for moving to a step with different step-specific fields.
 * @param state
 */
export function base( state: AuthState ) {
	const { inputs, options, error, request, failed, seq } = state;
	return { inputs, options, error, request, failed, seq };
}

export function toSignIn( state: AuthState, error: AuthError ): AuthState {
	return {
		...base( state ),
		step: 'signIn',
		inputs: withoutSecrets( state.inputs ),
		error,
		failed: undefined,
	};
}
