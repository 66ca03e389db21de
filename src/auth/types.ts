/**
 * Data shapes of the account flow: steps, inputs, requests (effects described as data), events and state.
 *
 * The machine never performs I/O. A transition may put a `request` into the state; the runner (runner.ts,
 * with account-flow.ts's `execute`) performs it through the injected gateway / session service and feeds the
 * outcome back as a RESOLVED or REJECTED event carrying the request id, so stale or duplicated answers are
 * ignored.
 */
import type { AuthError } from './errors';
import type { FlowAnswer } from './flow';

export type MfaType = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA';

/** Where Cognito sent a code (masked by Cognito, e.g. "a***@e***"). */
export interface CodeDelivery {
	medium?: string;
	destination?: string;
	attributeName?: string;
}

export interface AuthTokens {
	idToken: string;
	accessToken: string;
	refreshToken?: string;
}

/** What a sign-in or a challenge answer can lead to. */
export type SignInResult =
	| { type: 'signedIn'; tokens: AuthTokens }
	| {
			type: 'newPasswordRequired';
			requiredAttributes: string[];
			userAttributes: Record< string, string >;
	  }
	| { type: 'mfaRequired'; delivery?: CodeDelivery }
	| { type: 'totpRequired' }
	| { type: 'selectMfaType'; options: MfaType[] }
	| { type: 'mfaSetup'; options: MfaType[] }
	| { type: 'customChallenge' };

/** Steps a view switches on. */
export type AuthStep =
	| 'signIn'
	| 'newPassword'
	| 'smsMfa'
	| 'totpMfa'
	| 'selectMfa'
	| 'totpSetup'
	| 'signUp'
	| 'confirmSignUp'
	| 'forgotPassword'
	| 'confirmResetPassword'
	| 'done';

/** Steps a form may start on or link to. */
export type EntryStep = 'signIn' | 'signUp' | 'forgotPassword';

/**
 * What the visitor typed, kept across errors so views can restore it. Passwords live only here, in memory,
 * for the automatic sign-in that follows sign-up, confirmation or reset; they are dropped once tokens arrive.
 */
export interface AuthInputs {
	username: string;
	password?: string;
	newPassword?: string;
	code?: string;
	attributes: Record< string, string >;
	remember: boolean;
}

/** A side effect described as data; `id` ties the outcome to the request that asked for it. */
export type AuthRequest = { id: number } & (
	| { kind: 'signIn'; username: string; password: string }
	| {
			kind: 'completeNewPassword';
			newPassword: string;
			attributes: Record< string, string >;
	  }
	| { kind: 'sendMfaCode'; code: string; mfaType: MfaType }
	| { kind: 'selectMfaType'; mfaType: MfaType }
	| { kind: 'associateTotp' }
	| { kind: 'verifyTotp'; code: string }
	| {
			kind: 'signUp';
			username: string;
			password: string;
			attributes: Record< string, string >;
	  }
	| { kind: 'confirmSignUp'; username: string; code: string }
	| { kind: 'resendCode'; username: string }
	| { kind: 'forgotPassword'; username: string }
	| {
			kind: 'confirmForgotPassword';
			username: string;
			code: string;
			newPassword: string;
	  }
	| {
			kind: 'createSession';
			idToken: string;
			refreshToken?: string;
			remember: boolean;
			redirectTo: string;
	  }
);

export type AuthRequestKind = AuthRequest[ 'kind' ];

/** Outcomes the runner reports back, one shape per family of requests. */
export type AuthOutcome =
	| { kind: 'signIn'; result: SignInResult }
	| { kind: 'totpSecret'; secret: string }
	| { kind: 'signUp'; confirmed: boolean; delivery?: CodeDelivery }
	| { kind: 'codeSent'; delivery?: CodeDelivery }
	| { kind: 'confirmed' }
	| { kind: 'session'; redirectTo: string };

/** Events sent by views. */
export type UserEvent =
	| {
			type: 'SUBMIT_SIGN_IN';
			username: string;
			password: string;
			remember?: boolean;
	  }
	| {
			type: 'SUBMIT_NEW_PASSWORD';
			newPassword: string;
			attributes?: Record< string, string >;
	  }
	/** The one-time code of confirmSignUp, smsMfa, totpMfa and totpSetup. */
	| { type: 'SUBMIT_CODE'; code: string }
	| { type: 'SELECT_MFA'; mfaType: MfaType }
	| {
			type: 'SUBMIT_SIGN_UP';
			username: string;
			password: string;
			attributes?: Record< string, string >;
	  }
	| { type: 'RESEND_CODE' }
	| { type: 'SUBMIT_FORGOT_PASSWORD'; username: string }
	| { type: 'SUBMIT_RESET_PASSWORD'; code: string; newPassword: string }
	| { type: 'GO_TO'; step: EntryStep }
	| { type: 'RETRY' };

/** Events sent by the runner. */
export type RunnerEvent = FlowAnswer< AuthOutcome >;

export type AuthEvent = UserEvent | RunnerEvent;

/** Settings fixed for the lifetime of one form. */
export interface AuthOptions {
	/** Minimum delay between two "send the code again" requests. */
	resendCooldownMs: number;
	/** Where WordPress should send the visitor after sign-in (validated server-side). */
	redirectTo: string;
	/** Shown by authenticator apps next to the account (otpauth issuer). */
	totpIssuer: string;
}

interface StateBase {
	inputs: AuthInputs;
	options: AuthOptions;
	error?: AuthError;
	/** The request in flight; while set the form is busy and submissions are ignored. */
	request?: AuthRequest;
	/** The last request that failed with a retryable error; RETRY runs it again. */
	failed?: AuthRequest;
	/** Last issued request id. */
	seq: number;
}

export type AuthState = StateBase &
	(
		| { step: 'signIn' }
		| { step: 'signUp' }
		| { step: 'forgotPassword' }
		| { step: 'newPassword'; requiredAttributes: string[] }
		| { step: 'smsMfa'; delivery?: CodeDelivery }
		| { step: 'totpMfa' }
		| { step: 'selectMfa'; mfaOptions: MfaType[] }
		| { step: 'totpSetup'; secret?: string; otpauthUri?: string }
		| {
				step: 'confirmSignUp';
				delivery?: CodeDelivery;
				resendAvailableAt: number;
		  }
		| {
				step: 'confirmResetPassword';
				delivery?: CodeDelivery;
				resendAvailableAt: number;
		  }
		| { step: 'done'; redirectTo: string }
	);

export type StateOf< S extends AuthStep > = Extract< AuthState, { step: S } >;
