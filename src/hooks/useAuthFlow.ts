/**
 * React binding of the account flow: one runner per mounted form, read through useSyncExternalStore so
 * every state change re-renders exactly once and concurrent rendering sees a consistent state.
 */
import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import { toFacade, type AuthFacade } from '../auth/facade';
import {
	createAuthRunner,
	type AuthRunner,
	type AuthRunnerOptions,
} from '../auth/runner';
import type { AuthState, UserEvent } from '../auth/types';

export type UseAuthFlowOptions = AuthRunnerOptions;

export interface AuthFlow extends Omit< AuthFacade, 'error' > {
	/**
	 * The error to show, shaped for the views' `FormError`: `retry` is present exactly when trying the same
	 * request again can help (network, timeout, throttling).
	 */
	error?: AuthFacade[ 'error' ] & { retry?: () => void };
	/** The full machine state, for the rare view that needs more than the facade. */
	state: AuthState;
	send: ( event: UserEvent ) => void;
	retry: () => void;
}

/**
 * Options are read once, on first render: the gateway and session service are expected to live as long as the
 * form. Remount the form (change its `key`) to start over with other services.
 * @param options
 */
export function useAuthFlow( options: UseAuthFlowOptions ): AuthFlow {
	const [ runner ] = useState< AuthRunner >( () =>
		createAuthRunner( options )
	);
	const state = useSyncExternalStore(
		runner.subscribe,
		runner.getState,
		runner.getState
	);
	const send = useCallback(
		( event: UserEvent ) => runner.send( event ),
		[ runner ]
	);
	const retry = useCallback(
		() => runner.send( { type: 'RETRY' } ),
		[ runner ]
	);
	return useMemo( () => {
		const facade = toFacade( state );
		const error =
			facade.error && facade.canRetry
				? { ...facade.error, retry }
				: facade.error;
		return { ...facade, error, state, send, retry };
	}, [ state, send, retry ] );
}
