/**
 * The view-facing summary of a state: what to show (step), what to restore (context, without passwords),
 * what went wrong (error) and whether the form is waiting (busy). Views switch on `step` and never look inside
 * requests, so the machine can change without touching them.
 */
import type { FlowFacade } from './flow';
import type { AuthState, AuthStep, CodeDelivery, MfaType } from './types';

export interface AuthContext {
	username: string;
	attributes: Record< string, string >;
	remember: boolean;
	code?: string;
	/** Where the current code was sent (confirm, SMS MFA, reset). */
	delivery?: CodeDelivery;
	/** newPassword step: attributes Cognito requires before the account can be used. */
	requiredAttributes?: string[];
	/** selectMfa step. */
	mfaOptions?: MfaType[];
	/** totpSetup step: the secret as text, and the URI to encode as a QR code. */
	totpSecret?: string;
	otpauthUri?: string;
	/** confirm steps: epoch ms from which "send the code again" is accepted. */
	resendAvailableAt?: number;
	/** done step. */
	redirectTo?: string;
}

/** `canRetry`: the last error can be fixed by sending RETRY (the same request again). */
export type AuthFacade = FlowFacade< AuthStep, AuthContext >;

export function toFacade( state: AuthState ): AuthFacade {
	const { username, attributes, remember, code } = state.inputs;
	const context: AuthContext = { username, attributes, remember, code };
	switch ( state.step ) {
		case 'newPassword':
			context.requiredAttributes = state.requiredAttributes;
			break;
		case 'smsMfa':
			context.delivery = state.delivery;
			break;
		case 'selectMfa':
			context.mfaOptions = state.mfaOptions;
			break;
		case 'totpSetup':
			context.totpSecret = state.secret;
			context.otpauthUri = state.otpauthUri;
			break;
		case 'confirmSignUp':
		case 'confirmResetPassword':
			context.delivery = state.delivery;
			context.resendAvailableAt = state.resendAvailableAt;
			break;
		case 'done':
			context.redirectTo = state.redirectTo;
			break;
		default:
			break;
	}
	return {
		step: state.step,
		context,
		error: state.error
			? { code: state.error.code, message: state.error.message }
			: undefined,
		busy: state.request !== undefined,
		canRetry: state.failed !== undefined && state.request === undefined,
	};
}
