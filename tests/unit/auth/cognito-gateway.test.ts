/**
 * The amazon-cognito-identity-js gateway against a stubbed fetch: request shape, endpoint override, result
 * mapping, errors and timeouts. SRP itself is exercised against the emulator in browser tests.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCognitoGateway } from '../../../src/auth/cognito-gateway';
import { normalizeError } from '../../../src/auth/errors';
import {
	COGNITO_KEY_PREFIX,
	MemoryStorage,
	wrapStorage,
} from '../../../src/auth/storage';
import { flush, manualClock } from './fakes';

const ENDPOINT = 'http://127.0.0.1:9229/';

type Reply = { status?: number; body: unknown } | Error | 'hang';

function stubFetch( ...replies: Reply[] ) {
	const calls: Array< {
		url: string;
		target: string;
		body: Record< string, unknown >;
	} > = [];
	const fetch = vi.fn( ( url: string, init: RequestInit ) => {
		const headers = init.headers as Record< string, string >;
		calls.push( {
			url,
			target: headers[ 'X-Amz-Target' ] ?? '',
			body: JSON.parse( String( init.body ) ),
		} );
		const reply = replies.shift() ?? {
			status: 500,
			body: { __type: 'InternalErrorException' },
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
	} );
	vi.stubGlobal( 'fetch', fetch );
	return calls;
}

function gateway(
	options: {
		timeoutMs?: number;
		storage?: ReturnType< typeof wrapStorage >;
	} = {}
) {
	const clock = manualClock();
	return {
		clock,
		gateway: createCognitoGateway( {
			userPoolId: 'local_pool1',
			clientId: 'client1',
			endpoint: ENDPOINT,
			clock,
			...options,
		} ),
	};
}

afterEach( () => {
	vi.unstubAllGlobals();
} );

describe( 'cognito gateway', () => {
	it( 'signs up through the endpoint override with every non-empty attribute', async () => {
		const calls = stubFetch( {
			body: {
				UserConfirmed: false,
				UserSub: 'sub-1',
				CodeDeliveryDetails: {
					DeliveryMedium: 'EMAIL',
					Destination: 'b***@e***',
				},
			},
		} );
		const result = await gateway().gateway.signUp( {
			username: 'bob',
			password: 'Chosen1!pw',
			attributes: {
				email: 'bob@example.test',
				'custom:company': 'Acme',
				nickname: '',
			},
		} );

		expect( calls[ 0 ] ).toMatchObject( {
			url: ENDPOINT,
			target: 'AWSCognitoIdentityProviderService.SignUp',
		} );
		expect( calls[ 0 ]?.body ).toMatchObject( {
			ClientId: 'client1',
			Username: 'bob',
			UserAttributes: [
				{ Name: 'email', Value: 'bob@example.test' },
				{ Name: 'custom:company', Value: 'Acme' },
			],
		} );
		expect( result ).toEqual( {
			confirmed: false,
			delivery: {
				medium: 'EMAIL',
				destination: 'b***@e***',
				attributeName: undefined,
			},
		} );
	} );

	it( 'confirms, resends and resets with typed results', async () => {
		const calls = stubFetch(
			{ body: {} },
			{ body: { CodeDeliveryDetails: { Destination: 'r***' } } },
			{ body: { CodeDeliveryDetails: { Destination: 'f***' } } },
			{ body: {} }
		);
		const { gateway: g } = gateway();
		await expect(
			g.confirmSignUp( { username: 'bob', code: '123' } )
		).resolves.toBeUndefined();
		await expect(
			g.resendCode( { username: 'bob' } )
		).resolves.toMatchObject( { delivery: { destination: 'r***' } } );
		await expect(
			g.forgotPassword( { username: 'bob' } )
		).resolves.toMatchObject( { delivery: { destination: 'f***' } } );
		await expect(
			g.confirmForgotPassword( {
				username: 'bob',
				code: '9',
				newPassword: 'N3w!pass',
			} )
		).resolves.toBeUndefined();
		expect( calls.map( ( c ) => c.target.split( '.' ).pop() ) ).toEqual( [
			'ConfirmSignUp',
			'ResendConfirmationCode',
			'ForgotPassword',
			'ConfirmForgotPassword',
		] );
		expect( calls[ 0 ]?.body ).toMatchObject( {
			ForceAliasCreation: false,
			ConfirmationCode: '123',
		} );
	} );

	it( 'rejects with the Cognito exception name', async () => {
		stubFetch( {
			status: 400,
			body: {
				__type: 'CodeMismatchException',
				message: 'Invalid verification code provided',
			},
		} );
		const error = await gateway()
			.gateway.confirmSignUp( { username: 'bob', code: '1' } )
			.catch( ( e: unknown ) => e );
		expect( normalizeError( error ).code ).toBe( 'code_mismatch' );
	} );

	it( 'reports an unreachable server as a network error', async () => {
		stubFetch( new TypeError( 'fetch failed' ) );
		const error = await gateway()
			.gateway.forgotPassword( { username: 'bob' } )
			.catch( ( e: unknown ) => e );
		expect( normalizeError( error ) ).toMatchObject( {
			code: 'network',
			retryable: true,
		} );
	} );

	it( 'times out a request that never answers', async () => {
		stubFetch( 'hang' );
		const { gateway: g, clock } = gateway( { timeoutMs: 5_000 } );
		const outcome = g
			.resendCode( { username: 'bob' } )
			.catch( ( e: unknown ) => e );
		await flush();
		clock.advance( 5_000 );
		expect( normalizeError( await outcome ) ).toMatchObject( {
			code: 'network',
			retryable: true,
		} );
	} );

	it( 'reads a challenge answer without a sign-in in progress as an expired session', async () => {
		stubFetch();
		const error = await gateway()
			.gateway.sendMfaCode( { code: '1', mfaType: 'SMS_MFA' } )
			.catch( ( e: unknown ) => e );
		expect( normalizeError( error ).code ).toBe( 'session_expired' );
	} );

	it( 'starts SRP sign-in with USER_SRP_AUTH and never sends the password', async () => {
		const calls = stubFetch( {
			status: 400,
			body: {
				__type: 'UserNotConfirmedException',
				message: 'User is not confirmed.',
			},
		} );
		const error = await gateway()
			.gateway.signIn( { username: 'carol', password: 'Carol1!pw' } )
			.catch( ( e: unknown ) => e );
		expect( normalizeError( error ).code ).toBe( 'user_not_confirmed' );
		expect( calls[ 0 ]?.target ).toBe(
			'AWSCognitoIdentityProviderService.InitiateAuth'
		);
		expect( calls[ 0 ]?.body ).toMatchObject( {
			AuthFlow: 'USER_SRP_AUTH',
			AuthParameters: { USERNAME: 'carol' },
		} );
		expect( JSON.stringify( calls ) ).not.toContain( 'Carol1!pw' );
	} );

	it( 'clears cached tokens on sign-out without a network call', async () => {
		const calls = stubFetch();
		const backend = new MemoryStorage();
		backend.setItem(
			`${ COGNITO_KEY_PREFIX }client1.LastAuthUser`,
			'alice'
		);
		backend.setItem(
			`${ COGNITO_KEY_PREFIX }client1.alice.idToken`,
			'id.jwt'
		);
		backend.setItem( 'unrelated', 'kept' );
		await gateway( { storage: wrapStorage( backend ) } ).gateway.signOut();
		expect(
			backend.getItem( `${ COGNITO_KEY_PREFIX }client1.alice.idToken` )
		).toBeNull();
		expect( backend.getItem( 'unrelated' ) ).toBe( 'kept' );
		expect( calls ).toHaveLength( 0 );
	} );
} );
