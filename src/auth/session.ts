/**
 * The hand-off to WordPress, implemented in src/wp (POST /wp-json/cognito-blocks/v1/session). Declared here so
 * the flow can finish with `done` and tests can pass a fake.
 */
export interface CreateSessionInput {
	idToken: string;
	remember: boolean;
	/** Requested destination; WordPress validates it and answers with the one to use. */
	redirectTo: string;
	/** The same sign-in's refresh token: WordPress keeps it (encrypted) and checks it with Cognito now and then. */
	refreshToken?: string;
	/** The sign-in went through the hosted UI (so WordPress's sign-out may end the hosted UI's session too). */
	hostedUi?: boolean;
}

export interface SessionService {
	/**
	 * Resolves with the validated redirect once WordPress has set its auth cookies. Rejects with an object whose
	 * `code` is the WP_Error code (e.g. 'cognito_blocks_invalid_token', 'cognito_blocks_rate_limited') or a
	 * network error; the machine maps both through errors.ts.
	 */
	createSession: (
		input: CreateSessionInput
	) => Promise< { redirectTo: string } >;
}

/** Convenience for implementations: an Error carrying a WP_Error code and HTTP status. */
export class SessionError extends Error {
	readonly code: string;
	readonly status?: number;
	/** Seconds the server asked the client to wait before trying again (a 429's `retryAfter` or Retry-After). */
	readonly retryAfter?: number;

	constructor(
		code: string,
		message = code,
		status?: number,
		retryAfter?: number
	) {
		super( message );
		this.name = 'SessionError';
		this.code = code;
		this.status = status;
		this.retryAfter = retryAfter;
	}
}
