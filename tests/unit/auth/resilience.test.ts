import { describe, expect, it } from 'vitest';
import { createInitialState, transition } from '../../../src/auth/machine';
import { SessionError } from '../../../src/auth/session';
import {
	SIGNED_IN,
	cognitoError,
	expectTimeoutAfter,
	flush,
	startFlow,
} from './fakes';

function setup( timeoutMs = 10_000 ) {
	return startFlow( { timeoutMs, initial: { redirectTo: '/r/' } } );
}

const SIGN_IN = {
	type: 'SUBMIT_SIGN_IN',
	username: 'alice',
	password: 'Secret1!',
} as const;

describe( 'network failures', () => {
	it( 'shows a network error and re-runs the failed request on retry', async () => {
		const { gateway, runner, facade } = setup();
		gateway.signIn.mockRejectedValueOnce(
			Object.assign( new Error( 'Network error' ), {
				code: 'NetworkError',
			} )
		);
		runner.send( SIGN_IN );
		await flush();

		expect( facade() ).toMatchObject( {
			step: 'signIn',
			busy: false,
			canRetry: true,
			error: { code: 'network' },
		} );
		expect( facade().context.username ).toBe( 'alice' );

		gateway.signIn.mockResolvedValueOnce( SIGNED_IN );
		runner.send( { type: 'RETRY' } );
		expect( facade().busy ).toBe( true );
		await flush();

		expect( gateway.signIn ).toHaveBeenCalledTimes( 2 );
		expect( gateway.signIn.mock.calls[ 1 ]?.[ 0 ] ).toMatchObject( {
			username: 'alice',
			password: 'Secret1!',
		} );
		expect( facade() ).toMatchObject( { step: 'done', canRetry: false } );
		expect( facade().error ).toBeUndefined();
	} );

	it( 'times out a request that never answers instead of staying busy', async () => {
		const { gateway, clock, runner, facade } = setup( 10_000 );
		gateway.signIn.mockReturnValueOnce( new Promise( () => undefined ) );
		runner.send( SIGN_IN );
		await expectTimeoutAfter( clock, facade, 10_000 );

		gateway.signIn.mockResolvedValueOnce( SIGNED_IN );
		runner.send( { type: 'RETRY' } );
		await flush();
		expect( facade().step ).toBe( 'done' );
	} );

	it( 'retries a challenge answer, not the whole sign-in', async () => {
		const { gateway, runner, facade } = setup();
		gateway.signIn.mockResolvedValueOnce( { type: 'totpRequired' } );
		runner.send( SIGN_IN );
		await flush();
		gateway.sendMfaCode.mockRejectedValueOnce(
			new TypeError( 'Failed to fetch' )
		);
		runner.send( { type: 'SUBMIT_CODE', code: '123456' } );
		await flush();
		expect( facade() ).toMatchObject( {
			step: 'totpMfa',
			canRetry: true,
			error: { code: 'network' },
		} );

		gateway.sendMfaCode.mockResolvedValueOnce( SIGNED_IN );
		runner.send( { type: 'RETRY' } );
		await flush();
		expect( gateway.signIn ).toHaveBeenCalledTimes( 1 );
		expect( gateway.sendMfaCode ).toHaveBeenCalledTimes( 2 );
		expect( facade().step ).toBe( 'done' );
	} );

	it( 'offers no retry for errors the same request cannot fix, and keeps inputs', async () => {
		const { gateway, runner, facade } = setup();
		gateway.signIn.mockRejectedValueOnce(
			cognitoError(
				'NotAuthorizedException',
				'Incorrect username or password.'
			)
		);
		runner.send( SIGN_IN );
		await flush();
		expect( facade() ).toMatchObject( {
			busy: false,
			canRetry: false,
			error: { code: 'not_authorized' },
		} );
		expect( runner.getState().inputs ).toMatchObject( {
			username: 'alice',
			password: 'Secret1!',
		} );
		runner.send( { type: 'RETRY' } );
		await flush();
		expect( gateway.signIn ).toHaveBeenCalledTimes( 1 );
	} );
} );

describe( 'TOTP set-up outage', () => {
	it( 'retries fetching the secret, then shows it', async () => {
		const { gateway, runner, facade } = setup();
		gateway.signIn.mockResolvedValueOnce( {
			type: 'mfaSetup',
			options: [ 'SOFTWARE_TOKEN_MFA' ],
		} );
		gateway.associateTotp
			.mockRejectedValueOnce( new TypeError( 'Failed to fetch' ) )
			.mockResolvedValueOnce( { secret: 'ABCDEF234567' } );
		runner.send( SIGN_IN );
		await flush();
		expect( facade() ).toMatchObject( {
			step: 'totpSetup',
			busy: false,
			canRetry: true,
			error: { code: 'network' },
		} );
		// Without a secret there is nothing to verify yet.
		runner.send( { type: 'SUBMIT_CODE', code: '123456' } );
		expect( gateway.verifyTotp ).not.toHaveBeenCalled();

		runner.send( { type: 'RETRY' } );
		await flush();
		expect( gateway.associateTotp ).toHaveBeenCalledTimes( 2 );
		expect( facade().context.totpSecret ).toBe( 'ABCDEF234567' );
		expect( facade().error ).toBeUndefined();
	} );
} );

describe( 'session endpoint', () => {
	it( 'shows a refusal from WordPress, drops the Cognito tokens and stays on the form', async () => {
		const { gateway, session, runner, facade } = setup();
		gateway.signIn.mockResolvedValueOnce( SIGNED_IN );
		session.createSession.mockRejectedValueOnce(
			new SessionError(
				'cognito_blocks_login_not_allowed',
				'Login not allowed',
				403
			)
		);
		runner.send( SIGN_IN );
		await flush();

		expect( facade() ).toMatchObject( {
			step: 'signIn',
			busy: false,
			canRetry: false,
			error: { code: 'login_denied' },
		} );
		expect( facade().context.username ).toBe( 'alice' );
		expect( gateway.signOut ).toHaveBeenCalledOnce();
	} );

	it( 'retries only the session POST after a rate limit or outage', async () => {
		const { gateway, session, runner, facade } = setup();
		gateway.signIn.mockResolvedValueOnce( SIGNED_IN );
		session.createSession.mockRejectedValueOnce( {
			code: 'cognito_blocks_rate_limited',
			message: 'Slow down',
			data: { status: 429 },
		} );
		runner.send( SIGN_IN );
		await flush();
		expect( facade() ).toMatchObject( {
			canRetry: true,
			error: { code: 'too_many_requests' },
		} );
		expect( gateway.signOut ).not.toHaveBeenCalled();

		runner.send( { type: 'RETRY' } );
		await flush();
		expect( gateway.signIn ).toHaveBeenCalledTimes( 1 );
		expect( session.createSession ).toHaveBeenCalledTimes( 2 );
		expect( session.createSession.mock.calls[ 1 ]?.[ 0 ] ).toEqual( {
			idToken: 'id.jwt',
			refreshToken: 'refresh',
			remember: false,
			redirectTo: '/r/',
		} );
		expect( facade().step ).toBe( 'done' );
	} );
} );

describe( 'transition purity', () => {
	it( 'ignores answers to requests that are not the current one', () => {
		const started = transition( createInitialState(), { ...SIGN_IN }, 0 );
		const id = started.request?.id ?? 0;
		expect(
			transition(
				started,
				{
					type: 'RESOLVED',
					id: id + 1,
					outcome: { kind: 'signIn', result: SIGNED_IN },
				},
				0
			)
		).toBe( started );

		const idle = createInitialState();
		expect(
			transition(
				idle,
				{ type: 'RESOLVED', id: 1, outcome: { kind: 'confirmed' } },
				0
			)
		).toBe( idle );
	} );

	it( 'does not mutate the state it is given', () => {
		const state = createInitialState( { step: 'signIn' } );
		const snapshot = structuredClone( state );
		transition( state, SIGN_IN, 0 );
		expect( state ).toEqual( snapshot );
	} );

	it( 'ignores events that do not belong to the current step', () => {
		const state = createInitialState( { step: 'signIn' } );
		expect(
			transition( state, { type: 'SUBMIT_CODE', code: '1' }, 0 )
		).toBe( state );
		expect( transition( state, { type: 'RESEND_CODE' }, 0 ) ).toBe( state );
		expect(
			transition(
				state,
				{ type: 'SUBMIT_SIGN_UP', username: 'a', password: 'b' },
				0
			)
		).toBe( state );
		expect( transition( state, { type: 'RETRY' }, 0 ) ).toBe( state );
	} );

	it( 'accepts nothing once done', async () => {
		const { gateway, runner } = setup();
		gateway.signIn.mockResolvedValueOnce( SIGNED_IN );
		runner.send( SIGN_IN );
		await flush();
		const done = runner.getState();
		runner.send( { type: 'GO_TO', step: 'signIn' } );
		expect( runner.getState() ).toBe( done );
	} );

	it( 'stops reporting after dispose', async () => {
		const { gateway, runner } = setup();
		gateway.signIn.mockResolvedValueOnce( SIGNED_IN );
		runner.send( SIGN_IN );
		runner.dispose();
		await flush();
		expect( runner.getState().step ).toBe( 'signIn' );
	} );
} );
