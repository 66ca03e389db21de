/**
 * What a flow is, for the runner (runner.ts) and its React binding (src/hooks/useFlow.ts): a pure machine over
 * its own state, events and requests, the service calls that perform those requests, and how its state reads
 * to a view. The account flow (account-flow.ts) is one; profile or hosted-UI flows bring their own machine and
 * reuse the runner, the facade shape, error normalisation and the hook.
 */
import type { AuthError, AuthErrorCode, ErrorContext } from './errors';

/** A side effect described as data; `id` ties the answer to the request that asked for it. */
export interface FlowRequest {
	id: number;
}

/** The runner's answer to `state.request`: an outcome, or the failure as normalizeError shaped it. */
export type FlowAnswer< O > =
	| { type: 'RESOLVED'; id: number; outcome: O }
	| { type: 'REJECTED'; id: number; error: AuthError };

/** The view-facing shape every flow's facade shares; views switch on `step`, never on machine internals. */
export interface FlowFacade< Step extends string = string, Context = unknown > {
	step: Step;
	context: Context;
	error?: { code: AuthErrorCode; message: string };
	/** A request is in flight. */
	busy: boolean;
	/** True when sending the flow's `retry` event (the same request again) can fix the last error. */
	canRetry: boolean;
}

/** The types one flow is made of, named once so `Flow< T >` and its runner stay readable. */
export interface FlowTypes {
	/** Must carry the request in flight, if any, as `request`. */
	state: { request?: FlowRequest };
	/** Events sent by views. */
	event: unknown;
	request: FlowRequest;
	/** What `execute` resolves with. */
	outcome: unknown;
	/** Injected services `execute` calls (gateways, session client…), passed with the runner's options. */
	services: object;
	/** What the runner's `initial` option may be. */
	input: unknown;
	/** What `onDone` receives once the flow has finished. */
	result: unknown;
	facade: FlowFacade;
}

export interface Flow< T extends FlowTypes > {
	initial: ( input: T[ 'input' ] | undefined ) => T[ 'state' ];
	/**
	 * Pure: never does I/O, returns `state` itself when nothing changes. `now` comes from the runner's clock.
	 * Work to do goes into `state.request` (with a new id); the runner answers it with RESOLVED or REJECTED.
	 */
	transition: (
		state: T[ 'state' ],
		event: T[ 'event' ] | FlowAnswer< T[ 'outcome' ] >,
		now: number
	) => T[ 'state' ];
	/** Performs one request through the injected services. */
	execute: (
		request: T[ 'request' ],
		services: T[ 'services' ]
	) => Promise< T[ 'outcome' ] >;
	/** Which wording a failure of `request` gets (normalizeError's context); 'credentials' when absent. */
	errorContext?: ( request: T[ 'request' ] ) => ErrorContext;
	/** Clean-up after a failed request that must happen even if the form is gone (e.g. dropping tokens). */
	onError?: (
		request: T[ 'request' ],
		error: AuthError,
		services: T[ 'services' ]
	) => void;
	/** The flow's result once it has finished, else undefined; the runner calls `onDone` with it once. */
	result?: ( state: T[ 'state' ] ) => T[ 'result' ] | undefined;
	facade: ( state: T[ 'state' ] ) => T[ 'facade' ];
	/** The event that runs the last failed request again. */
	retry: T[ 'event' ];
}
