import { setLocaleData } from '@wordpress/i18n';
import { afterEach, describe, expect, it } from 'vitest';
import {
	ERROR_TABLE,
	authError,
	normalizeError,
	type AuthErrorCode,
} from '../../../src/auth/errors';
import { TimeoutError } from '../../../src/auth/clock';
import { cognitoError } from './fakes';

const COGNITO_NAMES = [
	'NotAuthorizedException',
	'UserNotFoundException',
	'UserNotConfirmedException',
	'UsernameExistsException',
	'CodeMismatchException',
	'ExpiredCodeException',
	'InvalidPasswordException',
	'InvalidParameterException',
	'LimitExceededException',
	'TooManyRequestsException',
	'TooManyFailedAttemptsException',
	'PasswordResetRequiredException',
	'CodeDeliveryFailureException',
	'EnableSoftwareTokenMFAException',
	'AliasExistsException',
	'UserLambdaValidationException',
	'NetworkError',
];

const WORDPRESS_CODES: Record< string, AuthErrorCode > = {
	cognito_blocks_invalid_token: 'session_rejected',
	cognito_blocks_bad_origin: 'bad_origin',
	cognito_blocks_rate_limited: 'too_many_requests',
	cognito_blocks_keys_unavailable: 'service_unavailable',
	cognito_blocks_login_not_allowed: 'login_denied',
	cognito_blocks_creation_disabled: 'creation_disabled',
	cognito_blocks_not_configured: 'configuration',
};

describe( 'error table', () => {
	it.each( Object.entries( ERROR_TABLE ) )(
		'maps %s to %s with a message',
		( name, code ) => {
			const error = normalizeError(
				cognitoError( name, 'whatever the service said' )
			);
			expect( error.code ).toBe( code );
			expect( error.message ).not.toBe( '' );
			expect( error.message ).not.toContain(
				'whatever the service said'
			);
			expect( error.source ).toBe( name );
		}
	);

	it( 'covers every Cognito name the flow can meet', () => {
		for ( const name of COGNITO_NAMES ) {
			expect( ERROR_TABLE[ name ], name ).toBeDefined();
			expect( normalizeError( cognitoError( name ) ).code ).not.toBe(
				'unknown'
			);
		}
	} );

	it.each( Object.entries( WORDPRESS_CODES ) )(
		'maps the session endpoint code %s to %s',
		( wpCode, code ) => {
			// Shape of a WP_Error JSON body as src/wp passes it on.
			expect(
				normalizeError( {
					code: wpCode,
					message: 'Server text',
					data: { status: 401 },
				} ).code
			).toBe( code );
		}
	);

	it( 'maps unknown names to a generic error', () => {
		const error = normalizeError(
			cognitoError( 'SomethingNewException', 'Internal details' )
		);
		expect( error ).toMatchObject( { code: 'unknown', retryable: false } );
		expect( error.message ).toBe( authError( 'unknown' ).message );
		expect( normalizeError( undefined ).code ).toBe( 'unknown' );
		expect( normalizeError( 42 ).code ).toBe( 'unknown' );
		expect( normalizeError( new Error( 'boom' ) ).code ).toBe( 'unknown' );
	} );

	it( 'maps other WordPress REST codes to a generic session error', () => {
		expect( normalizeError( { code: 'rest_something_else' } ).code ).toBe(
			'session_rejected'
		);
	} );

	it( 'reads the raw __type of a Cognito JSON body', () => {
		const body = {
			__type: 'com.amazonaws.cognito.identity.idp.model#CodeMismatchException',
			message: 'x',
		};
		expect( normalizeError( body ).code ).toBe( 'code_mismatch' );
	} );
} );

describe( 'session client codes', () => {
	it( 'maps the codes src/wp raises when no WP_Error body came back', () => {
		expect(
			normalizeError( { code: 'network', message: 'aborted' } )
		).toMatchObject( {
			code: 'network',
			retryable: true,
		} );
		expect( normalizeError( { code: 'invalid_response' } ).code ).toBe(
			'session_rejected'
		);
	} );

	it( 'judges unknown HTTP answers by status', () => {
		expect(
			normalizeError( { code: 'http_502', status: 502 } )
		).toMatchObject( {
			code: 'service_unavailable',
			retryable: true,
		} );
		expect( normalizeError( { code: 'http_429' } ).code ).toBe(
			'too_many_requests'
		);
		expect( normalizeError( { code: 'http_404' } ) ).toMatchObject( {
			code: 'session_rejected',
			retryable: false,
		} );
		expect( normalizeError( { code: 'odd', status: 503 } ).code ).toBe(
			'service_unavailable'
		);
	} );
} );

describe( 'no account enumeration', () => {
	const wrongPassword = normalizeError(
		cognitoError(
			'NotAuthorizedException',
			'Incorrect username or password.'
		)
	);

	it( 'words an unknown user exactly like a wrong password', () => {
		const unknownUser = normalizeError(
			cognitoError( 'UserNotFoundException', 'User does not exist.' )
		);
		expect( unknownUser.code ).toBe( wrongPassword.code );
		expect( unknownUser.message ).toBe( wrongPassword.message );
	} );

	it( 'words a disabled user like a wrong password', () => {
		expect(
			normalizeError(
				cognitoError( 'NotAuthorizedException', 'User is disabled.' )
			).message
		).toBe( wrongPassword.message );
	} );

	it( 'words an unknown user like a wrong code in code steps', () => {
		const badCode = normalizeError(
			cognitoError( 'CodeMismatchException' ),
			'code'
		);
		const unknownUser = normalizeError(
			cognitoError( 'UserNotFoundException' ),
			'code'
		);
		expect( unknownUser ).toMatchObject( {
			code: badCode.code,
			message: badCode.message,
		} );
	} );
} );

describe( 'special cases', () => {
	it( 'recognises the lock-out after too many wrong passwords', () => {
		expect(
			normalizeError(
				cognitoError(
					'NotAuthorizedException',
					'Password attempts exceeded'
				)
			).code
		).toBe( 'too_many_attempts' );
	} );

	it( 'recognises an expired challenge session and an expired temporary password', () => {
		expect(
			normalizeError(
				cognitoError(
					'NotAuthorizedException',
					'Invalid session for the user, session is expired.'
				)
			).code
		).toBe( 'session_expired' );
		expect(
			normalizeError(
				cognitoError(
					'NotAuthorizedException',
					'Temporary password has expired and must be reset by an administrator.'
				)
			).code
		).toBe( 'temporary_password_expired' );
	} );

	it( 'treats failed fetches and timeouts as retryable network errors', () => {
		for ( const raw of [
			new TypeError( 'Failed to fetch' ),
			new Error( 'Network error' ),
			new TimeoutError( 100 ),
		] ) {
			expect( normalizeError( raw ) ).toMatchObject( {
				code: 'network',
				retryable: true,
			} );
		}
	} );

	it( 'translates messages through the cognito-blocks text domain', () => {
		setLocaleData(
			{
				'Incorrect username or password.': [
					'Identifiant ou mot de passe incorrect.',
				],
			},
			'cognito-blocks'
		);
		expect(
			normalizeError( cognitoError( 'UserNotFoundException' ) ).message
		).toBe( 'Identifiant ou mot de passe incorrect.' );
	} );

	afterEach( () => setLocaleData( {}, 'cognito-blocks' ) );
} );
