import { describe, expect, it, vi } from 'vitest';
import { createFlowRunner } from '../../../src/auth/runner';
import { cognitoError, expectTimeoutAfter, flush, manualClock } from './fakes';
import { fakeProfile, profileFlow } from './display-name-flow';

function start( timeoutMs = 5_000 ) {
	const { profile, calls } = fakeProfile();
	const clock = manualClock();
	const onDone = vi.fn();
	const runner = createFlowRunner( profileFlow, {
		profile,
		clock,
		timeoutMs,
		onDone,
		initial: { name: 'Ada' },
	} );
	const facade = () => profileFlow.facade( runner.getState() );
	return { profile, calls, clock, onDone, runner, facade };
}

describe( 'createFlowRunner with a second flow (profile save)', () => {
	it( 'starts from the flow’s initial state and feeds a request’s outcome back into it', async () => {
		const { profile, calls, onDone, runner, facade } = start();
		expect( facade() ).toMatchObject( {
			step: 'editing',
			context: { name: 'Ada' },
			busy: false,
		} );

		runner.send( { type: 'SAVE', name: 'Ada L.' } );
		expect( profile.save ).toHaveBeenCalledWith( 'Ada L.' );
		expect( facade().busy ).toBe( true );

		calls[ 0 ].resolve( { version: 7 } );
		await flush();
		expect( runner.getState() ).toMatchObject( {
			step: 'saved',
			version: 7,
			request: undefined,
		} );
		expect( onDone ).toHaveBeenCalledTimes( 1 );
		expect( onDone ).toHaveBeenCalledWith( 7 );
	} );

	it( 'normalises a failure through normalizeError, with the flow’s error context, and retries with its retry event', async () => {
		const { profile, calls, runner, facade } = start();
		runner.send( { type: 'SAVE', name: 'Ada' } );
		// In the 'code' context an unknown user reads like a bad code.
		calls[ 0 ].reject( cognitoError( 'UserNotFoundException' ) );
		await flush();
		expect( facade() ).toMatchObject( {
			step: 'editing',
			busy: false,
			canRetry: false,
			error: { code: 'code_mismatch' },
		} );

		runner.send( { type: 'SAVE', name: 'Ada' } );
		calls[ 1 ].reject( cognitoError( 'TooManyRequestsException' ) );
		await flush();
		expect( facade() ).toMatchObject( {
			canRetry: true,
			error: { code: 'too_many_requests' },
		} );

		runner.send( profileFlow.retry );
		expect( profile.save ).toHaveBeenCalledTimes( 3 );
		calls[ 2 ].resolve( { version: 2 } );
		await flush();
		expect( facade() ).toMatchObject( { step: 'saved', error: undefined } );
	} );

	it( 'times a request out as a retryable network error and ignores its late answer', async () => {
		const { calls, clock, onDone, runner, facade } = start( 5_000 );
		runner.send( { type: 'SAVE', name: 'Ada' } );
		await expectTimeoutAfter( clock, facade, 5_000 );

		calls[ 0 ].resolve( { version: 1 } );
		await flush();
		expect( facade().step ).toBe( 'editing' );
		expect( onDone ).not.toHaveBeenCalled();
	} );

	it( 'reports nothing after dispose, even a late answer', async () => {
		const { calls, onDone, runner } = start();
		const listener = vi.fn();
		runner.subscribe( listener );
		runner.send( { type: 'SAVE', name: 'Ada' } );
		expect( listener ).toHaveBeenCalledTimes( 1 );
		const busy = runner.getState();

		runner.dispose();
		calls[ 0 ].resolve( { version: 1 } );
		await flush();
		expect( runner.getState() ).toBe( busy );
		expect( listener ).toHaveBeenCalledTimes( 1 );
		expect( onDone ).not.toHaveBeenCalled();

		runner.send( { type: 'EDIT' } );
		expect( runner.getState() ).toBe( busy );
	} );

	it( 'keeps one request in flight and lets the flow decide about an event sent meanwhile', async () => {
		const { profile, calls, onDone, runner } = start();
		runner.send( { type: 'SAVE', name: 'A' } );
		runner.send( { type: 'SAVE', name: 'B' } );
		runner.send( { type: 'SAVE', name: 'C' } );
		// This flow queues the newest name instead of starting a second save.
		expect( profile.save ).toHaveBeenCalledTimes( 1 );
		expect( runner.getState().queued ).toBe( 'C' );

		calls[ 0 ].resolve( { version: 1 } );
		await flush();
		expect( profile.save ).toHaveBeenCalledTimes( 2 );
		expect( profile.save ).toHaveBeenLastCalledWith( 'C' );
		expect( onDone ).not.toHaveBeenCalled();

		calls[ 1 ].resolve( { version: 2 } );
		await flush();
		expect( runner.getState() ).toMatchObject( {
			step: 'saved',
			name: 'C',
			version: 2,
		} );
		expect( onDone ).toHaveBeenCalledExactlyOnceWith( 2 );
	} );
} );
