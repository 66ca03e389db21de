/**
 * One table from every error name the flow can meet (Cognito `__type`/`code`, network failures, WordPress
 * session-endpoint codes) to a stable code, a translated message and whether retrying the same request
 * can help. Views show `message`; logic branches on `code`, never on Cognito's English text.
 */
import sessionErrors from '../../contract/session-errors.json';
import {
	MESSAGES,
	retryLaterMessage,
	type AuthError,
	type AuthErrorCode,
} from './error-codes';

export type { AuthError, AuthErrorCode } from './error-codes';

const RETRYABLE = new Set< AuthErrorCode >( [
	'network',
	'too_many_requests',
	'service_unavailable',
	'code_delivery_failed',
] );

/**
 * The session endpoint's codes → browser codes, from contract/session-errors.json (PHP's tests check that file
 * lists every code php/ can send; ours that each maps to a code with a message and the same retry advice).
 */
function sessionCodes(): Record< string, AuthErrorCode > {
	const table: Record< string, AuthErrorCode > = {};
	for ( const [ name, entry ] of Object.entries( sessionErrors.codes ) ) {
		table[ name ] = entry.browser as AuthErrorCode;
	}
	return table;
}

/** Error names (Cognito exceptions, library/network names, WordPress REST codes) → stable code. */
export const ERROR_TABLE: Readonly< Record< string, AuthErrorCode > > = {
	NotAuthorizedException: 'not_authorized',
	UserNotFoundException: 'not_authorized',
	UserNotConfirmedException: 'user_not_confirmed',
	UsernameExistsException: 'username_exists',
	AliasExistsException: 'alias_exists',
	CodeMismatchException: 'code_mismatch',
	ExpiredCodeException: 'code_expired',
	InvalidPasswordException: 'invalid_password',
	PasswordHistoryPolicyViolationException: 'password_reused',
	InvalidParameterException: 'invalid_parameter',
	LimitExceededException: 'limit_exceeded',
	TooManyRequestsException: 'too_many_requests',
	TooManyFailedAttemptsException: 'too_many_attempts',
	PasswordResetRequiredException: 'password_reset_required',
	CodeDeliveryFailureException: 'code_delivery_failed',
	EnableSoftwareTokenMFAException: 'totp_code_mismatch',
	SoftwareTokenMFANotFoundException: 'mfa_not_available',
	MFAMethodNotFoundException: 'mfa_not_available',
	UserLambdaValidationException: 'validation_failed',
	InvalidLambdaResponseException: 'service_unavailable',
	UnexpectedLambdaException: 'service_unavailable',
	InternalErrorException: 'service_unavailable',
	InvalidSmsRoleAccessPolicyException: 'code_delivery_failed',
	InvalidSmsRoleTrustRelationshipException: 'code_delivery_failed',
	InvalidEmailRoleAccessPolicyException: 'code_delivery_failed',
	InvalidUserPoolConfigurationException: 'configuration',
	ResourceNotFoundException: 'configuration',
	UnsupportedOperationException: 'configuration',
	ForbiddenException: 'forbidden',
	// The profile found no usable Cognito session in this browser.
	NoCognitoSession: 'reauth_required',
	// Raised by amazon-cognito-identity-js when fetch fails, and by our own timeout.
	NetworkError: 'network',
	TimeoutError: 'network',
	AbortError: 'network',
	// Codes of the session client in src/wp when no WP_Error body came back.
	network: 'network',
	timeout: 'network',
	invalid_response: 'session_rejected',
	// Every code of the WordPress session endpoint (php/Rest), from the contract both languages read.
	...sessionCodes(),
	// Core REST codes.
	rest_cookie_invalid_nonce: 'session_rejected',
	rest_invalid_param: 'session_rejected',
	rest_missing_callback_param: 'session_rejected',
	rest_invalid_json: 'session_rejected',
	rest_forbidden: 'login_denied',
	rest_no_route: 'configuration',
	rest_disabled: 'configuration',
};

/**
 * NotAuthorizedException covers several situations Cognito tells apart only by message; these are the ones a
 * visitor can act on. Anything else (wrong password, "User is disabled.", revoked token) stays generic.
 */
const NOT_AUTHORIZED_VARIANTS: ReadonlyArray< [ RegExp, AuthErrorCode ] > = [
	[ /password attempts exceeded/i, 'too_many_attempts' ],
	[ /temporary password has expired/i, 'temporary_password_expired' ],
	[ /invalid session|session is expired/i, 'session_expired' ],
	[ /current status is confirmed/i, 'already_confirmed' ],
	[ /unauthorized attribute/i, 'attribute_not_writable' ],
];

/**
 * Where the error happened. In code-based steps (confirm, reset) an unknown user must read like a bad code,
 * not like a bad password, and still reveal nothing.
 */
export type ErrorContext = 'credentials' | 'code' | 'password';

export function authError( code: AuthErrorCode, source?: string ): AuthError {
	return {
		code,
		message: MESSAGES[ code ](),
		retryable: RETRYABLE.has( code ),
		source,
	};
}

function isAuthError( raw: unknown ): raw is AuthError {
	const r = raw as Partial< AuthError > | null;
	return (
		typeof r === 'object' &&
		r !== null &&
		typeof r.code === 'string' &&
		Object.prototype.hasOwnProperty.call( MESSAGES, r.code ) &&
		typeof r.message === 'string' &&
		typeof r.retryable === 'boolean'
	);
}

function nameOf( raw: unknown ): { name?: string; message: string } {
	if ( typeof raw === 'string' ) {
		return { name: raw, message: '' };
	}
	if ( ! raw || typeof raw !== 'object' ) {
		return { message: '' };
	}
	const r = raw as Record< string, unknown >;
	const message = typeof r.message === 'string' ? r.message : '';
	// Cognito JSON bodies carry "__type": "com.amazonaws…#NotAuthorizedException"; keep the last segment.
	for ( const key of [ 'code', '__type', 'name' ] ) {
		const value = r[ key ];
		if ( typeof value === 'string' && value !== '' && value !== 'Error' ) {
			return { name: value.split( '#' ).pop(), message };
		}
	}
	return { message };
}

/**
 * An HTTP answer without a known code (a proxy's error page, `http_502` from the session client): judged by
 * status, so outages stay retryable and refusals do not.
 * @param raw
 * @param name
 */
function byStatus( raw: unknown, name?: string ): AuthErrorCode | undefined {
	const fromName = /^http_(\d{3})$/.exec( name ?? '' )?.[ 1 ];
	const field = ( raw as { status?: unknown } | null )?.status;
	let status = typeof field === 'number' ? field : 0;
	if ( fromName ) {
		status = Number( fromName );
	}
	if ( status === 429 ) {
		return 'too_many_requests';
	}
	if ( status >= 500 ) {
		return 'service_unavailable';
	}
	if ( status >= 400 ) {
		return 'session_rejected';
	}
	return undefined;
}

/**
 * Turns anything thrown by the gateway or the session service into an AuthError.
 * @param raw
 * @param context
 */
export function normalizeError(
	raw: unknown,
	context: ErrorContext = 'credentials'
): AuthError {
	if ( isAuthError( raw ) ) {
		return raw; // already one of ours (a flow's own refusal, e.g. wrong_account)
	}
	const { name, message } = nameOf( raw );
	let code: AuthErrorCode | undefined = name
		? ERROR_TABLE[ name ]
		: undefined;

	if ( code === undefined && raw instanceof TypeError ) {
		code = 'network'; // fetch rejects with a TypeError when the request never got an answer
	} else if (
		code === undefined &&
		/network error|failed to fetch|timed? ?out/i.test( message )
	) {
		code = 'network';
	} else if ( code === undefined && name?.startsWith( 'rest_' ) ) {
		code = 'session_rejected';
	} else if ( code === undefined ) {
		code = byStatus( raw, name );
	}

	if ( code === 'not_authorized' ) {
		const variant = NOT_AUTHORIZED_VARIANTS.find( ( [ pattern ] ) =>
			pattern.test( message )
		);
		if ( variant ) {
			code = variant[ 1 ];
		}
	}
	if ( code === 'not_authorized' && context === 'code' ) {
		code = 'code_mismatch';
	}
	if (
		code === 'not_authorized' &&
		context === 'password' &&
		/incorrect username or password/i.test( message )
	) {
		code = 'wrong_password'; // a password change: the current password was wrong (not a revoked token)
	}
	const error = authError( code ?? 'unknown', name );
	const wait = ( raw as { retryAfter?: unknown } | null )?.retryAfter;
	if (
		error.retryable &&
		typeof wait === 'number' &&
		Number.isFinite( wait ) &&
		wait > 0
	) {
		error.retryAfter = Math.ceil( wait );
		error.message = retryLaterMessage( error.retryAfter );
	}
	return error;
}
