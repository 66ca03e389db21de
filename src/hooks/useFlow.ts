/**
 * React binding of any flow (src/auth/flow.ts): one runner per mounted form, read through
 * useSyncExternalStore so every state change re-renders exactly once and concurrent rendering sees a
 * consistent state. Returns the flow's facade, with `retry` on errors that retrying can fix.
 */
import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import type { Flow, FlowTypes } from '../auth/flow';
import {
	createFlowRunner,
	type FlowRunner,
	type FlowRunnerOptions,
} from '../auth/runner';

export type FlowBinding< T extends FlowTypes > = Omit<
	T[ 'facade' ],
	'error'
> & {
	/**
	 * The error to show, shaped for the views' `FormError`: `retry` is present exactly when trying the same
	 * request again can help (network, timeout, throttling).
	 */
	error?: NonNullable< T[ 'facade' ][ 'error' ] > & { retry?: () => void };
	/** The full machine state, for the rare view that needs more than the facade. */
	state: T[ 'state' ];
	send: ( event: T[ 'event' ] ) => void;
	/** Sends the flow's `retry` event. */
	retry: () => void;
};

/**
 * The runner is made once, on first render, from `flow` and `options`: the services are expected to live as long as the
 * form. Remount the form (change its `key`) to start over with other services.
 * @param flow
 * @param options
 */
export function useFlow< T extends FlowTypes >(
	flow: Flow< T >,
	options: FlowRunnerOptions< T >
): FlowBinding< T > {
	const [ runner ] = useState< FlowRunner< T > >( () =>
		createFlowRunner( flow, options )
	);
	const state = useSyncExternalStore(
		runner.subscribe,
		runner.getState,
		runner.getState
	);
	const send = useCallback(
		( event: T[ 'event' ] ) => runner.send( event ),
		[ runner ]
	);
	const retry = useCallback(
		() => runner.send( flow.retry ),
		[ runner, flow ]
	);
	return useMemo( () => {
		const facade = flow.facade( state );
		const error =
			facade.error && facade.canRetry
				? { ...facade.error, retry }
				: facade.error;
		return { ...facade, error, state, send, retry };
	}, [ flow, state, send, retry ] );
}
