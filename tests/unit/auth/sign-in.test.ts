import { describe, expect, it, vi } from 'vitest';
import { SIGNED_IN, flush, startFlow } from './fakes';

function setup( initial = {} ) {
	const onDone = vi.fn();
	const flow = startFlow( {
		onDone,
		initial: {
			redirectTo: '/members/',
			totpIssuer: 'Example Site',
			...initial,
		},
	} );
	return { ...flow, onDone };
}

describe( 'sign-in', () => {
	it( 'signs in with SRP, hands the ID token to WordPress and ends in done', async () => {
		const { gateway, session, onDone, runner, facade } = setup();
		gateway.signIn.mockResolvedValueOnce( SIGNED_IN );

		runner.send( {
			type: 'SUBMIT_SIGN_IN',
			username: ' alice ',
			password: 'Secret1!',
			remember: true,
		} );
		expect( facade().busy ).toBe( true );
		await flush();

		expect( gateway.signIn ).toHaveBeenCalledWith(
			expect.objectContaining( {
				username: 'alice',
				password: 'Secret1!',
			} )
		);
		expect( session.createSession ).toHaveBeenCalledWith( {
			idToken: 'id.jwt',
			refreshToken: 'refresh',
			remember: true,
			redirectTo: '/members/',
		} );
		expect( facade() ).toMatchObject( {
			step: 'done',
			busy: false,
			context: { redirectTo: 'https://example.test/account/' },
		} );
		expect( onDone ).toHaveBeenCalledOnce();
		expect( onDone ).toHaveBeenCalledWith(
			'https://example.test/account/'
		);
		expect( runner.getState().inputs.password ).toBeUndefined();
	} );

	it( 'ignores a second submit while the first is in flight', async () => {
		const { gateway, runner } = setup();
		gateway.signIn.mockResolvedValue( SIGNED_IN );

		runner.send( {
			type: 'SUBMIT_SIGN_IN',
			username: 'alice',
			password: 'pw',
		} );
		runner.send( {
			type: 'SUBMIT_SIGN_IN',
			username: 'alice',
			password: 'pw',
		} );
		runner.send( { type: 'GO_TO', step: 'signUp' } );
		await flush();

		expect( gateway.signIn ).toHaveBeenCalledTimes( 1 );
		expect( runner.getState().step ).toBe( 'done' );
	} );

	it( 'collects a new password and the required attributes (NEW_PASSWORD_REQUIRED)', async () => {
		const { gateway, runner, facade } = setup();
		gateway.signIn.mockResolvedValueOnce( {
			type: 'newPasswordRequired',
			requiredAttributes: [ 'given_name', 'custom:team' ],
			userAttributes: { email: 'a@example.test', given_name: 'Alice' },
		} );
		runner.send( {
			type: 'SUBMIT_SIGN_IN',
			username: 'alice',
			password: 'Temp1234!',
		} );
		await flush();

		expect( facade() ).toMatchObject( {
			step: 'newPassword',
			busy: false,
			context: {
				requiredAttributes: [ 'given_name', 'custom:team' ],
				attributes: { given_name: 'Alice', 'custom:team': '' },
			},
		} );

		gateway.completeNewPassword.mockResolvedValueOnce( SIGNED_IN );
		runner.send( {
			type: 'SUBMIT_NEW_PASSWORD',
			newPassword: 'Brand1New!',
			attributes: { 'custom:team': 'blue', nickname: 'x' },
		} );
		await flush();

		// Only what Cognito asked for is sent; extra form fields are not.
		expect( gateway.completeNewPassword ).toHaveBeenCalledWith(
			expect.objectContaining( {
				newPassword: 'Brand1New!',
				attributes: { given_name: 'Alice', 'custom:team': 'blue' },
			} )
		);
		expect( facade().step ).toBe( 'done' );
	} );

	it( 'asks for the SMS code (SMS_MFA) and shows where it went', async () => {
		const { gateway, runner, facade } = setup();
		gateway.signIn.mockResolvedValueOnce( {
			type: 'mfaRequired',
			delivery: { destination: '+*******1234', medium: 'SMS' },
		} );
		runner.send( {
			type: 'SUBMIT_SIGN_IN',
			username: 'alice',
			password: 'pw',
		} );
		await flush();
		expect( facade() ).toMatchObject( {
			step: 'smsMfa',
			context: { delivery: { destination: '+*******1234' } },
		} );

		gateway.sendMfaCode.mockResolvedValueOnce( SIGNED_IN );
		runner.send( { type: 'SUBMIT_CODE', code: ' 123456 ' } );
		await flush();
		expect( gateway.sendMfaCode ).toHaveBeenCalledWith(
			expect.objectContaining( { code: '123456', mfaType: 'SMS_MFA' } )
		);
		expect( facade().step ).toBe( 'done' );
	} );

	it( 'asks for the authenticator code (SOFTWARE_TOKEN_MFA)', async () => {
		const { gateway, runner, facade } = setup();
		gateway.signIn.mockResolvedValueOnce( { type: 'totpRequired' } );
		runner.send( {
			type: 'SUBMIT_SIGN_IN',
			username: 'alice',
			password: 'pw',
		} );
		await flush();
		expect( facade().step ).toBe( 'totpMfa' );

		gateway.sendMfaCode.mockResolvedValueOnce( SIGNED_IN );
		runner.send( { type: 'SUBMIT_CODE', code: '654321' } );
		await flush();
		expect( gateway.sendMfaCode ).toHaveBeenCalledWith(
			expect.objectContaining( {
				code: '654321',
				mfaType: 'SOFTWARE_TOKEN_MFA',
			} )
		);
		expect( facade().step ).toBe( 'done' );
	} );

	it( 'lets the visitor choose a factor (SELECT_MFA_TYPE), then asks for its code', async () => {
		const { gateway, runner, facade } = setup();
		gateway.signIn.mockResolvedValueOnce( {
			type: 'selectMfaType',
			options: [ 'SMS_MFA', 'SOFTWARE_TOKEN_MFA' ],
		} );
		runner.send( {
			type: 'SUBMIT_SIGN_IN',
			username: 'alice',
			password: 'pw',
		} );
		await flush();
		expect( facade() ).toMatchObject( {
			step: 'selectMfa',
			context: { mfaOptions: [ 'SMS_MFA', 'SOFTWARE_TOKEN_MFA' ] },
		} );

		gateway.selectMfaType.mockResolvedValueOnce( { type: 'totpRequired' } );
		runner.send( { type: 'SELECT_MFA', mfaType: 'SOFTWARE_TOKEN_MFA' } );
		await flush();
		expect( gateway.selectMfaType ).toHaveBeenCalledWith(
			expect.objectContaining( { mfaType: 'SOFTWARE_TOKEN_MFA' } )
		);
		expect( facade().step ).toBe( 'totpMfa' );
	} );

	it( 'ignores a factor that was not offered', async () => {
		const { gateway, runner } = setup();
		gateway.signIn.mockResolvedValueOnce( {
			type: 'selectMfaType',
			options: [ 'SMS_MFA' ],
		} );
		runner.send( {
			type: 'SUBMIT_SIGN_IN',
			username: 'alice',
			password: 'pw',
		} );
		await flush();
		runner.send( { type: 'SELECT_MFA', mfaType: 'SOFTWARE_TOKEN_MFA' } );
		await flush();
		expect( gateway.selectMfaType ).not.toHaveBeenCalled();
	} );

	it( 'sets up TOTP when the pool requires it (MFA_SETUP): secret, otpauth URI, verify, done', async () => {
		const { gateway, runner, facade } = setup();
		gateway.signIn.mockResolvedValueOnce( {
			type: 'mfaSetup',
			options: [ 'SOFTWARE_TOKEN_MFA' ],
		} );
		gateway.associateTotp.mockResolvedValueOnce( {
			secret: 'JBSWY3DPEHPK3PXP',
		} );
		runner.send( {
			type: 'SUBMIT_SIGN_IN',
			username: 'alice@example.test',
			password: 'pw',
		} );
		await flush();

		expect( gateway.associateTotp ).toHaveBeenCalledOnce();
		expect( facade() ).toMatchObject( {
			step: 'totpSetup',
			busy: false,
			context: {
				totpSecret: 'JBSWY3DPEHPK3PXP',
				otpauthUri:
					'otpauth://totp/Example%20Site:alice%40example.test?secret=JBSWY3DPEHPK3PXP&issuer=Example%20Site',
			},
		} );

		gateway.verifyTotp.mockResolvedValueOnce( SIGNED_IN );
		runner.send( { type: 'SUBMIT_CODE', code: '111222' } );
		await flush();
		expect( gateway.verifyTotp ).toHaveBeenCalledWith(
			expect.objectContaining( { code: '111222' } )
		);
		expect( facade().step ).toBe( 'done' );
	} );

	it( 'reports MFA set-up it cannot do from the browser (SMS only)', async () => {
		const { gateway, runner, facade } = setup();
		gateway.signIn.mockResolvedValueOnce( {
			type: 'mfaSetup',
			options: [ 'SMS_MFA' ],
		} );
		runner.send( {
			type: 'SUBMIT_SIGN_IN',
			username: 'alice',
			password: 'pw',
		} );
		await flush();
		expect( facade() ).toMatchObject( {
			step: 'signIn',
			busy: false,
			error: { code: 'mfa_not_available' },
		} );
		expect( gateway.associateTotp ).not.toHaveBeenCalled();
	} );

	it( 'reports custom challenges as unsupported instead of hanging', async () => {
		const { gateway, runner, facade } = setup();
		gateway.signIn.mockResolvedValueOnce( { type: 'customChallenge' } );
		runner.send( {
			type: 'SUBMIT_SIGN_IN',
			username: 'alice',
			password: 'pw',
		} );
		await flush();
		expect( facade() ).toMatchObject( {
			step: 'signIn',
			busy: false,
			error: { code: 'unsupported_challenge' },
		} );
	} );

	it( 'returns to sign-in when the challenge session expired', async () => {
		const { gateway, runner, facade } = setup();
		gateway.signIn.mockResolvedValueOnce( { type: 'totpRequired' } );
		runner.send( {
			type: 'SUBMIT_SIGN_IN',
			username: 'alice',
			password: 'pw',
		} );
		await flush();
		gateway.sendMfaCode.mockRejectedValueOnce(
			Object.assign(
				new Error(
					'Invalid session for the user, session is expired.'
				),
				{ code: 'NotAuthorizedException' }
			)
		);
		runner.send( { type: 'SUBMIT_CODE', code: '000000' } );
		await flush();
		expect( facade() ).toMatchObject( {
			step: 'signIn',
			error: { code: 'session_expired' },
			context: { username: 'alice' },
		} );
	} );
} );
