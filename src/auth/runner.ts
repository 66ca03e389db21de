/**
 * Runs any flow (see flow.ts): keeps the current state, executes `state.request` through the injected
 * services and feeds the answer back. A tiny external store (getState/subscribe/send), so the React binding
 * (src/hooks/useFlow.ts) can use useSyncExternalStore and plain scripts or tests can drive it directly.
 *
 * One request is in flight at a time: the machine decides what a second event does meanwhile (the account
 * flow ignores it). Every request is bounded by `timeoutMs`; answers to a request that is no longer current
 * (timed out, superseded) are the machine's to drop, and nothing is reported once the runner is disposed.
 */
import { systemClock, withTimeout, type Clock } from './clock';
import { normalizeError } from './errors';
import type { Flow, FlowAnswer, FlowTypes } from './flow';

export interface FlowRunnerSettings< T extends FlowTypes > {
	clock?: Clock;
	/** Upper bound for any one request. */
	timeoutMs?: number;
	initial?: T[ 'input' ];
	/** Called once when the flow has finished, with its result; the WordPress bridge navigates from here. */
	onDone?: ( result: T[ 'result' ] ) => void;
}

/** The flow's services, side by side with the runner's own settings. */
export type FlowRunnerOptions< T extends FlowTypes > = T[ 'services' ] &
	FlowRunnerSettings< T >;

export interface FlowRunner< T extends FlowTypes > {
	getState: () => T[ 'state' ];
	send: ( event: T[ 'event' ] ) => void;
	subscribe: ( listener: () => void ) => () => void;
	/** Stops reporting results (e.g. when the form unmounts); a request still in flight is ignored. */
	dispose: () => void;
}

export const DEFAULT_TIMEOUT_MS = 20_000;

export function createFlowRunner< T extends FlowTypes >(
	flow: Flow< T >,
	options: FlowRunnerOptions< T >
): FlowRunner< T > {
	const {
		clock = systemClock,
		timeoutMs = DEFAULT_TIMEOUT_MS,
		onDone,
	} = options as FlowRunnerSettings< T >;
	let state = flow.initial( options.initial );
	let lastStarted = 0;
	let disposed = false;
	const listeners = new Set< () => void >();

	function dispatch(
		event: T[ 'event' ] | FlowAnswer< T[ 'outcome' ] >
	): void {
		if ( disposed ) {
			return;
		}
		const previous = state;
		state = flow.transition( state, event, clock.now() );
		if ( state === previous ) {
			return;
		}
		listeners.forEach( ( listener ) => listener() );
		const result = flow.result?.( state );
		if ( result !== undefined && flow.result?.( previous ) === undefined ) {
			onDone?.( result );
		}
		const request = state.request as T[ 'request' ] | undefined;
		if ( request && request.id !== lastStarted ) {
			run( request );
		}
	}

	function run( request: T[ 'request' ] ): void {
		lastStarted = request.id;
		withTimeout( flow.execute( request, options ), timeoutMs, clock ).then(
			( outcome ) =>
				dispatch( { type: 'RESOLVED', id: request.id, outcome } ),
			( raw: unknown ) => {
				const error = normalizeError(
					raw,
					flow.errorContext?.( request )
				);
				flow.onError?.( request, error, options );
				dispatch( { type: 'REJECTED', id: request.id, error } );
			}
		);
	}

	// A flow may start with work to do (the profile reads the account first): run it now. Its answer arrives
	// asynchronously, so whoever holds the runner can subscribe before it does.
	if ( state.request ) {
		run( state.request as T[ 'request' ] );
	}

	return {
		getState: () => state,
		send: dispatch,
		subscribe( listener ) {
			listeners.add( listener );
			return () => listeners.delete( listener );
		},
		dispose() {
			disposed = true;
			listeners.clear();
		},
	};
}
