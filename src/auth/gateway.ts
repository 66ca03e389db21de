/**
 * What the flow needs from Cognito, as promises of typed results. The machine and its tests only know this
 * interface; cognito-gateway.ts implements it on amazon-cognito-identity-js.
 *
 * Implementations keep the user being signed in between `signIn` and the challenge answers (Cognito ties them
 * with a short-lived session), and reject with errors that `normalizeError` understands (`code`/`name` set to the
 * Cognito exception name, 'NetworkError' or 'TimeoutError').
 */
import type { CodeDelivery, MfaType, SignInResult } from './types';

export interface SignUpInput {
	username: string;
	password: string;
	/** Standard and `custom:*` attributes, by Cognito name. */
	attributes: Record< string, string >;
}

export interface SignUpResult {
	/** False when the pool wants a confirmation code first. */
	confirmed: boolean;
	delivery?: CodeDelivery;
}

export interface AuthGateway {
	/** SRP sign-in (InitiateAuth USER_SRP_AUTH + PASSWORD_VERIFIER): the password never leaves the browser. */
	signIn: ( input: {
		username: string;
		password: string;
	} ) => Promise< SignInResult >;
	/** NEW_PASSWORD_REQUIRED; `attributes` holds only the attributes Cognito asked for. */
	completeNewPassword: ( input: {
		newPassword: string;
		attributes: Record< string, string >;
	} ) => Promise< SignInResult >;
	/** SMS_MFA or SOFTWARE_TOKEN_MFA. */
	sendMfaCode: ( input: {
		code: string;
		mfaType: MfaType;
	} ) => Promise< SignInResult >;
	/** SELECT_MFA_TYPE. */
	selectMfaType: ( input: { mfaType: MfaType } ) => Promise< SignInResult >;
	/** MFA_SETUP, first half: the secret to show as text and QR code. */
	associateTotp: () => Promise< { secret: string } >;
	/** MFA_SETUP, second half: checks the first code and finishes the sign-in. */
	verifyTotp: ( input: {
		code: string;
		deviceName?: string;
	} ) => Promise< SignInResult >;
	signUp: ( input: SignUpInput ) => Promise< SignUpResult >;
	confirmSignUp: ( input: {
		username: string;
		code: string;
	} ) => Promise< void >;
	resendCode: ( input: {
		username: string;
	} ) => Promise< { delivery?: CodeDelivery } >;
	forgotPassword: ( input: {
		username: string;
	} ) => Promise< { delivery?: CodeDelivery } >;
	confirmForgotPassword: ( input: {
		username: string;
		code: string;
		newPassword: string;
	} ) => Promise< void >;
	/** Forgets the pending challenge and every cached token (local sign-out; no network needed). */
	signOut: () => Promise< void >;
}
