/**
 * Keeping a profile page's session alive: refresh token rotation (GetTokensFromRefreshToken, the retry grace
 * period on the emulator clock, REFRESH_TOKEN_AUTH refused for rotating clients) and renewals without rotation.
 */
import {
	AdminDisableUserCommand,
	AdminEnableUserCommand,
	AdminUserGlobalSignOutCommand,
	CreateUserPoolClientCommand,
	DescribeUserPoolClientCommand,
	GetTokensFromRefreshTokenCommand,
	GlobalSignOutCommand,
	InvalidParameterException,
	NotAuthorizedException,
	RefreshTokenReuseException,
	UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoUserSession } from 'amazon-cognito-identity-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	adminSdk,
	api,
	cb,
	claimsOf,
	failure,
	privateEmulator,
	setClock,
	signInOk,
	userPool,
} from './helpers';
import { PASSWORD } from './seed';

const POOL = 'us-east-1_Rotation1';
const ROTATING = 'rotatingclient000000000001';
const PLAIN = 'plainclient000000000000001';
const SHORT = 'shortclient000000000000001';

describe( 'refresh token rotation', () => {
	let emu: Awaited< ReturnType< typeof privateEmulator > >;
	beforeAll( async () => {
		emu = await privateEmulator( {
			pool: { id: POOL, name: 'rotation' },
			clients: [
				{
					id: ROTATING,
					name: 'rotating',
					refreshTokenRotation: {
						feature: 'ENABLED',
						retryGracePeriodSeconds: 10,
					},
				},
				{ id: PLAIN, name: 'plain' },
				// Its refresh tokens last one day (RefreshTokenValidity per app client).
				{ id: SHORT, name: 'short', refreshTokenValidityDays: 1 },
			],
			users: [ 'rita', 'paul', 'dina' ].map( ( username ) => ( {
				username,
				password: PASSWORD,
				attributes: {
					email: `${ username }@example.com`,
					email_verified: true,
				},
			} ) ),
		} );
	} );
	afterAll( () => emu.dispose() );

	const sdk = () => adminSdk( emu.url );
	const renew = ( ClientId: string, RefreshToken: string ) =>
		sdk().send(
			new GetTokensFromRefreshTokenCommand( { ClientId, RefreshToken } )
		);
	const signInWith = ( username: string, clientId: string ) =>
		signInOk( username, PASSWORD, userPool( clientId, emu.url, POOL ) );

	it( 'hands out a new refresh token; the replaced one works for the grace period only', async () => {
		const { session } = await signInWith( 'rita', ROTATING );
		const first = session.getRefreshToken().getToken();
		const r2 = ( await renew( ROTATING, first ) ).AuthenticationResult!;
		expect( r2.RefreshToken ).toBeTruthy();
		expect( r2.RefreshToken ).not.toBe( first );
		expect( claimsOf( r2.IdToken! ).origin_jti ).toBe(
			session.getIdToken().payload.origin_jti
		);
		// A retry with the replaced token, within the grace period, still works.
		const retry = ( await renew( ROTATING, first ) ).AuthenticationResult!;
		await setClock( 11_000, emu.url );
		try {
			const reused = await failure( renew( ROTATING, first ) );
			expect( reused ).toBeInstanceOf( RefreshTokenReuseException );
			const latest = ( await renew( ROTATING, retry.RefreshToken! ) )
				.AuthenticationResult!;
			expect( latest.AccessToken ).toBeTruthy();
			await sdk().send(
				new GlobalSignOutCommand( { AccessToken: latest.AccessToken } )
			);
			const revoked = await failure(
				renew( ROTATING, latest.RefreshToken! )
			);
			expect( revoked ).toBeInstanceOf( NotAuthorizedException );
			expect( revoked.message ).toBe( 'Refresh Token has been revoked' );
		} finally {
			await setClock( 0, emu.url );
		}
	} );

	it( 'refuses REFRESH_TOKEN_AUTH for a rotating client (the library refreshSession)', async () => {
		const { user, session } = await signInWith( 'paul', ROTATING );
		const refused = await failure(
			cb< CognitoUserSession >( ( d ) =>
				user.refreshSession( session.getRefreshToken(), d )
			)
		);
		expect( refused.code ).toBe( 'InvalidParameterException' );
		const described = await sdk().send(
			new DescribeUserPoolClientCommand( {
				UserPoolId: POOL,
				ClientId: ROTATING,
			} )
		);
		expect( described.UserPoolClient?.RefreshTokenRotation ).toEqual( {
			Feature: 'ENABLED',
			RetryGracePeriodSeconds: 10,
		} );
		const tooLong = await failure(
			sdk().send(
				new CreateUserPoolClientCommand( {
					UserPoolId: POOL,
					ClientName: 'bad',
					RefreshTokenRotation: {
						Feature: 'ENABLED',
						RetryGracePeriodSeconds: 61,
					},
				} )
			)
		);
		expect( tooLong ).toBeInstanceOf( InvalidParameterException );
	} );

	it( 'renews without a new refresh token when rotation is off, and refuses what REFRESH_TOKEN_AUTH refuses', async () => {
		const { user, session } = await signInWith( 'dina', PLAIN );
		const token = session.getRefreshToken().getToken();
		const renewed = ( await renew( PLAIN, token ) ).AuthenticationResult!;
		expect( renewed.RefreshToken ).toBeUndefined();
		expect( claimsOf( renewed.AccessToken! ).username ).toBe( 'dina' );
		await renew( PLAIN, token );
		await cb( ( d ) =>
			user.refreshSession( session.getRefreshToken(), d )
		);

		const wrongClient = await failure( renew( ROTATING, token ) );
		expect( wrongClient.message ).toBe( 'Invalid Refresh Token' );
		await sdk().send(
			new AdminDisableUserCommand( {
				UserPoolId: POOL,
				Username: 'dina',
			} )
		);
		try {
			const disabled = await failure( renew( PLAIN, token ) );
			expect( disabled ).toBeInstanceOf( NotAuthorizedException );
			expect( disabled.message ).toBe( 'User is disabled.' );
			const viaInitiate = await api(
				'InitiateAuth',
				{
					AuthFlow: 'REFRESH_TOKEN_AUTH',
					ClientId: PLAIN,
					AuthParameters: { REFRESH_TOKEN: token },
				},
				emu.url
			);
			expect( viaInitiate.json ).toEqual( {
				__type: 'NotAuthorizedException',
				message: 'User is disabled.',
			} );
		} finally {
			await sdk().send(
				new AdminEnableUserCommand( {
					UserPoolId: POOL,
					Username: 'dina',
				} )
			);
		}

		// Turning rotation on later (UpdateUserPoolClient) makes the same token rotate.
		await sdk().send(
			new UpdateUserPoolClientCommand( {
				UserPoolId: POOL,
				ClientId: PLAIN,
				ClientName: 'plain',
				RefreshTokenRotation: { Feature: 'ENABLED' },
			} )
		);
		const rotated = ( await renew( PLAIN, token ) ).AuthenticationResult!;
		expect( rotated.RefreshToken ).toBeTruthy();
		// Without a grace period the replaced token is refused at once.
		expect( await failure( renew( PLAIN, token ) ) ).toBeInstanceOf(
			RefreshTokenReuseException
		);
	} );

	it( 'AdminUserGlobalSignOut revokes every refresh token of the user, on every client, and no one else’s', async () => {
		const onPlain = ( await signInWith( 'paul', PLAIN ) ).session
			.getRefreshToken()
			.getToken();
		const onRotating = ( await signInWith( 'paul', ROTATING ) ).session
			.getRefreshToken()
			.getToken();
		const other = ( await signInWith( 'rita', PLAIN ) ).session
			.getRefreshToken()
			.getToken();
		await sdk().send(
			new AdminUserGlobalSignOutCommand( {
				UserPoolId: POOL,
				Username: 'paul',
			} )
		);
		for ( const [ client, token ] of [
			[ PLAIN, onPlain ],
			[ ROTATING, onRotating ],
		] ) {
			const refused = await failure( renew( client, token ) );
			expect( refused ).toBeInstanceOf( NotAuthorizedException );
			expect( refused.message ).toBe( 'Refresh Token has been revoked' );
		}
		expect(
			( await renew( PLAIN, other ) ).AuthenticationResult?.IdToken
		).toBeTruthy();
		// Signing in again works: only the existing grants are gone.
		expect( ( await signInWith( 'paul', PLAIN ) ).session.isValid() ).toBe(
			true
		);
	} );

	it( 'holds each app client to its own refresh token validity', async () => {
		const onShort = ( await signInWith( 'rita', SHORT ) ).session
			.getRefreshToken()
			.getToken();
		const onPlain = ( await signInWith( 'rita', PLAIN ) ).session
			.getRefreshToken()
			.getToken();
		try {
			await setClock( 25 * 3_600_000, emu.url );
			const expired = await failure( renew( SHORT, onShort ) );
			expect( expired ).toBeInstanceOf( NotAuthorizedException );
			expect( expired.message ).toBe( 'Refresh Token has expired' );
			// The default (30 days) still holds a day later.
			expect(
				( await renew( PLAIN, onPlain ) ).AuthenticationResult?.IdToken
			).toBeTruthy();
		} finally {
			await setClock( 0, emu.url );
		}
	} );
} );
