/**
 * React binding of the account flow: useFlow over src/auth/account-flow.ts.
 */
import {
	accountFlow,
	type AccountTypes,
	type AuthRunnerOptions,
} from '../auth/account-flow';
import { useFlow, type FlowBinding } from './useFlow';

export type UseAuthFlowOptions = AuthRunnerOptions;

/** The facade (step, context, error with `retry`, busy, canRetry) plus `state`, `send` and `retry`. */
export type AuthFlow = FlowBinding< AccountTypes >;

/**
 * Options are read once, on first render: the gateway and session service are expected to live as long as the
 * form. Remount the form (change its `key`) to start over with other services.
 * @param options
 */
export function useAuthFlow( options: UseAuthFlowOptions ): AuthFlow {
	return useFlow( accountFlow, options );
}
