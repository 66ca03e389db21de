import { describe, expect, it } from 'vitest';
import { toFacade } from '../../../src/auth/facade';
import { canResend } from '../../../src/auth/machine';
import { createAuthRunner } from '../../../src/auth/account-flow';
import {
	SIGNED_IN,
	cognitoError,
	fakeGateway,
	fakeSession,
	flush,
	manualClock,
	startFlow,
} from './fakes';

function setup( step: 'signIn' | 'signUp' = 'signUp' ) {
	return startFlow( { initial: { step, resendCooldownMs: 30_000 } } );
}

const SIGN_UP = {
	type: 'SUBMIT_SIGN_UP',
	username: 'bob@example.test',
	password: 'Chosen1!pw',
	attributes: {
		email: 'bob@example.test',
		'custom:company': 'Acme',
		nickname: '',
	},
} as const;

describe( 'sign-up', () => {
	it( 'signs up with custom attributes, confirms the code, then signs in with the chosen password', async () => {
		const { gateway, session, clock, runner, facade } = setup();
		gateway.signUp.mockResolvedValueOnce( {
			confirmed: false,
			delivery: { destination: 'b***@e***', medium: 'EMAIL' },
		} );

		runner.send( SIGN_UP );
		await flush();

		expect( gateway.signUp ).toHaveBeenCalledWith(
			expect.objectContaining( {
				username: 'bob@example.test',
				password: 'Chosen1!pw',
				attributes: SIGN_UP.attributes,
			} )
		);
		expect( facade() ).toMatchObject( {
			step: 'confirmSignUp',
			busy: false,
			context: {
				delivery: { destination: 'b***@e***' },
				resendAvailableAt: clock.now() + 30_000,
			},
		} );
		// The password is held in memory for the automatic sign-in, but never shown to views.
		expect( runner.getState().inputs.password ).toBe( 'Chosen1!pw' );
		expect( facade().context ).not.toHaveProperty( 'password' );

		gateway.confirmSignUp.mockResolvedValueOnce( undefined );
		gateway.signIn.mockResolvedValueOnce( SIGNED_IN );
		runner.send( { type: 'SUBMIT_CODE', code: '424242' } );
		await flush();

		expect( gateway.confirmSignUp ).toHaveBeenCalledWith(
			expect.objectContaining( {
				username: 'bob@example.test',
				code: '424242',
			} )
		);
		expect( gateway.signIn ).toHaveBeenCalledWith(
			expect.objectContaining( {
				username: 'bob@example.test',
				password: 'Chosen1!pw',
			} )
		);
		expect( session.createSession ).toHaveBeenCalledOnce();
		expect( facade().step ).toBe( 'done' );
		expect( runner.getState().inputs.password ).toBeUndefined();
	} );

	it( 'signs in straight away when the pool confirms automatically', async () => {
		const { gateway, runner, facade } = setup();
		gateway.signUp.mockResolvedValueOnce( { confirmed: true } );
		gateway.signIn.mockResolvedValueOnce( SIGNED_IN );
		runner.send( SIGN_UP );
		await flush();
		expect( gateway.signIn ).toHaveBeenCalledOnce();
		expect( facade().step ).toBe( 'done' );
	} );

	it( 'keeps the inputs when sign-up is refused', async () => {
		const { gateway, runner, facade } = setup();
		gateway.signUp.mockRejectedValueOnce(
			cognitoError(
				'InvalidPasswordException',
				'Password did not conform with policy'
			)
		);
		runner.send( SIGN_UP );
		await flush();
		expect( facade() ).toMatchObject( {
			step: 'signUp',
			busy: false,
			canRetry: false,
			error: { code: 'invalid_password' },
			context: {
				username: 'bob@example.test',
				attributes: { 'custom:company': 'Acme' },
			},
		} );
	} );

	it( 'treats "already confirmed" as confirmed and signs in', async () => {
		const { gateway, runner, facade } = setup();
		gateway.signUp.mockResolvedValueOnce( { confirmed: false } );
		runner.send( SIGN_UP );
		await flush();
		gateway.confirmSignUp.mockRejectedValueOnce(
			cognitoError(
				'NotAuthorizedException',
				'User cannot be confirmed. Current status is CONFIRMED'
			)
		);
		gateway.signIn.mockResolvedValueOnce( SIGNED_IN );
		runner.send( { type: 'SUBMIT_CODE', code: '1' } );
		await flush();
		expect( facade().step ).toBe( 'done' );
	} );

	it( 'keeps the code after a wrong code so it can be corrected', async () => {
		const { gateway, runner, facade } = setup();
		gateway.signUp.mockResolvedValueOnce( { confirmed: false } );
		runner.send( SIGN_UP );
		await flush();
		gateway.confirmSignUp.mockRejectedValueOnce(
			cognitoError( 'CodeMismatchException' )
		);
		runner.send( { type: 'SUBMIT_CODE', code: '999999' } );
		await flush();
		expect( facade() ).toMatchObject( {
			step: 'confirmSignUp',
			error: { code: 'code_mismatch' },
			context: { code: '999999' },
		} );
	} );
} );

describe( 'resend with cool-down', () => {
	it( 'refuses to resend before the cool-down ends, then resends and restarts it', async () => {
		const { gateway, clock, runner, facade } = setup();
		gateway.signUp.mockResolvedValueOnce( {
			confirmed: false,
			delivery: { destination: 'b***@e***' },
		} );
		runner.send( SIGN_UP );
		await flush();

		clock.advance( 29_999 );
		expect( canResend( runner.getState(), clock.now() ) ).toBe( false );
		runner.send( { type: 'RESEND_CODE' } );
		await flush();
		expect( gateway.resendCode ).not.toHaveBeenCalled();

		clock.advance( 1 );
		expect( canResend( runner.getState(), clock.now() ) ).toBe( true );
		gateway.resendCode.mockResolvedValueOnce( {
			delivery: { destination: 'b***@e***' },
		} );
		runner.send( { type: 'RESEND_CODE' } );
		expect( canResend( runner.getState(), clock.now() ) ).toBe( false ); // busy
		await flush();

		expect( gateway.resendCode ).toHaveBeenCalledWith(
			expect.objectContaining( { username: 'bob@example.test' } )
		);
		expect( facade().context.resendAvailableAt ).toBe(
			clock.now() + 30_000
		);
		runner.send( { type: 'RESEND_CODE' } );
		await flush();
		expect( gateway.resendCode ).toHaveBeenCalledTimes( 1 );
	} );
} );

describe( 'unconfirmed user detour', () => {
	it( 'routes an unconfirmed sign-in to the confirm step, sends a code, then signs in', async () => {
		const { gateway, runner, facade } = setup( 'signIn' );
		gateway.signIn.mockRejectedValueOnce(
			cognitoError(
				'UserNotConfirmedException',
				'User is not confirmed.'
			)
		);
		gateway.resendCode.mockResolvedValueOnce( {
			delivery: { destination: 'c***@e***' },
		} );

		runner.send( {
			type: 'SUBMIT_SIGN_IN',
			username: 'carol',
			password: 'Carol1!pw',
		} );
		await flush();

		expect( gateway.resendCode ).toHaveBeenCalledWith(
			expect.objectContaining( { username: 'carol' } )
		);
		expect( facade() ).toMatchObject( {
			step: 'confirmSignUp',
			busy: false,
			error: { code: 'user_not_confirmed' },
			context: {
				username: 'carol',
				delivery: { destination: 'c***@e***' },
			},
		} );

		gateway.confirmSignUp.mockResolvedValueOnce( undefined );
		gateway.signIn.mockResolvedValueOnce( SIGNED_IN );
		runner.send( { type: 'SUBMIT_CODE', code: '123123' } );
		await flush();

		expect( gateway.signIn ).toHaveBeenLastCalledWith(
			expect.objectContaining( {
				username: 'carol',
				password: 'Carol1!pw',
			} )
		);
		expect( facade().step ).toBe( 'done' );
	} );

	it( 'falls back to the sign-in form when no password is in memory', async () => {
		const gateway = fakeGateway();
		const runner = createAuthRunner( {
			gateway,
			session: fakeSession(),
			clock: manualClock(),
			initial: {
				step: 'confirmSignUp',
				resendAvailableAt: 0,
				inputs: { username: 'dave', attributes: {}, remember: false },
				options: {
					resendCooldownMs: 30_000,
					redirectTo: '',
					totpIssuer: '',
				},
				seq: 0,
			},
		} );
		gateway.confirmSignUp.mockResolvedValueOnce( undefined );
		runner.send( { type: 'SUBMIT_CODE', code: '1' } );
		await flush();
		expect( gateway.signIn ).not.toHaveBeenCalled();
		expect( toFacade( runner.getState() ) ).toMatchObject( {
			step: 'signIn',
			context: { username: 'dave' },
		} );
	} );
} );
