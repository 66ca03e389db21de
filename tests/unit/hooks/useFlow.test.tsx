import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useFlow } from '../../../src/hooks/useFlow';
import { cognitoError, flush, manualClock } from '../auth/fakes';
import { fakeProfile, profileFlow } from '../auth/display-name-flow';

function render() {
	const { profile, calls } = fakeProfile();
	const clock = manualClock();
	const onDone = vi.fn();
	const hook = renderHook( () =>
		useFlow( profileFlow, {
			profile,
			clock,
			timeoutMs: 5_000,
			onDone,
			initial: { name: 'Ada' },
		} )
	);
	return { profile, calls, clock, onDone, hook };
}

describe( 'useFlow with a second flow (profile save)', () => {
	it( 'exposes the flow’s facade and re-renders as an outcome moves it on', async () => {
		const { calls, onDone, hook } = render();
		expect( hook.result.current ).toMatchObject( {
			step: 'editing',
			context: { name: 'Ada' },
			busy: false,
			error: undefined,
		} );

		act( () =>
			hook.result.current.send( { type: 'SAVE', name: 'Grace' } )
		);
		expect( hook.result.current.busy ).toBe( true );

		calls[ 0 ].resolve( { version: 3 } );
		await act( flush );
		expect( hook.result.current ).toMatchObject( {
			step: 'saved',
			busy: false,
			context: { name: 'Grace' },
			state: { version: 3 },
		} );
		expect( onDone ).toHaveBeenCalledWith( 3 );
	} );

	it( 'gives retryable errors a retry that sends the flow’s retry event, and others none', async () => {
		const { profile, calls, hook } = render();
		act( () => hook.result.current.send( { type: 'SAVE', name: 'Ada' } ) );
		calls[ 0 ].reject( cognitoError( 'InvalidParameterException' ) );
		await act( flush );
		expect( hook.result.current.error ).toEqual( {
			code: 'invalid_parameter',
			message: expect.any( String ),
		} );

		act( () => hook.result.current.send( { type: 'SAVE', name: 'Ada' } ) );
		calls[ 1 ].reject( new TypeError( 'Failed to fetch' ) );
		await act( flush );
		expect( hook.result.current.error?.code ).toBe( 'network' );
		expect( hook.result.current.canRetry ).toBe( true );

		act( () => hook.result.current.error?.retry?.() );
		expect( profile.save ).toHaveBeenCalledTimes( 3 );
		expect( hook.result.current ).toMatchObject( {
			busy: true,
			error: undefined,
		} );
	} );

	it( 'turns a timeout into a retryable error and ignores the late answer', async () => {
		const { calls, clock, hook } = render();
		act( () => hook.result.current.send( { type: 'SAVE', name: 'Ada' } ) );
		await act( async () => {
			clock.advance( 5_000 );
			await flush();
		} );
		expect( hook.result.current ).toMatchObject( {
			busy: false,
			error: { code: 'network', retry: expect.any( Function ) },
		} );

		calls[ 0 ].resolve( { version: 1 } );
		await act( flush );
		expect( hook.result.current.step ).toBe( 'editing' );
	} );

	it( 'queues a second save sent while the first is in flight, as the flow defines', async () => {
		const { profile, calls, hook } = render();
		act( () => {
			hook.result.current.send( { type: 'SAVE', name: 'A' } );
			hook.result.current.send( { type: 'SAVE', name: 'B' } );
		} );
		expect( profile.save ).toHaveBeenCalledTimes( 1 );

		calls[ 0 ].resolve( { version: 1 } );
		await act( flush );
		expect( profile.save ).toHaveBeenLastCalledWith( 'B' );
		expect( hook.result.current.busy ).toBe( true );

		calls[ 1 ].resolve( { version: 2 } );
		await act( flush );
		expect( hook.result.current ).toMatchObject( {
			step: 'saved',
			context: { name: 'B' },
		} );
	} );
} );
