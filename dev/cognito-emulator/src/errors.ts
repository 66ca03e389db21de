/**
 * Every error the emulator can return, in one table, with Cognito's own exception names and messages.
 * Clients (amazon-cognito-identity-js, the AWS SDK, the plugin's error normaliser) switch on `__type` and
 * sometimes on the message, so both are copied from what Cognito answers.
 */
export const ERRORS = {
	badCredentials: [
		'NotAuthorizedException',
		'Incorrect username or password.',
	],
	userDisabled: [ 'NotAuthorizedException', 'User is disabled.' ],
	flowNotEnabled: [
		'InvalidParameterException',
		'USER_PASSWORD_AUTH flow not enabled for this client',
	],
	accessRevoked: [
		'NotAuthorizedException',
		'Access Token has been revoked',
	],
	refreshRevoked: [
		'NotAuthorizedException',
		'Refresh Token has been revoked',
	],
	invalidAccessToken: [ 'NotAuthorizedException', 'Invalid Access Token' ],
	invalidRefreshToken: [ 'NotAuthorizedException', 'Invalid Refresh Token' ],
	// The API reference names this exception for a token that refresh token rotation has invalidated.
	refreshReused: [
		'RefreshTokenReuseException',
		'Refresh Token has been invalidated by refresh token rotation.',
	],
	unauthorizedAttribute: [
		'NotAuthorizedException',
		'A client attempted to write unauthorized attribute',
	],
	accessExpired: [ 'NotAuthorizedException', 'Access Token has expired' ],
	sessionExpired: [
		'NotAuthorizedException',
		'Invalid session for the user, session is expired.',
	],
	sessionReused: [
		'NotAuthorizedException',
		'Invalid session for the user, session can only be used once.',
	],
	sessionInvalid: [
		'NotAuthorizedException',
		'Invalid session for the user.',
	],
	tempPasswordExpired: [
		'NotAuthorizedException',
		'Temporary password has expired and must be reset by an administrator.',
	],
	cannotResetUnconfirmed: [
		'NotAuthorizedException',
		'User password cannot be reset in the current state.',
	],
	alreadyConfirmed: [
		'NotAuthorizedException',
		'User cannot be confirmed. Current status is CONFIRMED',
	],
	resetRequired: [
		'PasswordResetRequiredException',
		'Password reset required for the user',
	],
	notConfirmed: [ 'UserNotConfirmedException', 'User is not confirmed.' ],
	userExists: [ 'UsernameExistsException', 'User already exists' ],
	emailExists: [
		'AliasExistsException',
		'An account with the given email already exists.',
	],
	userNotFound: [ 'UserNotFoundException', 'User does not exist.' ],
	userClientNotFound: [
		'UserNotFoundException',
		'Username/client id combination not found.',
	],
	codeMismatch: [
		'CodeMismatchException',
		'Invalid verification code provided, please try again.',
	],
	mfaCodeMismatch: [
		'CodeMismatchException',
		'Invalid code or auth state for the user.',
	],
	totpMismatch: [ 'CodeMismatchException', 'Invalid code received for user' ],
	totpSetupMismatch: [ 'EnableSoftwareTokenMFAException', 'Code mismatch' ],
	codeExpired: [
		'ExpiredCodeException',
		'Invalid code provided, please request a code again.',
	],
	attemptLimit: [
		'LimitExceededException',
		'Attempt limit exceeded, please try after some time.',
	],
	passwordPolicy: [
		'InvalidPasswordException',
		'Password did not conform with policy: ',
	],
	invalidParameter: [ 'InvalidParameterException', 'Invalid parameter' ],
	missingParameter: [
		'InvalidParameterException',
		'Missing required parameter ',
	],
	poolNotFound: [ 'ResourceNotFoundException', 'User pool does not exist.' ],
	clientNotFound: [
		'ResourceNotFoundException',
		'User pool client does not exist.',
	],
	groupNotFound: [ 'ResourceNotFoundException', 'Group not found.' ],
	groupExists: [
		'GroupExistsException',
		'A group with the name already exists.',
	],
	softwareTokenNotFound: [
		'SoftwareTokenMFANotFoundException',
		'Software Token MFA has not been enabled by the user.',
	],
	unsupportedToken: [
		'UnsupportedTokenTypeException',
		'Unsupported token type.',
	],
	unsupportedUserState: [
		'UnsupportedUserStateException',
		'Unsupported user state.',
	],
	unknownOperation: [ 'UnknownOperationException', 'Unknown operation' ],
	missingAuth: [
		'MissingAuthenticationTokenException',
		'Missing Authentication Token',
	],
	forbidden: [
		'AccessDeniedException',
		'Admin operations are accepted only from loopback.',
	],
	serialization: [
		'SerializationException',
		'Could not parse the request body as JSON.',
	],
	internal: [ 'InternalErrorException', 'Internal error.' ],
	duplicateProvider: [ 'DuplicateProviderException', 'Duplicate provider.' ],
	providerNotFound: [
		'ResourceNotFoundException',
		'Identity provider does not exist.',
	],
	// What Cognito answers a password sign-in of a federated (EXTERNAL_PROVIDER) user.
	externalUser: [
		'NotAuthorizedException',
		'User is not authorized to get auth details.',
	],
} as const;

export type ErrorKey = keyof typeof ERRORS;

/** A Cognito service error; the server turns it into HTTP 400 `{ __type, message }`. */
export class CognitoError extends Error {
	readonly type: string;
	constructor( type: string, message: string ) {
		super( message );
		this.type = type;
	}
}

/**
 * Builds the error for a table key. `detail` is appended to messages that end in ": " or " " (policy text,
 * parameter names) and replaces the message otherwise, keeping the exception name from the table.
 */
export function cognitoError( key: ErrorKey, detail?: string ): CognitoError {
	const [ type, message ] = ERRORS[ key ];
	if ( detail === undefined ) {
		return new CognitoError( type, message );
	}
	return new CognitoError(
		type,
		/[: ]$/.test( message ) ? message + detail : detail
	);
}
