import { describe, expect, it } from 'vitest';
import { SIGNED_IN, cognitoError, flush, startFlow } from './fakes';

function setup( step: 'signIn' | 'forgotPassword' = 'forgotPassword' ) {
	return startFlow( { initial: { step } } );
}

describe( 'forgot password', () => {
	it( 'requests a code, sets the new password, then signs in with it', async () => {
		const { gateway, runner, facade } = setup();
		gateway.forgotPassword.mockResolvedValueOnce( {
			delivery: { destination: 'e***@e***', medium: 'EMAIL' },
		} );
		runner.send( { type: 'SUBMIT_FORGOT_PASSWORD', username: 'erin ' } );
		await flush();

		expect( gateway.forgotPassword ).toHaveBeenCalledWith(
			expect.objectContaining( { username: 'erin' } )
		);
		expect( facade() ).toMatchObject( {
			step: 'confirmResetPassword',
			context: { delivery: { destination: 'e***@e***' } },
		} );

		gateway.confirmForgotPassword.mockResolvedValueOnce( undefined );
		gateway.signIn.mockResolvedValueOnce( SIGNED_IN );
		runner.send( {
			type: 'SUBMIT_RESET_PASSWORD',
			code: '777777',
			newPassword: 'Fresh1!pw',
		} );
		await flush();

		expect( gateway.confirmForgotPassword ).toHaveBeenCalledWith(
			expect.objectContaining( {
				username: 'erin',
				code: '777777',
				newPassword: 'Fresh1!pw',
			} )
		);
		expect( gateway.signIn ).toHaveBeenCalledWith(
			expect.objectContaining( {
				username: 'erin',
				password: 'Fresh1!pw',
			} )
		);
		expect( facade().step ).toBe( 'done' );
		expect( runner.getState().inputs.newPassword ).toBeUndefined();
	} );

	it( 'behaves the same for an unknown user (no account enumeration)', async () => {
		const { gateway, runner, facade } = setup();
		gateway.forgotPassword.mockRejectedValueOnce(
			cognitoError(
				'UserNotFoundException',
				'Username/client id combination not found.'
			)
		);
		runner.send( { type: 'SUBMIT_FORGOT_PASSWORD', username: 'nobody' } );
		await flush();
		expect( facade() ).toMatchObject( {
			step: 'confirmResetPassword',
			busy: false,
		} );
		expect( facade().error ).toBeUndefined();

		gateway.confirmForgotPassword.mockRejectedValueOnce(
			cognitoError( 'UserNotFoundException' )
		);
		runner.send( {
			type: 'SUBMIT_RESET_PASSWORD',
			code: '1',
			newPassword: 'x',
		} );
		await flush();
		// Reads exactly like a wrong code.
		expect( facade().error?.code ).toBe( 'code_mismatch' );
	} );

	it( 'resends the reset code only after the cool-down', async () => {
		const { gateway, clock, runner } = setup();
		gateway.forgotPassword.mockResolvedValue( {} );
		runner.send( { type: 'SUBMIT_FORGOT_PASSWORD', username: 'erin' } );
		await flush();
		runner.send( { type: 'RESEND_CODE' } );
		await flush();
		expect( gateway.forgotPassword ).toHaveBeenCalledTimes( 1 );
		clock.advance( 30_000 );
		runner.send( { type: 'RESEND_CODE' } );
		await flush();
		expect( gateway.forgotPassword ).toHaveBeenCalledTimes( 2 );
	} );

	it( 'sends a visitor whose password must be reset to the reset step with a fresh code', async () => {
		const { gateway, runner, facade } = setup( 'signIn' );
		gateway.signIn.mockRejectedValueOnce(
			cognitoError(
				'PasswordResetRequiredException',
				'Password reset required for the user'
			)
		);
		gateway.forgotPassword.mockResolvedValueOnce( {} );
		runner.send( {
			type: 'SUBMIT_SIGN_IN',
			username: 'erin',
			password: 'old',
		} );
		await flush();
		expect( gateway.forgotPassword ).toHaveBeenCalledWith(
			expect.objectContaining( { username: 'erin' } )
		);
		expect( facade() ).toMatchObject( {
			step: 'confirmResetPassword',
			error: { code: 'password_reset_required' },
		} );
	} );

	it( 'keeps the username when moving between forms, but not the password', async () => {
		const { gateway, runner, facade } = setup( 'signIn' );
		gateway.signIn.mockRejectedValueOnce(
			cognitoError(
				'NotAuthorizedException',
				'Incorrect username or password.'
			)
		);
		runner.send( {
			type: 'SUBMIT_SIGN_IN',
			username: 'erin',
			password: 'wrong',
		} );
		await flush();
		runner.send( { type: 'GO_TO', step: 'forgotPassword' } );
		expect( facade() ).toMatchObject( {
			step: 'forgotPassword',
			context: { username: 'erin' },
		} );
		expect( facade().error ).toBeUndefined();
		expect( runner.getState().inputs.password ).toBeUndefined();
	} );
} );
