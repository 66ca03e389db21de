/**
 * Runs the machine: keeps the current state, executes `state.request` through the injected gateway and
 * session service, and feeds outcomes back. A tiny external store (getState/subscribe/send), so the React
 * binding can use useSyncExternalStore and plain scripts or tests can drive it directly.
 */
import { systemClock, withTimeout, type Clock } from './clock';
import { normalizeError } from './errors';
import type { AuthGateway } from './gateway';
import {
	createInitialState,
	errorContextOf,
	transition,
	type InitialStateInput,
} from './machine';
import type { SessionService } from './session';
import type { AuthOutcome, AuthRequest, AuthState, UserEvent } from './types';

export interface AuthRunnerOptions {
	gateway: AuthGateway;
	session: SessionService;
	clock?: Clock;
	/** Upper bound for any one request, including the session POST. */
	timeoutMs?: number;
	initial?: InitialStateInput | AuthState;
	/** Called once when the flow reaches `done`; the WordPress bridge navigates from here. */
	onDone?: ( redirectTo: string ) => void;
}

export interface AuthRunner {
	getState: () => AuthState;
	send: ( event: UserEvent ) => void;
	subscribe: ( listener: () => void ) => () => void;
	/** Stops reporting results (e.g. when the form unmounts); a request still in flight is ignored. */
	dispose: () => void;
}

export const DEFAULT_TIMEOUT_MS = 20_000;

/**
 * Maps one request to the service call that performs it.
 * @param request
 * @param gateway
 * @param session
 */
export async function execute(
	request: AuthRequest,
	gateway: AuthGateway,
	session: SessionService
): Promise< AuthOutcome > {
	switch ( request.kind ) {
		case 'signIn':
			return { kind: 'signIn', result: await gateway.signIn( request ) };
		case 'completeNewPassword':
			return {
				kind: 'signIn',
				result: await gateway.completeNewPassword( request ),
			};
		case 'sendMfaCode':
			return {
				kind: 'signIn',
				result: await gateway.sendMfaCode( request ),
			};
		case 'selectMfaType':
			return {
				kind: 'signIn',
				result: await gateway.selectMfaType( request ),
			};
		case 'verifyTotp':
			return {
				kind: 'signIn',
				result: await gateway.verifyTotp( request ),
			};
		case 'associateTotp':
			return {
				kind: 'totpSecret',
				secret: ( await gateway.associateTotp() ).secret,
			};
		case 'signUp': {
			const result = await gateway.signUp( request );
			return {
				kind: 'signUp',
				confirmed: result.confirmed,
				delivery: result.delivery,
			};
		}
		case 'confirmSignUp':
			await gateway.confirmSignUp( request );
			return { kind: 'confirmed' };
		case 'confirmForgotPassword':
			await gateway.confirmForgotPassword( request );
			return { kind: 'confirmed' };
		case 'resendCode':
			return {
				kind: 'codeSent',
				delivery: ( await gateway.resendCode( request ) ).delivery,
			};
		case 'forgotPassword':
			return {
				kind: 'codeSent',
				delivery: ( await gateway.forgotPassword( request ) ).delivery,
			};
		case 'createSession': {
			const { idToken, remember, redirectTo } = request;
			const result = await session.createSession( {
				idToken,
				remember,
				redirectTo,
			} );
			return { kind: 'session', redirectTo: result.redirectTo };
		}
	}
}

function isState(
	value: InitialStateInput | AuthState | undefined
): value is AuthState {
	return !! value && 'inputs' in value && 'seq' in value;
}

export function createAuthRunner( options: AuthRunnerOptions ): AuthRunner {
	const {
		gateway,
		session,
		clock = systemClock,
		timeoutMs = DEFAULT_TIMEOUT_MS,
		onDone,
	} = options;
	let state = isState( options.initial )
		? options.initial
		: createInitialState( options.initial );
	let lastStarted = 0;
	let disposed = false;
	const listeners = new Set< () => void >();

	function dispatch( event: Parameters< typeof transition >[ 1 ] ): void {
		if ( disposed ) {
			return;
		}
		const previous = state;
		state = transition( state, event, clock.now() );
		if ( state === previous ) {
			return;
		}
		listeners.forEach( ( listener ) => listener() );
		if ( state.step === 'done' && previous.step !== 'done' ) {
			onDone?.( state.redirectTo );
		}
		if ( state.request && state.request.id !== lastStarted ) {
			run( state.request );
		}
	}

	function run( request: AuthRequest ): void {
		lastStarted = request.id;
		withTimeout(
			execute( request, gateway, session ),
			timeoutMs,
			clock
		).then(
			( outcome ) =>
				dispatch( { type: 'RESOLVED', id: request.id, outcome } ),
			( raw: unknown ) => {
				const error = normalizeError(
					raw,
					errorContextOf( request.kind )
				);
				// WordPress refused these tokens for good: do not leave them behind in browser storage.
				if ( request.kind === 'createSession' && ! error.retryable ) {
					gateway.signOut().catch( () => undefined );
				}
				dispatch( { type: 'REJECTED', id: request.id, error } );
			}
		);
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
