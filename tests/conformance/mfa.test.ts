import type { CognitoUser } from 'amazon-cognito-identity-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totp } from '../../dev/cognito-emulator/src/totp';
import {
	api,
	cb,
	cognitoUser,
	failure,
	latestCode,
	privateEmulator,
	signIn,
	signInOk,
	uniqueName,
	userPool,
} from './helpers';
import { adminMfa } from './pools';
import { CLIENT_ID, PASSWORD, TOTP_SECRET } from './seed';

const sendMfa = (
	user: CognitoUser,
	code: string,
	type: 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA'
) =>
	cb< { getIdToken: () => { payload: Record< string, unknown > } } >( ( d ) =>
		user.sendMFACode(
			code,
			{ onSuccess: ( s ) => d( null, s ), onFailure: d },
			type
		)
	);

const wrongCode = ( right: string ) =>
	right === '000000' ? '111111' : '000000';

describe( 'TOTP (RFC 6238) helper', () => {
	it( 'matches the RFC 6238 SHA-1 test vector', () => {
		// Secret "12345678901234567890" in base32; at T=59 s the 8-digit code is 94287082, so 6 digits: 287082.
		expect( totp( 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 59_000 ) ).toBe(
			'287082'
		);
	} );
} );

describe( 'MFA challenges', () => {
	it( 'asks a seeded TOTP user for SOFTWARE_TOKEN_MFA and accepts only the right code', async () => {
		const first = await signIn( 'dave', PASSWORD );
		expect( first.kind ).toBe( 'SOFTWARE_TOKEN_MFA' );
		const err = await failure(
			sendMfa(
				first.user,
				wrongCode( totp( TOTP_SECRET ) ),
				'SOFTWARE_TOKEN_MFA'
			)
		);
		expect( err.code ).toBe( 'CodeMismatchException' );
		const session = await sendMfa(
			first.user,
			totp( TOTP_SECRET ),
			'SOFTWARE_TOKEN_MFA'
		);
		expect( session.getIdToken().payload[ 'cognito:username' ] ).toBe(
			'dave'
		);
	} );

	it( 'enrols TOTP for a signed-in user, then challenges with it; adds SMS and offers SELECT_MFA_TYPE', async () => {
		const name = uniqueName( 'mia' );
		await api( 'SignUp', {
			ClientId: CLIENT_ID,
			Username: name,
			Password: PASSWORD,
			UserAttributes: [
				{ Name: 'email', Value: `${ name }@example.com` },
				{ Name: 'phone_number', Value: '+15550001234' },
			],
		} );
		await cb( async ( d ) =>
			cognitoUser( name ).confirmRegistration(
				await latestCode( name ),
				true,
				d
			)
		);
		const { user } = await signInOk( name, PASSWORD );

		const secret = await cb< string >( ( d ) =>
			user.associateSoftwareToken( {
				associateSecretCode: ( s ) => d( null, s ),
				onFailure: d,
			} )
		);
		expect( secret ).toMatch( /^[A-Z2-7]{32}$/ );
		const bad = await failure(
			cb( ( d ) =>
				user.verifySoftwareToken(
					wrongCode( totp( secret ) ),
					'phone',
					{ onSuccess: () => d( null ), onFailure: d }
				)
			)
		);
		expect( bad.code ).toBe( 'EnableSoftwareTokenMFAException' );
		await cb( ( d ) =>
			user.verifySoftwareToken( totp( secret ), 'phone', {
				onSuccess: () => d( null ),
				onFailure: d,
			} )
		);
		await cb( ( d ) =>
			user.setUserMfaPreference(
				null,
				{ Enabled: true, PreferredMfa: true },
				d
			)
		);

		const totpStep = await signIn( name, PASSWORD );
		expect( totpStep.kind ).toBe( 'SOFTWARE_TOKEN_MFA' );
		await sendMfa( totpStep.user, totp( secret ), 'SOFTWARE_TOKEN_MFA' );

		// Enable SMS too and clear the preference: the user must now choose.
		await cb( ( d ) =>
			user.setUserMfaPreference(
				{ Enabled: true, PreferredMfa: false },
				{ Enabled: true, PreferredMfa: false },
				d
			)
		);
		const select = await signIn( name, PASSWORD );
		expect( select.kind ).toBe( 'SELECT_MFA_TYPE' );
		const smsStep = await new Promise< string >( ( resolve, reject ) =>
			select.user.sendMFASelectionAnswer( 'SMS_MFA', {
				mfaRequired: ( n: string ) => resolve( n ),
				totpRequired: ( n: string ) => resolve( n ),
				onFailure: reject,
			} as never )
		);
		expect( smsStep ).toBe( 'SMS_MFA' );
		const smsCode = await latestCode( name, undefined, 'mfa' );
		const wrongSms = await failure(
			sendMfa( select.user, wrongCode( smsCode ), 'SMS_MFA' )
		);
		expect( wrongSms.code ).toBe( 'CodeMismatchException' );
		const session = await sendMfa( select.user, smsCode, 'SMS_MFA' );
		expect( session.getIdToken().payload.phone_number ).toBe(
			'+15550001234'
		);
	} );

	it( 'makes a user with a temporary password choose a new one that meets the policy (NEW_PASSWORD_REQUIRED)', async () => {
		const step = await signIn( 'erin', 'Temp-Passw0rd!' );
		expect( step.kind ).toBe( 'NEW_PASSWORD_REQUIRED' );
		const complete = ( password: string ) =>
			cb( ( d ) =>
				step.user.completeNewPasswordChallenge(
					password,
					{},
					{ onSuccess: ( s ) => d( null, s ), onFailure: d }
				)
			);
		const weak = await failure( complete( 'weak' ) );
		expect( weak.code ).toBe( 'InvalidPasswordException' );
		await complete( 'Brand-N3w-Pass!' );
		await signInOk( 'erin', 'Brand-N3w-Pass!' );
		expect(
			( await failure( signIn( 'erin', 'Temp-Passw0rd!' ) ) ).code
		).toBe( 'NotAuthorizedException' );
	} );
} );

describe( 'MFA required by the pool (MFA_SETUP)', () => {
	let emu: Awaited< ReturnType< typeof privateEmulator > >;
	beforeAll( async () => {
		emu = await privateEmulator( {
			pool: { id: 'us-east-1_MfaOnPool1', name: 'mfa-on', mfa: 'ON' },
			client: { id: 'mfaonclient000000000000001', name: 'spa' },
			users: [
				{
					username: 'nora',
					password: PASSWORD,
					attributes: {
						email: 'nora@example.com',
						email_verified: true,
					},
				},
				{
					username: 'tara',
					password: PASSWORD,
					totpSecret: TOTP_SECRET,
					attributes: { email: 'tara@example.com' },
				},
			],
		} );
	} );
	afterAll( () => emu.dispose() );

	it( 'sets up TOTP during sign-in and then issues tokens', async () => {
		const pool = userPool( emu.clientId, emu.url, emu.poolId );
		const step = await signIn( 'nora', PASSWORD, pool );
		expect( step.kind ).toBe( 'MFA_SETUP' );
		const secret = await cb< string >( ( d ) =>
			step.user.associateSoftwareToken( {
				associateSecretCode: ( s ) => d( null, s ),
				onFailure: d,
			} )
		);
		const session = await cb< {
			getIdToken: () => { payload: Record< string, unknown > };
		} >( ( d ) =>
			step.user.verifySoftwareToken( totp( secret ), 'phone', {
				onSuccess: ( s ) => d( null, s ),
				onFailure: d,
			} )
		);
		expect( session.getIdToken().payload[ 'cognito:username' ] ).toBe(
			'nora'
		);
		const next = await signIn( 'nora', PASSWORD, pool );
		expect( next.kind ).toBe( 'SOFTWARE_TOKEN_MFA' );
	} );

	it( 'accepts turning the last factor off, and sign-in still asks for the registered authenticator', async () => {
		const pool = userPool( emu.clientId, emu.url, emu.poolId );
		const first = await signIn( 'tara', PASSWORD, pool );
		expect( first.kind ).toBe( 'SOFTWARE_TOKEN_MFA' );
		await sendMfa( first.user, totp( TOTP_SECRET ), 'SOFTWARE_TOKEN_MFA' );
		await cb( ( d ) =>
			first.user.setUserMfaPreference(
				null,
				{ Enabled: false, PreferredMfa: false },
				d
			)
		);
		expect( await adminMfa( emu.url, emu.poolId!, 'tara' ) ).toEqual( {
			list: undefined,
			preferred: undefined,
		} );
		// The pool requires MFA of everyone: the user's preference does not turn it off.
		expect( ( await signIn( 'tara', PASSWORD, pool ) ).kind ).toBe(
			'SOFTWARE_TOKEN_MFA'
		);
	} );
} );

describe( 'Seeded SMS MFA (smsMfa)', () => {
	let emu: Awaited< ReturnType< typeof privateEmulator > >;
	const phone = ( n: number ) => ( {
		email_verified: true,
		phone_number: `+1555555010${ n }`,
		phone_number_verified: true,
	} );
	beforeAll( async () => {
		emu = await privateEmulator( {
			pool: { id: 'us-east-1_SmsSeed01', name: 'sms-seed' },
			client: { id: 'smsseedclient0000000000001', name: 'spa' },
			users: [
				{
					username: 'sam',
					password: PASSWORD,
					smsMfa: true,
					attributes: { email: 'sam@example.com', ...phone( 1 ) },
				},
				{
					username: 'tess',
					password: PASSWORD,
					smsMfa: true,
					totpSecret: TOTP_SECRET,
					attributes: { email: 'tess@example.com', ...phone( 2 ) },
				},
			],
		} );
	} );
	afterAll( () => emu.dispose() );

	it( 'texts an SMS_MFA code to a user seeded with smsMfa', async () => {
		const pool = userPool( emu.clientId, emu.url, emu.poolId );
		const step = await signIn( 'sam', PASSWORD, pool );
		expect( step.kind ).toBe( 'SMS_MFA' );
		const code = await latestCode( 'sam', emu.url, 'mfa' );
		const session = await sendMfa( step.user, code, 'SMS_MFA' );
		expect( session.getIdToken().payload[ 'cognito:username' ] ).toBe(
			'sam'
		);
	} );

	it( 'asks a user seeded with smsMfa and totpSecret to choose (SELECT_MFA_TYPE)', async () => {
		const pool = userPool( emu.clientId, emu.url, emu.poolId );
		const step = await signIn( 'tess', PASSWORD, pool );
		expect( step.kind ).toBe( 'SELECT_MFA_TYPE' );
	} );

	it( 'rejects smsMfa without a phone number', async () => {
		await expect(
			privateEmulator( {
				pool: { name: 'sms-seed-bad' },
				users: [ { username: 'x', password: PASSWORD, smsMfa: true } ],
			} )
		).rejects.toThrow( /phone_number/ );
	} );
} );
