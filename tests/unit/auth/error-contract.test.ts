/**
 * The session endpoint's error contract (contract/session-errors.json) as the browser reads it: every code PHP can
 * send (tests/php/unit/Rest/ErrorContractTest.php checks the file is complete) reaches the visitor as the right
 * message, with retry offered only where sending again can help.
 */
import { describe, expect, it } from 'vitest';
import contract from '../../../contract/session-errors.json';
import { ERROR_TABLE, normalizeError } from '../../../src/auth/errors';
import { MESSAGES } from '../../../src/auth/error-codes';
import { SessionError } from '../../../src/auth/session';

const entries = Object.entries( contract.codes );

describe( 'session error contract', () => {
	it( 'lists codes', () => {
		expect( entries.length ).toBeGreaterThan( 10 );
	} );

	it.each( entries )(
		'%s maps to a browser code with a message and the same retry advice',
		( name, entry ) => {
			expect( ERROR_TABLE[ name ], name ).toBe( entry.browser );
			expect(
				Object.prototype.hasOwnProperty.call( MESSAGES, entry.browser ),
				`no message for ${ entry.browser }`
			).toBe( true );
			const error = normalizeError(
				new SessionError( name, name, entry.status )
			);
			expect( error.code ).toBe( entry.browser );
			expect( error.code ).not.toBe( 'unknown' );
			expect( error.retryable ).toBe( entry.retryable );
			expect( error.message ).not.toBe( '' );
		}
	);

	const NOT_ALLOWED = 'Your account is not allowed to sign in to this site.';
	it.each( [
		[
			'cognito_blocks_creation_disabled',
			'New accounts are not created on this site. If you already have an account here, ask the site administrator to connect it to your sign-in.',
		],
		[
			'cognito_blocks_account_exists',
			'An account with your email address already exists on this site. Ask the site administrator to connect it to your sign-in.',
		],
		[
			'cognito_blocks_user_not_created',
			'We could not create your account on this site. Contact the site administrator.',
		],
		[
			'cognito_blocks_identity_conflict',
			'Your sign-in is connected to more than one account on this site. Contact the site administrator.',
		],
		[
			'cognito_blocks_login_interrupted',
			'Sign-in could not be completed here. Please use the site’s login page.',
		],
		[ 'cognito_blocks_login_not_allowed', NOT_ALLOWED ],
		[ 'cognito_blocks_no_role', NOT_ALLOWED ],
	] )( 'refusal %s tells the visitor: %s', ( name, expected ) => {
		expect(
			normalizeError( new SessionError( name, name, 403 ) ).message
		).toBe( expected );
	} );

	it( 'does not offer a retry when the site is not configured, and does when it is busy or rate limited', () => {
		const notConfigured = normalizeError(
			new SessionError(
				'cognito_blocks_not_configured',
				'not configured',
				503
			)
		);
		expect( notConfigured ).toMatchObject( {
			code: 'configuration',
			retryable: false,
		} );
		expect( notConfigured.message ).toBe(
			'Sign-in is not configured correctly on this site. Contact the site administrator.'
		);
		// Rate limited: says when to try again when the server said; otherwise the general advice.
		const limited = normalizeError(
			new SessionError( 'cognito_blocks_rate_limited', 'x', 429, 300 )
		);
		expect( limited ).toMatchObject( {
			code: 'too_many_requests',
			retryable: true,
			retryAfter: 300,
			message: 'Too many attempts. Try again in 5 minutes.',
		} );
		expect(
			normalizeError(
				new SessionError( 'cognito_blocks_rate_limited', 'x', 429, 61 )
			).message
		).toBe( 'Too many attempts. Try again in 2 minutes.' );
		expect(
			normalizeError(
				new SessionError( 'cognito_blocks_rate_limited', 'x', 429, 1 )
			).message
		).toBe( 'Too many attempts. Try again in 1 second.' );
		expect(
			normalizeError(
				new SessionError( 'cognito_blocks_rate_limited', 'x', 429 )
			).message
		).toBe( 'Too many requests right now. Wait a moment, then try again.' );
		// A refusal is not made retryable by a wait it happens to carry.
		expect(
			normalizeError(
				new SessionError(
					'cognito_blocks_account_exists',
					'x',
					403,
					60
				)
			)
		).toMatchObject( { retryable: false } );
		for ( const [ name, status ] of [
			[ 'cognito_blocks_busy', 503 ],
			[ 'cognito_blocks_rate_limited', 429 ],
			[ 'cognito_blocks_keys_unavailable', 503 ],
		] as const ) {
			expect(
				normalizeError( new SessionError( name, name, status ) )
					.retryable,
				name
			).toBe( true );
		}
	} );
} );
