/**
 * The profile's Cognito gateway against a stubbed fetch (the library's own request client underneath): user calls
 * on the cached access token, refresh through REFRESH_TOKEN_AUTH or GetTokensFromRefreshToken (rotating clients),
 * one retry when Cognito says the token expired, and a cleared cache when the refresh token is refused.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { normalizeError } from '../../../src/auth/errors';
import { createCognitoRequest } from '../../../src/auth/cognito-gateway';
import { createCognitoProfileGateway } from '../../../src/auth/profile/cognito-gateway';
import { tokenCache } from '../../../src/auth/profile/tokens';
import { MemoryStorage, wrapStorage } from '../../../src/auth/storage';
import { flush, manualClock } from './fakes';
import { jwt } from './profile-fakes';

const ENDPOINT = 'http://127.0.0.1:9229/';
const PREFIX = 'CognitoIdentityServiceProvider.client1';

// manualClock() starts at 1 000 000 ms, i.e. 1000 s after the epoch.
const VALID = 5_000;
const EXPIRED = 900;

type Reply = { status?: number; body: unknown } | Error | 'hang';

function stubFetch( ...replies: Reply[] ) {
	const calls: Array< {
		url: string;
		operation: string;
		body: Record< string, unknown >;
	} > = [];
	vi.stubGlobal(
		'fetch',
		vi.fn( ( url: string, init: RequestInit ) => {
			const headers = init.headers as Record< string, string >;
			calls.push( {
				url,
				operation: ( headers[ 'X-Amz-Target' ] ?? '' ).replace(
					'AWSCognitoIdentityProviderService.',
					''
				),
				body: JSON.parse( String( init.body ) ),
			} );
			const reply = replies.shift() ?? {
				status: 500,
				body: {
					__type: 'InternalErrorException',
					message: 'unscripted',
				},
			};
			if ( reply === 'hang' ) {
				return new Promise( () => undefined );
			}
			if ( reply instanceof Error ) {
				return Promise.reject( reply );
			}
			return Promise.resolve(
				new Response( JSON.stringify( reply.body ), {
					status: reply.status ?? 200,
				} )
			);
		} )
	);
	return calls;
}

const refused = ( type: string, message: string ): Reply => ( {
	status: 400,
	body: { __type: type, message },
} );

function tokensOf( kind: 'id' | 'access', exp: number, tag: string ) {
	return jwt( { sub: 'sub-ada', exp, tag, token_use: kind } );
}

/**
 * A gateway over a storage that holds ada's tokens (unless `tokens` is null).
 * @param tokens
 * @param options
 * @param options.deviceName
 */
function setup(
	tokens: {
		idExp?: number;
		accessExp?: number;
		refreshToken?: string;
	} | null = {},
	options: { deviceName?: string } = {}
) {
	const backend = new MemoryStorage();
	backend.setItem( 'site.theme', 'dark' ); // not the library's: never cleared
	const storage = wrapStorage( backend );
	const clock = manualClock();
	if ( tokens ) {
		tokenCache( storage, 'client1' ).write( {
			username: 'ada',
			idToken: tokensOf( 'id', tokens.idExp ?? VALID, 'old' ),
			accessToken: tokensOf( 'access', tokens.accessExp ?? VALID, 'old' ),
			refreshToken: tokens.refreshToken ?? 'refresh-1',
		} );
	}
	const gateway = createCognitoProfileGateway( {
		clientId: 'client1',
		request: createCognitoRequest( {
			userPoolId: 'local_pool1',
			clientId: 'client1',
			endpoint: ENDPOINT,
		} ),
		storage,
		clock,
		timeoutMs: 5_000,
		...options,
	} );
	const stored = () => tokenCache( storage, 'client1' ).read();
	return { gateway, backend, storage, clock, stored };
}

const fresh = {
	IdToken: tokensOf( 'id', VALID, 'new' ),
	AccessToken: tokensOf( 'access', VALID, 'new' ),
};

const USER = {
	Username: 'ada',
	UserAttributes: [
		{ Name: 'sub', Value: 'sub-ada' },
		{ Name: 'email', Value: 'ada@example.test' },
		{ Name: 'email_verified', Value: 'true' },
		{ Name: 'broken' },
	],
	UserMFASettingList: [ 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP' ],
	PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
};

afterEach( () => {
	vi.unstubAllGlobals();
} );

describe( 'cognito profile gateway: user calls', () => {
	it( 'reads the account with the cached access token, through the endpoint override', async () => {
		const calls = stubFetch( { body: USER } );
		const { gateway, stored } = setup();
		await expect( gateway.getAccount() ).resolves.toEqual( {
			attributes: {
				sub: 'sub-ada',
				email: 'ada@example.test',
				email_verified: 'true',
			},
			mfa: {
				enabled: [ 'SOFTWARE_TOKEN_MFA' ],
				preferred: 'SOFTWARE_TOKEN_MFA',
			},
		} );
		expect( calls ).toEqual( [
			{
				url: ENDPOINT,
				operation: 'GetUser',
				body: { AccessToken: stored()?.accessToken },
			},
		] );
	} );

	it( 'reads a user without MFA settings as no factors', async () => {
		stubFetch( { body: { UserAttributes: [] } } );
		await expect( setup().gateway.getAccount() ).resolves.toEqual( {
			attributes: {},
			mfa: { enabled: [], preferred: undefined },
		} );
	} );

	it( 'maps every write to its Cognito operation and parameters', async () => {
		const calls = stubFetch(
			{
				body: {
					CodeDeliveryDetailsList: [
						{
							DeliveryMedium: 'EMAIL',
							Destination: 'a***@n***',
							AttributeName: 'email',
						},
						null,
					],
				},
			},
			{ body: {} },
			{
				body: {
					CodeDeliveryDetails: {
						DeliveryMedium: 'SMS',
						Destination: '+***99',
						AttributeName: 'phone_number',
					},
				},
			},
			{ body: {} },
			{ body: { SecretCode: 'JBSWY3DPEHPK3PXP' } },
			{ body: { Status: 'SUCCESS' } },
			{ body: {} }
		);
		const { gateway, stored } = setup( {}, { deviceName: 'Ada’s phone' } );
		const accessToken = stored()?.accessToken;

		await expect(
			gateway.updateAttributes( {
				email: 'ada@new.test',
				'custom:tier': 'gold',
			} )
		).resolves.toEqual( [
			{
				medium: 'EMAIL',
				destination: 'a***@n***',
				attributeName: 'email',
			},
		] );
		await gateway.verifyAttribute( { name: 'email', code: '123456' } );
		await expect(
			gateway.resendAttributeCode( { name: 'phone_number' } )
		).resolves.toEqual( {
			medium: 'SMS',
			destination: '+***99',
			attributeName: 'phone_number',
		} );
		await gateway.changePassword( { current: 'Old1!', next: 'N3w!' } );
		await expect( gateway.associateTotp() ).resolves.toEqual( {
			secret: 'JBSWY3DPEHPK3PXP',
		} );
		await gateway.verifyTotp( { code: '654321' } );
		await gateway.setMfaPreference( {
			totp: { enabled: true, preferred: true },
		} );

		expect( calls.map( ( c ) => [ c.operation, c.body ] ) ).toEqual( [
			[
				'UpdateUserAttributes',
				{
					UserAttributes: [
						{ Name: 'email', Value: 'ada@new.test' },
						{ Name: 'custom:tier', Value: 'gold' },
					],
					AccessToken: accessToken,
				},
			],
			[
				'VerifyUserAttribute',
				{
					AttributeName: 'email',
					Code: '123456',
					AccessToken: accessToken,
				},
			],
			[
				'GetUserAttributeVerificationCode',
				{ AttributeName: 'phone_number', AccessToken: accessToken },
			],
			[
				'ChangePassword',
				{
					PreviousPassword: 'Old1!',
					ProposedPassword: 'N3w!',
					AccessToken: accessToken,
				},
			],
			[ 'AssociateSoftwareToken', { AccessToken: accessToken } ],
			[
				'VerifySoftwareToken',
				{
					UserCode: '654321',
					FriendlyDeviceName: 'Ada’s phone',
					AccessToken: accessToken,
				},
			],
			[
				'SetUserMFAPreference',
				{
					// SMSMfaSettings is left out: the SMS factor stays as it is.
					SoftwareTokenMfaSettings: {
						Enabled: true,
						PreferredMfa: true,
					},
					AccessToken: accessToken,
				},
			],
		] );
	} );

	it( 'names the authenticator "Authenticator" unless configured, and turns it off unpreferred', async () => {
		const calls = stubFetch( { body: {} }, { body: {} } );
		const { gateway } = setup();
		await gateway.verifyTotp( { code: '1' } );
		await gateway.setMfaPreference( { totp: { enabled: false } } );
		expect( calls[ 0 ]?.body.FriendlyDeviceName ).toBe( 'Authenticator' );
		expect( calls[ 1 ]?.body.SoftwareTokenMfaSettings ).toEqual( {
			Enabled: false,
			PreferredMfa: false,
		} );
	} );

	it( 'refuses an authenticator answer without a secret', async () => {
		stubFetch( { body: {} } );
		const error = await setup()
			.gateway.associateTotp()
			.catch( ( e: unknown ) => e );
		expect( normalizeError( error ).code ).toBe( 'reauth_required' );
	} );

	it( 'clears only the library’s keys after signing out everywhere or deleting the user', async () => {
		const calls = stubFetch( { body: {} } );
		const { gateway, backend, stored } = setup();
		await gateway.globalSignOut();
		expect( calls[ 0 ]?.operation ).toBe( 'GlobalSignOut' );
		expect( stored() ).toBeNull();
		expect( backend.length ).toBe( 1 );
		expect( backend.getItem( 'site.theme' ) ).toBe( 'dark' );

		stubFetch( { body: {} } );
		const other = setup();
		await other.gateway.deleteUser();
		expect( other.stored() ).toBeNull();
		expect( other.backend.getItem( 'site.theme' ) ).toBe( 'dark' );
	} );

	it( 'keeps the tokens when GlobalSignOut fails', async () => {
		stubFetch( refused( 'InternalErrorException', 'boom' ) );
		const { gateway, stored } = setup();
		await expect( gateway.globalSignOut() ).rejects.toMatchObject( {
			code: 'InternalErrorException',
		} );
		expect( stored() ).not.toBeNull();
	} );

	it( 'forgets the tokens without any request', () => {
		const calls = stubFetch();
		const { gateway, backend, stored } = setup();
		gateway.forget();
		expect( stored() ).toBeNull();
		expect( backend.getItem( 'site.theme' ) ).toBe( 'dark' );
		expect( calls ).toHaveLength( 0 );
	} );

	it( 'has no session to call with when the browser holds no tokens', async () => {
		const calls = stubFetch();
		const error = await setup( null )
			.gateway.getAccount()
			.catch( ( e: unknown ) => e );
		expect( error ).toMatchObject( { code: 'NoCognitoSession' } );
		expect( normalizeError( error ).code ).toBe( 'reauth_required' );
		expect( calls ).toHaveLength( 0 );
	} );

	it( 'gives up on a call that never answers after its timeout', async () => {
		stubFetch( 'hang' );
		const { gateway, clock } = setup();
		const result = gateway.getAccount().catch( ( e: unknown ) => e );
		await flush();
		clock.advance( 5_000 );
		expect( normalizeError( await result ).code ).toBe( 'network' );
	} );
} );

describe( 'cognito profile gateway: refreshing tokens', () => {
	it( 'refreshes an expired access token with REFRESH_TOKEN_AUTH first, then makes the call', async () => {
		const calls = stubFetch(
			{ body: { AuthenticationResult: fresh } },
			{ body: USER }
		);
		const { gateway, stored } = setup( { accessExp: EXPIRED } );
		await gateway.getAccount();
		expect( calls.map( ( c ) => c.operation ) ).toEqual( [
			'InitiateAuth',
			'GetUser',
		] );
		expect( calls[ 0 ]?.body ).toEqual( {
			ClientId: 'client1',
			AuthFlow: 'REFRESH_TOKEN_AUTH',
			AuthParameters: { REFRESH_TOKEN: 'refresh-1' },
		} );
		expect( calls[ 1 ]?.body.AccessToken ).toBe( fresh.AccessToken );
		// The new tokens are cached; the refresh token stays when Cognito sends none.
		expect( stored() ).toEqual( {
			username: 'ada',
			idToken: fresh.IdToken,
			accessToken: fresh.AccessToken,
			refreshToken: 'refresh-1',
		} );
	} );

	it( 'falls back to GetTokensFromRefreshToken for a rotating client and stores the rotated refresh token', async () => {
		const rotating = refused(
			'NotAuthorizedException',
			'Refresh token rotation is enabled: use GetTokensFromRefreshToken.'
		);
		const rotated = ( RefreshToken: string ): Reply => ( {
			body: { AuthenticationResult: { ...fresh, RefreshToken } },
		} );
		const calls = stubFetch(
			rotating,
			rotated( 'refresh-2' ),
			{ body: USER },
			rotating,
			rotated( 'refresh-3' )
		);
		const { gateway, stored } = setup( { accessExp: EXPIRED } );
		await gateway.getAccount();
		expect( calls.map( ( c ) => c.operation ) ).toEqual( [
			'InitiateAuth',
			'GetTokensFromRefreshToken',
			'GetUser',
		] );
		expect( calls[ 1 ]?.body ).toEqual( {
			ClientId: 'client1',
			RefreshToken: 'refresh-1',
		} );
		expect( stored()?.refreshToken ).toBe( 'refresh-2' );
		expect( calls[ 2 ]?.body.AccessToken ).toBe( fresh.AccessToken );

		// The next refresh uses the rotated token.
		await gateway.refresh();
		expect( calls[ 3 ]?.body ).toMatchObject( {
			AuthParameters: { REFRESH_TOKEN: 'refresh-2' },
		} );
		expect( calls[ 4 ]?.body.RefreshToken ).toBe( 'refresh-2' );
		expect( stored()?.refreshToken ).toBe( 'refresh-3' );
	} );

	it( 'does not fall back when the refresh failed on the network', async () => {
		const calls = stubFetch( new TypeError( 'Failed to fetch' ) );
		const { gateway, stored } = setup( { accessExp: EXPIRED } );
		const error = await gateway.getAccount().catch( ( e: unknown ) => e );
		expect( normalizeError( error ).code ).toBe( 'network' );
		expect( calls.map( ( c ) => c.operation ) ).toEqual( [
			'InitiateAuth',
		] );
		expect( stored()?.refreshToken ).toBe( 'refresh-1' );
	} );

	it( 'refreshes once and calls again when Cognito says the access token has expired', async () => {
		const calls = stubFetch(
			refused( 'NotAuthorizedException', 'Access Token has expired' ),
			{ body: { AuthenticationResult: fresh } },
			{ body: USER }
		);
		const { gateway, stored } = setup(); // valid by the local clock
		await expect( gateway.getAccount() ).resolves.toMatchObject( {
			attributes: { email: 'ada@example.test' },
		} );
		expect( calls.map( ( c ) => c.operation ) ).toEqual( [
			'GetUser',
			'InitiateAuth',
			'GetUser',
		] );
		expect( calls[ 0 ]?.body.AccessToken ).not.toBe( fresh.AccessToken );
		expect( calls[ 2 ]?.body.AccessToken ).toBe( fresh.AccessToken );
		expect( stored()?.accessToken ).toBe( fresh.AccessToken );
	} );

	it( 'retries only once: a second "expired" is the caller’s', async () => {
		const calls = stubFetch(
			refused( 'NotAuthorizedException', 'Access Token has expired' ),
			{ body: { AuthenticationResult: fresh } },
			refused( 'NotAuthorizedException', 'Access Token has expired' )
		);
		const error = await setup()
			.gateway.updateAttributes( { given_name: 'Ada' } )
			.catch( ( e: unknown ) => e );
		expect( error ).toMatchObject( { code: 'NotAuthorizedException' } );
		expect( calls.map( ( c ) => c.operation ) ).toEqual( [
			'UpdateUserAttributes',
			'InitiateAuth',
			'UpdateUserAttributes',
		] );
	} );

	it( 'does not refresh for a revoked token or an unwritable attribute', async () => {
		const calls = stubFetch(
			refused(
				'NotAuthorizedException',
				'Access Token has been revoked'
			),
			refused(
				'NotAuthorizedException',
				'A client attempted to write unauthorized attribute'
			)
		);
		const { gateway } = setup();
		const revoked = await gateway.getAccount().catch( ( e: unknown ) => e );
		expect( normalizeError( revoked ).code ).toBe( 'not_authorized' );
		const unwritable = await gateway
			.updateAttributes( { 'custom:tier': 'gold' } )
			.catch( ( e: unknown ) => e );
		expect( normalizeError( unwritable ).code ).toBe(
			'attribute_not_writable'
		);
		expect( calls.map( ( c ) => c.operation ) ).toEqual( [
			'GetUser',
			'UpdateUserAttributes',
		] );
	} );

	it( 'refreshes on demand, for an ID token with the changed attributes', async () => {
		const calls = stubFetch( { body: { AuthenticationResult: fresh } } );
		const { gateway } = setup();
		const session = await gateway.refresh();
		expect( calls[ 0 ]?.operation ).toBe( 'InitiateAuth' );
		expect( session ).toEqual( {
			username: 'ada',
			idToken: fresh.IdToken,
			claims: expect.objectContaining( { sub: 'sub-ada', tag: 'new' } ),
		} );
	} );

	it( 'cannot refresh without cached tokens or without a refresh token', async () => {
		const calls = stubFetch();
		await expect( setup( null ).gateway.refresh() ).rejects.toMatchObject( {
			code: 'NoCognitoSession',
		} );
		await expect(
			setup( { refreshToken: '' } ).gateway.refresh()
		).rejects.toMatchObject( { code: 'NoCognitoSession' } );
		expect( calls ).toHaveLength( 0 );
	} );

	it( 'refuses an answer without tokens', async () => {
		stubFetch( { body: { AuthenticationResult: { IdToken: 'x' } } } );
		await expect( setup().gateway.refresh() ).rejects.toMatchObject( {
			code: 'NoCognitoSession',
		} );
	} );
} );

describe( 'cognito profile gateway: current()', () => {
	it( 'is null, without any request, when the browser holds no tokens', async () => {
		const calls = stubFetch();
		await expect( setup( null ).gateway.current() ).resolves.toBeNull();
		expect( calls ).toHaveLength( 0 );
	} );

	it( 'reads the session from a valid ID token without any request', async () => {
		const calls = stubFetch();
		const { gateway, stored } = setup();
		await expect( gateway.current() ).resolves.toEqual( {
			username: 'ada',
			idToken: stored()?.idToken,
			claims: expect.objectContaining( { sub: 'sub-ada', exp: VALID } ),
		} );
		expect( calls ).toHaveLength( 0 );
	} );

	it( 'refreshes an expired ID token first', async () => {
		const calls = stubFetch( { body: { AuthenticationResult: fresh } } );
		const { gateway } = setup( { idExp: EXPIRED } );
		const session = await gateway.current();
		expect( calls.map( ( c ) => c.operation ) ).toEqual( [
			'InitiateAuth',
		] );
		expect( session?.idToken ).toBe( fresh.IdToken );
	} );

	it( 'is null and clears the cache when Cognito refuses the refresh token', async () => {
		const calls = stubFetch(
			refused(
				'NotAuthorizedException',
				'Refresh Token has been revoked'
			),
			refused(
				'NotAuthorizedException',
				'Refresh Token has been revoked'
			)
		);
		const { gateway, backend, stored } = setup( { idExp: EXPIRED } );
		await expect( gateway.current() ).resolves.toBeNull();
		expect( calls.map( ( c ) => c.operation ) ).toEqual( [
			'InitiateAuth',
			'GetTokensFromRefreshToken',
		] );
		expect( stored() ).toBeNull();
		expect( backend.length ).toBe( 1 );
		expect( backend.getItem( 'site.theme' ) ).toBe( 'dark' );
	} );

	it( 'is null and clears the cache for an expired session without a refresh token', async () => {
		const calls = stubFetch();
		const { gateway, stored } = setup( {
			idExp: EXPIRED,
			refreshToken: '',
		} );
		await expect( gateway.current() ).resolves.toBeNull();
		expect( stored() ).toBeNull();
		expect( calls ).toHaveLength( 0 );
	} );

	it( 'is null and clears the cache when the refreshed ID token is unreadable', async () => {
		stubFetch( {
			body: {
				AuthenticationResult: {
					IdToken: 'not-a-jwt',
					AccessToken: fresh.AccessToken,
				},
			},
		} );
		const { gateway, stored } = setup( { idExp: EXPIRED } );
		await expect( gateway.current() ).resolves.toBeNull();
		expect( stored() ).toBeNull();
	} );

	it( 'rejects, keeping the tokens, when the refresh failed on the network', async () => {
		stubFetch( new TypeError( 'Failed to fetch' ) );
		const { gateway, backend, stored } = setup( { idExp: EXPIRED } );
		const error = await gateway.current().catch( ( e: unknown ) => e );
		expect( normalizeError( error ).code ).toBe( 'network' );
		expect( stored() ).not.toBeNull();
		expect( backend.getItem( `${ PREFIX }.LastAuthUser` ) ).toBe( 'ada' );
	} );
} );
