import type { Store } from './store';
import type { Keys } from './tokens';
import type { SrpServerState } from './srp';

/** Emulator time: the real clock plus an offset that tests move forward to expire codes and sessions. */
export class Clock {
	offsetMs = 0;
	now(): number {
		return Date.now() + this.offsetMs;
	}
}

/**
 * A sign-in in progress between InitiateAuth and the final token response. Kept in memory only: Cognito
 * sessions live minutes, so losing them on restart is what a client would see from Cognito too.
 */
export interface AuthSession {
	id: string;
	poolId: string;
	clientId: string;
	username: string;
	expiresAt: number;
	/** The challenge this session may answer next. */
	challenge: string;
	srp?: SrpServerState;
	/** SRP against an unknown user (PreventUserExistenceErrors): always fails at the claim. */
	fake?: boolean;
	wrongAttempts: number;
	/** MFA_SETUP: secret handed out by AssociateSoftwareToken, and whether VerifySoftwareToken passed. */
	pendingTotpSecret?: string;
	totpVerified?: boolean;
}

/** An OAuth authorization code: single use, five minutes, bound to its client, redirect and PKCE challenge. */
export interface AuthCode {
	poolId: string;
	clientId: string;
	username: string;
	redirectUri: string;
	codeChallenge: string;
	scopes: string[];
	nonce?: string;
	expiresAt: number;
}

/** What the simulated identity provider hands back to /oauth2/idpresponse: who signed in there. */
export interface IdpCode {
	provider: string;
	email: string;
	name: string;
	emailVerified: boolean;
	expiresAt: number;
}

export interface Ctx {
	store: Store;
	authCodes: Map< string, AuthCode >;
	idpCodes: Map< string, IdpCode >;
	clock: Clock;
	keys: Keys;
	sessions: Map< string, AuthSession >;
	/** Issuer base: http://127.0.0.1:<port> or --public-url. */
	baseUrl: string;
	/**
	 * Browser origins allowed to call the public API (besides the emulator's own pages); null: any loopback
	 * origin (http://127.0.0.1:*, http://localhost:*, http://[::1]:*).
	 */
	allowedOrigins: ReadonlySet< string > | null;
	log: ( line: string ) => void;
}

/** What the HTTP layer tells an operation about the request. */
export interface RequestInfo {
	loopback: boolean;
	signed: boolean;
}

export type Input = Record< string, unknown >;
export type Operation = ( ctx: Ctx, input: Input, req: RequestInfo ) => unknown;
