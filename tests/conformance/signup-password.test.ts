import { describe, expect, it } from 'vitest';
import {
	api,
	cb,
	cognitoUser,
	confirmedUser,
	failure,
	latestCode,
	signIn,
	signInOk,
	signUp,
	uniqueName,
	userPool,
} from './helpers';
import { CLIENT_ID, LEGACY_CLIENT_ID, PASSWORD } from './seed';

describe( 'sign-up and confirmation', () => {
	it( 'signs up, refuses sign-in until confirmed, rejects a wrong code, confirms with the outbox code', async () => {
		const name = uniqueName( 'sam' );
		const result = await signUp( name, PASSWORD );
		expect( result.userConfirmed ).toBe( false );
		expect( result.userSub ).toMatch( /^[0-9a-f-]{36}$/ );
		expect( result.codeDeliveryDetails.DeliveryMedium ).toBe( 'EMAIL' );

		const notConfirmed = await failure( signIn( name, PASSWORD ) );
		expect( notConfirmed.code ).toBe( 'UserNotConfirmedException' );
		expect( notConfirmed.message ).toBe( 'User is not confirmed.' );

		const user = cognitoUser( name );
		const wrong = await failure(
			cb( ( d ) => user.confirmRegistration( '000000', true, d ) )
		);
		expect( wrong.code ).toBe( 'CodeMismatchException' );
		expect( wrong.message ).toBe(
			'Invalid verification code provided, please try again.'
		);

		await cb( ( d ) => user.resendConfirmationCode( d ) );
		const code = await latestCode( name );
		expect( code ).toMatch( /^\d{6}$/ );
		await cb( ( d ) => user.confirmRegistration( code, true, d ) );

		const { session } = await signInOk( name, PASSWORD );
		expect( session.getIdToken().payload.email_verified ).toBe( true );
	} );

	it( 'rejects duplicates and passwords that break the policy, naming the rule', async () => {
		const name = uniqueName( 'pat' );
		const cases: Array< [ string, string ] > = [
			[
				'Sh0rt!',
				'Password did not conform with policy: Password not long enough',
			],
			[
				'alllower-case1',
				'Password did not conform with policy: Password must have uppercase characters',
			],
			[
				'ALLUPPER-CASE1',
				'Password did not conform with policy: Password must have lowercase characters',
			],
			[
				'No-Digits-Here',
				'Password did not conform with policy: Password must have numeric characters',
			],
			[
				'NoSymbols1234',
				'Password did not conform with policy: Password must have symbol characters',
			],
		];
		for ( const [ password, message ] of cases ) {
			const err = await failure( signUp( name, password ) );
			expect( err.code ).toBe( 'InvalidPasswordException' );
			expect( err.message ).toBe( message );
		}
		await signUp( name, PASSWORD );
		const dup = await failure( signUp( name, PASSWORD ) );
		expect( dup.code ).toBe( 'UsernameExistsException' );
		expect( dup.message ).toBe( 'User already exists' );
	} );

	it( 'locks a code after 5 wrong attempts', async () => {
		const name = uniqueName( 'lee' );
		await signUp( name, PASSWORD );
		const code = await latestCode( name );
		const user = cognitoUser( name );
		for ( let i = 0; i < 5; i++ ) {
			const err = await failure(
				cb( ( d ) =>
					user.confirmRegistration(
						code === '111111' ? '222222' : '111111',
						true,
						d
					)
				)
			);
			expect( err.code ).toBe( 'CodeMismatchException' );
		}
		const locked = await failure(
			cb( ( d ) => user.confirmRegistration( code, true, d ) )
		);
		expect( locked.code ).toBe( 'LimitExceededException' );
		expect( locked.message ).toBe(
			'Attempt limit exceeded, please try after some time.'
		);
	} );

	it( 'hides unknown users from ENABLED clients and reveals them to LEGACY ones', async () => {
		const ghost = cognitoUser( 'ghost-user' );
		const fake = await cb< {
			CodeDeliveryDetails: { Destination: string };
		} >( ( d ) =>
			ghost.forgotPassword( {
				onSuccess: ( r ) => d( null, r ),
				onFailure: d,
			} )
		);
		expect( fake.CodeDeliveryDetails.Destination ).toBeTruthy();
		expect(
			(
				await failure(
					cb( ( d ) =>
						ghost.confirmRegistration( '123456', true, d )
					)
				)
			).code
		).toBe( 'CodeMismatchException' );

		const legacyGhost = cognitoUser(
			'ghost-user',
			userPool( LEGACY_CLIENT_ID )
		);
		const err = await failure(
			cb( ( d ) =>
				legacyGhost.forgotPassword( {
					onSuccess: ( r ) => d( null, r ),
					onFailure: d,
				} )
			)
		);
		expect( err.code ).toBe( 'UserNotFoundException' );
	} );
} );

describe( 'passwords', () => {
	it( 'resets a forgotten password with the emailed code, enforcing the policy', async () => {
		const name = await confirmedUser( 'rae' );
		const user = cognitoUser( name );
		await cb( ( d ) =>
			user.forgotPassword( {
				onSuccess: ( r ) => d( null, r ),
				onFailure: d,
			} )
		);
		const code = await latestCode( name, undefined, 'reset' );
		const weak = await failure(
			cb( ( d ) =>
				user.confirmPassword( code, 'weak', {
					onSuccess: () => d( null ),
					onFailure: d,
				} )
			)
		);
		expect( weak.code ).toBe( 'InvalidPasswordException' );
		const wrong = await failure(
			cb( ( d ) =>
				user.confirmPassword(
					code === '123456' ? '654321' : '123456',
					'N3w-Password!',
					{ onSuccess: () => d( null ), onFailure: d }
				)
			)
		);
		expect( wrong.code ).toBe( 'CodeMismatchException' );
		await cb( ( d ) =>
			user.confirmPassword( code, 'N3w-Password!', {
				onSuccess: () => d( null ),
				onFailure: d,
			} )
		);
		expect( ( await failure( signIn( name, PASSWORD ) ) ).code ).toBe(
			'NotAuthorizedException'
		);
		await signInOk( name, 'N3w-Password!' );
	} );

	it( 'changes the password of a signed-in user', async () => {
		const name = await confirmedUser( 'kim' );
		const { user } = await signInOk( name, PASSWORD );
		const wrongOld = await failure(
			cb( ( d ) =>
				user.changePassword( 'Wrong-0ld!', 'An0ther-Pass!', d )
			)
		);
		expect( wrongOld.code ).toBe( 'NotAuthorizedException' );
		const weak = await failure(
			cb( ( d ) => user.changePassword( PASSWORD, 'weakpass', d ) )
		);
		expect( weak.code ).toBe( 'InvalidPasswordException' );
		await cb( ( d ) =>
			user.changePassword( PASSWORD, 'An0ther-Pass!', d )
		);
		await signInOk( name, 'An0ther-Pass!' );
	} );

	it( 'allows USER_PASSWORD_AUTH only for clients that enable it', async () => {
		const body = ( clientId: string ) => ( {
			AuthFlow: 'USER_PASSWORD_AUTH',
			ClientId: clientId,
			AuthParameters: { USERNAME: 'bob', PASSWORD },
		} );
		const refused = await api( 'InitiateAuth', body( CLIENT_ID ) );
		expect( refused.json ).toEqual( {
			__type: 'InvalidParameterException',
			message: 'USER_PASSWORD_AUTH flow not enabled for this client',
		} );
		const allowed = await api( 'InitiateAuth', body( LEGACY_CLIENT_ID ) );
		expect( allowed.json.AuthenticationResult.AccessToken ).toBeTruthy();
		const wrong = await api( 'InitiateAuth', {
			...body( LEGACY_CLIENT_ID ),
			AuthParameters: { USERNAME: 'bob', PASSWORD: 'nope' },
		} );
		expect( wrong.json.message ).toBe( 'Incorrect username or password.' );
	} );
} );
