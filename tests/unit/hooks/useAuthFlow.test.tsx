import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useAuthFlow } from '../../../src/hooks/useAuthFlow';
import { useCooldown } from '../../../src/hooks/useCooldown';
import {
	SIGNED_IN,
	cognitoError,
	fakeGateway,
	fakeSession,
	flush,
	manualClock,
} from '../auth/fakes';

function render( initial = {} ) {
	const gateway = fakeGateway();
	const session = fakeSession( '/welcome/' );
	const onDone = vi.fn();
	const hook = renderHook( () =>
		useAuthFlow( {
			gateway,
			session,
			onDone,
			clock: manualClock(),
			initial,
		} )
	);
	return { gateway, session, onDone, hook };
}

describe( 'useAuthFlow', () => {
	it( 'exposes the facade and re-renders through sign-in to done', async () => {
		const { gateway, onDone, hook } = render();
		expect( hook.result.current ).toMatchObject( {
			step: 'signIn',
			busy: false,
			canRetry: false,
			error: undefined,
		} );

		gateway.signIn.mockResolvedValueOnce( SIGNED_IN );
		act( () =>
			hook.result.current.send( {
				type: 'SUBMIT_SIGN_IN',
				username: 'alice',
				password: 'pw',
			} )
		);
		expect( hook.result.current.busy ).toBe( true );

		await act( flush );
		expect( hook.result.current ).toMatchObject( {
			step: 'done',
			busy: false,
			context: { redirectTo: '/welcome/' },
		} );
		expect( onDone ).toHaveBeenCalledWith( '/welcome/' );
	} );

	it( 'starts on the requested step and keeps inputs after an error, without passwords', async () => {
		const { gateway, hook } = render( { step: 'signUp' } );
		expect( hook.result.current.step ).toBe( 'signUp' );

		gateway.signUp.mockRejectedValueOnce(
			cognitoError( 'UsernameExistsException' )
		);
		act( () =>
			hook.result.current.send( {
				type: 'SUBMIT_SIGN_UP',
				username: 'bob',
				password: 'pw',
				attributes: { 'custom:team': 'x' },
			} )
		);
		await act( flush );

		expect( hook.result.current ).toMatchObject( {
			step: 'signUp',
			error: { code: 'username_exists' },
			context: { username: 'bob', attributes: { 'custom:team': 'x' } },
		} );
		expect( JSON.stringify( hook.result.current.context ) ).not.toContain(
			'pw'
		);
	} );

	it( 'retries a network failure through the retry attached to the error', async () => {
		const { gateway, hook } = render();
		gateway.signIn
			.mockRejectedValueOnce( new TypeError( 'Failed to fetch' ) )
			.mockResolvedValueOnce( SIGNED_IN );
		act( () =>
			hook.result.current.send( {
				type: 'SUBMIT_SIGN_IN',
				username: 'alice',
				password: 'pw',
			} )
		);
		await act( flush );
		expect( hook.result.current ).toMatchObject( {
			canRetry: true,
			error: { code: 'network' },
		} );

		act( () => hook.result.current.error?.retry?.() );
		await act( flush );
		expect( hook.result.current.step ).toBe( 'done' );
		expect( gateway.signIn ).toHaveBeenCalledTimes( 2 );
	} );

	it( 'attaches no retry to errors a retry cannot fix', async () => {
		const { gateway, hook } = render();
		gateway.signIn.mockRejectedValueOnce(
			cognitoError( 'NotAuthorizedException' )
		);
		act( () =>
			hook.result.current.send( {
				type: 'SUBMIT_SIGN_IN',
				username: 'alice',
				password: 'pw',
			} )
		);
		await act( flush );
		expect( hook.result.current.error?.code ).toBe( 'not_authorized' );
		expect( hook.result.current.error?.retry ).toBeUndefined();
	} );

	it( 'keeps one flow across re-renders and ignores double submits', async () => {
		const { gateway, hook } = render();
		gateway.signIn.mockResolvedValue( { type: 'totpRequired' } );
		const first = hook.result.current.send;
		hook.rerender();
		expect( hook.result.current.send ).toBe( first );

		act( () => {
			hook.result.current.send( {
				type: 'SUBMIT_SIGN_IN',
				username: 'alice',
				password: 'pw',
			} );
			hook.result.current.send( {
				type: 'SUBMIT_SIGN_IN',
				username: 'alice',
				password: 'pw',
			} );
		} );
		await act( flush );
		expect( gateway.signIn ).toHaveBeenCalledTimes( 1 );
		expect( hook.result.current.step ).toBe( 'totpMfa' );
	} );
} );

describe( 'useCooldown', () => {
	it( 'counts down whole seconds on the injected clock', () => {
		const clock = manualClock( 0 );
		const hook = renderHook( ( { at } ) => useCooldown( at, clock ), {
			initialProps: { at: 3_000 as number | undefined },
		} );
		expect( hook.result.current ).toBe( 3 );

		act( () => clock.advance( 1_000 ) );
		expect( hook.result.current ).toBe( 2 );
		act( () => clock.advance( 2_000 ) );
		expect( hook.result.current ).toBe( 0 );

		hook.rerender( { at: undefined } );
		expect( hook.result.current ).toBe( 0 );
	} );
} );
