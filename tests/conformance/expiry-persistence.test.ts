import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../dev/cognito-emulator/src/index';
import {
	api,
	cb,
	cognitoUser,
	failure,
	latestCode,
	privateEmulator,
	setClock,
	signIn,
	signInOk,
	userPool,
} from './helpers';
import { PASSWORD, SEED } from './seed';

const HOUR = 3_600_000;
type Emu = Awaited< ReturnType< typeof privateEmulator > >;

describe( 'code and token lifetimes (injected clock)', () => {
	let emu: Emu;
	const pool = () => userPool( emu.clientId, emu.url, emu.poolId );
	beforeAll( async () => {
		// Challenge sessions outlive the 3-minute SMS code here, so the code's own expiry is what is tested.
		const [ first, ...rest ] = SEED.clients ?? [];
		emu = await privateEmulator( {
			...SEED,
			clients: [ { ...first!, authSessionValidityMinutes: 10 }, ...rest ],
		} );
	} );
	afterAll( () => emu.dispose() );

	it( 'expires sign-up codes after 24 hours', async () => {
		await api(
			'SignUp',
			{
				ClientId: emu.clientId,
				Username: 'late',
				Password: PASSWORD,
				UserAttributes: [
					{ Name: 'email', Value: 'late@example.com' },
				],
			},
			emu.url
		);
		const code = await latestCode( 'late', emu.url );
		await setClock( 24 * HOUR + 1000, emu.url );
		const err = await failure(
			cb( ( d ) =>
				cognitoUser( 'late', pool() ).confirmRegistration(
					code,
					true,
					d
				)
			)
		);
		expect( err.code ).toBe( 'ExpiredCodeException' );
		await setClock( 0, emu.url );
	} );

	it( 'expires reset codes after 1 hour but not before', async () => {
		const user = cognitoUser( 'alice', pool() );
		await cb( ( d ) =>
			user.forgotPassword( {
				onSuccess: ( r ) => d( null, r ),
				onFailure: d,
			} )
		);
		const code = await latestCode( 'alice', emu.url, 'reset' );
		await setClock( HOUR + 1000, emu.url );
		const err = await failure(
			cb( ( d ) =>
				user.confirmPassword( code, 'Later-Pass1!', {
					onSuccess: () => d( null ),
					onFailure: d,
				} )
			)
		);
		expect( err.code ).toBe( 'ExpiredCodeException' );
		await setClock( 0, emu.url );
		await cb( ( d ) =>
			user.forgotPassword( {
				onSuccess: ( r ) => d( null, r ),
				onFailure: d,
			} )
		);
		await setClock( HOUR - 60_000, emu.url );
		const fresh = await latestCode( 'alice', emu.url, 'reset' );
		await cb( ( d ) =>
			user.confirmPassword( fresh, 'Later-Pass1!', {
				onSuccess: () => d( null ),
				onFailure: d,
			} )
		);
		await setClock( 0, emu.url );
		await signInOk( 'alice', 'Later-Pass1!', pool() );
	} );

	it( 'expires access tokens (GetUser refuses) while the refresh token still works', async () => {
		const { session, user } = await signInOk( 'bob', PASSWORD, pool() );
		await setClock( HOUR + 1000, emu.url );
		const res = await api(
			'GetUser',
			{ AccessToken: session.getAccessToken().getJwtToken() },
			emu.url
		);
		expect( res.json ).toEqual( {
			__type: 'NotAuthorizedException',
			message: 'Access Token has expired',
		} );
		const refreshed = await cb< {
			getAccessToken: () => { getJwtToken: () => string };
		} >( ( d ) => user.refreshSession( session.getRefreshToken(), d ) );
		expect(
			(
				await api(
					'GetUser',
					{ AccessToken: refreshed.getAccessToken().getJwtToken() },
					emu.url
				)
			).json.Username
		).toBe( 'bob' );
		await setClock( 31 * 24 * HOUR, emu.url );
		const late = await api(
			'InitiateAuth',
			{
				AuthFlow: 'REFRESH_TOKEN_AUTH',
				ClientId: emu.clientId,
				AuthParameters: {
					REFRESH_TOKEN: session.getRefreshToken().getToken(),
				},
			},
			emu.url
		);
		expect( late.json.__type ).toBe( 'NotAuthorizedException' );
		await setClock( 0, emu.url );
	} );

	it( 'expires SMS MFA codes after 3 minutes', async () => {
		const { user } = await signInOk( 'bob', PASSWORD, pool() );
		await cb( ( d ) =>
			user.updateAttributes(
				[ { Name: 'phone_number', Value: '+15550009999' } ] as never,
				d as never
			)
		);
		await cb( ( d ) =>
			user.setUserMfaPreference(
				{ Enabled: true, PreferredMfa: true },
				null,
				d
			)
		);
		const step = await signIn( 'bob', PASSWORD, pool() );
		expect( step.kind ).toBe( 'SMS_MFA' );
		const code = await latestCode( 'bob', emu.url, 'mfa' );
		await setClock( 3 * 60_000 + 1000, emu.url );
		const err = await failure(
			cb( ( d ) =>
				step.user.sendMFACode( code, {
					onSuccess: () => d( null ),
					onFailure: d,
				} )
			)
		);
		expect( err.code ).toBe( 'ExpiredCodeException' );
		await setClock( 0, emu.url );
	} );

	it( 'refuses clock changes from the public API surface only via loopback (endpoint exists and validates)', async () => {
		const res = await fetch( `${ emu.url }/_emulator/clock`, {
			method: 'POST',
			body: '{}',
		} );
		expect( res.status ).toBe( 400 );
	} );
} );

describe( 'persistence', () => {
	it( 'keeps users, passwords and the signing key across a restart of the same data folder', async () => {
		const emu = await privateEmulator( SEED );
		try {
			await api(
				'SignUp',
				{
					ClientId: emu.clientId,
					Username: 'keeper',
					Password: PASSWORD,
					UserAttributes: [
						{ Name: 'email', Value: 'k@example.com' },
					],
				},
				emu.url
			);
			const before = await (
				await fetch(
					`${ emu.url }/${ emu.poolId }/.well-known/jwks.json`
				)
			).json();
			await emu.close();
			const again = await startEmulator( {
				port: 0,
				dataDir: emu.dataDir,
				seed: SEED,
				quiet: true,
			} );
			try {
				const after = await (
					await fetch(
						`${ again.url }/${ again.poolId }/.well-known/jwks.json`
					)
				).json();
				expect( after ).toEqual( before );
				const err = await failure(
					signIn(
						'keeper',
						PASSWORD,
						userPool( again.clientId, again.url, again.poolId )
					)
				);
				expect( err.code ).toBe( 'UserNotConfirmedException' );
				await signInOk(
					'bob',
					PASSWORD,
					userPool( again.clientId, again.url, again.poolId )
				);
			} finally {
				await again.close();
			}
		} finally {
			await emu.dispose();
		}
	} );
} );
