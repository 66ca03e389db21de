/**
 * Test doubles: a gateway whose every method is a vi.fn that fails loudly unless a test scripts it, a session
 * service, and a manual clock whose timers fire only when a test advances it.
 */
import { expect, vi, type Mock } from 'vitest';
import type { Clock } from '../../../src/auth/clock';
import type { FlowFacade } from '../../../src/auth/flow';
import type { AuthGateway } from '../../../src/auth/gateway';
import type { SessionService } from '../../../src/auth/session';
import type { SignInResult } from '../../../src/auth/types';
import { toFacade } from '../../../src/auth/facade';
import {
	createAuthRunner,
	type AuthRunnerOptions,
} from '../../../src/auth/account-flow';

type Mocked< T > = {
	[ K in keyof T ]: T[ K ] extends ( ...args: infer A ) => infer R
		? Mock< ( ...args: A ) => R >
		: T[ K ];
};

export type FakeGateway = Mocked< AuthGateway >;

function unexpected( name: string ) {
	return vi.fn( () =>
		Promise.reject( new Error( `unexpected gateway call: ${ name }` ) )
	);
}

export function fakeGateway(): FakeGateway {
	return {
		signIn: unexpected( 'signIn' ),
		completeNewPassword: unexpected( 'completeNewPassword' ),
		sendMfaCode: unexpected( 'sendMfaCode' ),
		selectMfaType: unexpected( 'selectMfaType' ),
		associateTotp: unexpected( 'associateTotp' ),
		verifyTotp: unexpected( 'verifyTotp' ),
		signUp: unexpected( 'signUp' ),
		confirmSignUp: unexpected( 'confirmSignUp' ),
		resendCode: unexpected( 'resendCode' ),
		forgotPassword: unexpected( 'forgotPassword' ),
		confirmForgotPassword: unexpected( 'confirmForgotPassword' ),
		signOut: vi.fn( () => Promise.resolve() ),
	} as unknown as FakeGateway;
}

export function fakeSession(
	redirectTo = 'https://example.test/account/'
): Mocked< SessionService > {
	return {
		createSession: vi.fn( () => Promise.resolve( { redirectTo } ) ),
	} as unknown as Mocked< SessionService >;
}

export const SIGNED_IN: SignInResult = {
	type: 'signedIn',
	tokens: {
		idToken: 'id.jwt',
		accessToken: 'access.jwt',
		refreshToken: 'refresh',
	},
};

/** A Cognito-style service error, as amazon-cognito-identity-js reports it. */
export function cognitoError(
	code: string,
	message = code
): Error & { code: string } {
	return Object.assign( new Error( message ), { code, name: code } );
}

export interface ManualClock extends Clock {
	advance: ( ms: number ) => void;
}

export function manualClock( start = 1_000_000 ): ManualClock {
	let now = start;
	let nextId = 1;
	const timers = new Map< number, { at: number; fn: () => void } >();
	return {
		now: () => now,
		setTimeout( fn, ms ) {
			const id = nextId++;
			timers.set( id, { at: now + ms, fn } );
			return id;
		},
		clearTimeout( handle ) {
			timers.delete( handle as number );
		},
		advance( ms ) {
			now += ms;
			for ( const [ id, timer ] of [ ...timers ].sort(
				( a, b ) => a[ 1 ].at - b[ 1 ].at
			) ) {
				if ( timer.at <= now && timers.has( id ) ) {
					timers.delete( id );
					timer.fn();
				}
			}
		},
	};
}

/** Lets pending promise callbacks (gateway answers, runner dispatches) run. */
export async function flush(): Promise< void > {
	for ( let i = 0; i < 10; i++ ) {
		await Promise.resolve();
	}
}

/**
 * Proves a request that never answers times out at exactly `ms` (busy one millisecond before) and leaves a
 * retryable network error, whatever the flow.
 * @param clock
 * @param facade
 * @param ms
 */
export async function expectTimeoutAfter(
	clock: ManualClock,
	facade: () => FlowFacade,
	ms: number
): Promise< void > {
	await flush();
	clock.advance( ms - 1 );
	await flush();
	expect( facade().busy ).toBe( true );
	clock.advance( 1 );
	await flush();
	expect( facade() ).toMatchObject( {
		busy: false,
		canRetry: true,
		error: { code: 'network' },
	} );
}

/**
 * A runner over fresh fakes, with the handles tests script and inspect. Options override the runner's, e.g.
 * `{ initial: { step: 'signUp' }, timeoutMs: 10_000, onDone }`.
 * @param options
 */
export function startFlow(
	options: Omit< AuthRunnerOptions, 'gateway' | 'session' | 'clock' > = {}
) {
	const gateway = fakeGateway();
	const session = fakeSession();
	const clock = manualClock();
	const runner = createAuthRunner( { gateway, session, clock, ...options } );
	const facade = () => toFacade( runner.getState() );
	return { gateway, session, clock, runner, facade };
}
