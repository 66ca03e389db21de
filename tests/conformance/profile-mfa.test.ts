/**
 * MFA settings a profile form changes: SetUserMFAPreference through amazon-cognito-identity-js,
 * AdminSetUserMFAPreference and AdminGetUser through the AWS SDK (a pool requiring MFA: mfa.test.ts).
 */
import {
	AdminConfirmSignUpCommand,
	AdminSetUserMFAPreferenceCommand,
	InvalidParameterException,
	SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoUser } from 'amazon-cognito-identity-js';
import { describe, expect, it } from 'vitest';
import { totp } from '../../dev/cognito-emulator/src/totp';
import {
	adminSdk,
	cb,
	emulatorUrl,
	failure,
	signIn,
	signInOk,
	uniqueName,
} from './helpers';
import { adminMfa } from './pools';
import { CLIENT_ID, PASSWORD, POOL_ID } from './seed';

type Settings = { Enabled: boolean; PreferredMfa: boolean } | null;
const setPreference = ( user: CognitoUser, sms: Settings, soft: Settings ) =>
	cb( ( d ) => user.setUserMfaPreference( sms, soft, d ) );

describe( 'MFA preferences with MFA optional', () => {
	it( 'AdminSetUserMFAPreference sets factors like SetUserMFAPreference, and AdminGetUser reports them', async () => {
		const sdk = adminSdk();
		const name = uniqueName( 'mo' );
		await sdk.send(
			new SignUpCommand( {
				ClientId: CLIENT_ID,
				Username: name,
				Password: PASSWORD,
				UserAttributes: [
					{ Name: 'email', Value: `${ name }@example.com` },
					{ Name: 'phone_number', Value: '+15550001299' },
				],
			} )
		);
		await sdk.send(
			new AdminConfirmSignUpCommand( {
				UserPoolId: POOL_ID,
				Username: name,
			} )
		);
		const admin = ( sms: Settings, soft: Settings ) =>
			sdk.send(
				new AdminSetUserMFAPreferenceCommand( {
					UserPoolId: POOL_ID,
					Username: name,
					...( sms ? { SMSMfaSettings: sms } : {} ),
					...( soft ? { SoftwareTokenMfaSettings: soft } : {} ),
				} )
			);
		const on = { Enabled: true, PreferredMfa: true };
		const off = { Enabled: false, PreferredMfa: false };

		const none = await failure( admin( null, on ) );
		expect( none ).toBeInstanceOf( InvalidParameterException );
		expect( none.message ).toBe( 'User has not set up software token mfa' );

		const { user } = await signInOk( name, PASSWORD );
		const secret = await cb< string >( ( d ) =>
			user.associateSoftwareToken( {
				associateSecretCode: ( s ) => d( null, s ),
				onFailure: d,
			} )
		);
		const unverified = await failure( setPreference( user, null, on ) );
		expect( unverified ).toMatchObject( {
			code: 'InvalidParameterException',
			message: 'User has not verified software token mfa',
		} );
		await cb( ( d ) =>
			user.verifySoftwareToken( totp( secret ), 'phone', {
				onSuccess: () => d( null ),
				onFailure: d,
			} )
		);

		await admin( { Enabled: true, PreferredMfa: false }, on );
		expect( await adminMfa( emulatorUrl(), POOL_ID, name ) ).toEqual( {
			list: [ 'SMS_MFA', 'SOFTWARE_TOKEN_MFA' ],
			preferred: 'SOFTWARE_TOKEN_MFA',
		} );
		expect( ( await signIn( name, PASSWORD ) ).kind ).toBe(
			'SOFTWARE_TOKEN_MFA'
		);

		await admin( off, off );
		expect( await adminMfa( emulatorUrl(), POOL_ID, name ) ).toEqual( {
			list: undefined,
			preferred: undefined,
		} );
		const plain = await signIn( name, PASSWORD );
		expect( plain.kind ).toBe( 'success' );

		// The user turns TOTP on and off again through the library.
		await setPreference( plain.user, null, on );
		expect(
			( await adminMfa( emulatorUrl(), POOL_ID, name ) ).preferred
		).toBe( 'SOFTWARE_TOKEN_MFA' );
		await setPreference( plain.user, null, off );
		expect(
			( await adminMfa( emulatorUrl(), POOL_ID, name ) ).list
		).toBeUndefined();
	} );
} );
