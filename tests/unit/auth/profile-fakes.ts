/**
 * Test doubles for the profile flow: a Cognito profile gateway and a WordPress site service whose every method is
 * a vi.fn that fails loudly unless a test scripts it, the account flow's fake SRP gateway, a manual clock, and a
 * runner over the real profile flow. Plus `jwt()`, an unsigned token with the given claims.
 */
import { vi, type Mocked } from 'vitest';
import { createFlowRunner } from '../../../src/auth/runner';
import type { Flow } from '../../../src/auth/flow';
import { profileFlow, type ProfileTypes } from '../../../src/auth/profile/flow';
import { createProfileState } from '../../../src/auth/profile/machine';
import type {
	CognitoAccount,
	ProfileGateway,
	ProfileSession,
	SiteAccount,
	SiteAccountService,
} from '../../../src/auth/profile/gateway';
import type { ProfileEvent } from '../../../src/auth/profile/types';
import { fakeGateway, flush, manualClock } from './fakes';

export type FakeProfileGateway = Mocked< ProfileGateway >;
export type FakeSite = Mocked< SiteAccountService >;

function unexpected( name: string ) {
	return vi.fn( () =>
		Promise.reject( new Error( `unexpected call: ${ name }` ) )
	);
}

export function fakeProfileGateway(): FakeProfileGateway {
	return {
		current: unexpected( 'current' ),
		refresh: unexpected( 'refresh' ),
		getAccount: unexpected( 'getAccount' ),
		updateAttributes: unexpected( 'updateAttributes' ),
		verifyAttribute: unexpected( 'verifyAttribute' ),
		resendAttributeCode: unexpected( 'resendAttributeCode' ),
		changePassword: unexpected( 'changePassword' ),
		associateTotp: unexpected( 'associateTotp' ),
		verifyTotp: unexpected( 'verifyTotp' ),
		setMfaPreference: unexpected( 'setMfaPreference' ),
		globalSignOut: unexpected( 'globalSignOut' ),
		deleteUser: unexpected( 'deleteUser' ),
		forget: vi.fn(),
	} as unknown as FakeProfileGateway;
}

export function fakeSite(): FakeSite {
	return {
		whoami: unexpected( 'whoami' ),
		sync: unexpected( 'sync' ),
		signOut: unexpected( 'signOut' ),
		deleteAccount: unexpected( 'deleteAccount' ),
	} as unknown as FakeSite;
}

/** The signed-in WordPress user, linked to the Cognito user `sub-ada`. */
export const SITE: SiteAccount = {
	userId: 7,
	displayName: 'Ada L.',
	email: 'ada@example.test',
	linked: true,
	sub: 'sub-ada',
	username: 'ada',
	accountDeletion: 'delete',
};

export const ACCOUNT: CognitoAccount = {
	attributes: {
		sub: 'sub-ada',
		given_name: 'Ada',
		family_name: 'Lovelace',
		email: 'ada@example.test',
		email_verified: 'true',
	},
	mfa: { enabled: [] },
};

export function session(
	sub = 'sub-ada',
	extra: Partial< Omit< ProfileSession, 'claims' > > & {
		claims?: Record< string, unknown >;
	} = {}
): ProfileSession {
	return {
		username: 'ada',
		idToken: `id.${ sub }`,
		...extra,
		claims: { sub, exp: 9_999_999_999, ...extra.claims },
	};
}

/** An account with other attributes than ACCOUNT's (same MFA settings). */
export function accountWith(
	attributes: Record< string, string >
): CognitoAccount {
	return { ...ACCOUNT, attributes: { ...ACCOUNT.attributes, ...attributes } };
}

export interface Deferred< T > {
	promise: Promise< T >;
	resolve: ( value: T ) => void;
	reject: ( error: unknown ) => void;
}

export function deferred< T >(): Deferred< T > {
	let resolve!: ( value: T ) => void;
	let reject!: ( error: unknown ) => void;
	const promise = new Promise< T >( ( yes, no ) => {
		resolve = yes;
		reject = no;
	} );
	return { promise, resolve, reject };
}

/**
 * The profile flow, except that it starts idle and a test-only BOOT event puts the flow's real initial state (the
 * `load` request) in place. The generic runner only executes requests that a transition puts into the state, never
 * one the initial state already carries, so `createFlowRunner( profileFlow, … )` alone never loads.
 */
type BootTypes = Omit< ProfileTypes, 'event' > & {
	event: ProfileEvent | { type: 'BOOT' };
};

export const bootableProfileFlow: Flow< BootTypes > = {
	...( profileFlow as unknown as Flow< BootTypes > ),
	initial: () => ( { step: 'loading', seq: 0 } ),
	transition: ( state, event, now ) =>
		event.type === 'BOOT'
			? createProfileState()
			: profileFlow.transition(
					state,
					event as Parameters< typeof profileFlow.transition >[ 1 ],
					now
				),
};

/**
 * A runner over fresh fakes, already asked to load; `timeoutMs` and `onDone` as the runner takes them.
 * @param options
 * @param options.timeoutMs
 */
export function startProfile( options: { timeoutMs?: number } = {} ) {
	const profile = fakeProfileGateway();
	const auth = fakeGateway();
	const site = fakeSite();
	const clock = manualClock();
	const onDone = vi.fn();
	const runner = createFlowRunner( bootableProfileFlow, {
		profile,
		auth,
		site,
		clock,
		onDone,
		timeoutMs: options.timeoutMs ?? 20_000,
	} );
	const facade = () => profileFlow.facade( runner.getState() );
	const send = ( event: ProfileEvent ) => runner.send( event );
	const boot = async () => {
		runner.send( { type: 'BOOT' } );
		await flush();
	};
	return { profile, auth, site, clock, onDone, runner, facade, send, boot };
}

/**
 * A runner that has loaded the overview of SITE with `account` (ACCOUNT unless given) and the given session.
 * @param account
 * @param browserSession
 */
export async function startOnOverview(
	account: CognitoAccount = ACCOUNT,
	browserSession: ProfileSession = session()
) {
	const started = startProfile();
	started.site.whoami.mockResolvedValue( SITE );
	started.profile.current.mockResolvedValue( browserSession );
	started.profile.getAccount.mockResolvedValue( account );
	await started.boot();
	started.profile.getAccount.mockClear();
	started.profile.current.mockClear();
	started.site.whoami.mockClear();
	return started;
}

function base64url( text: string ): string {
	const bytes = new TextEncoder().encode( text );
	return btoa( String.fromCharCode( ...bytes ) )
		.replace( /\+/g, '-' )
		.replace( /\//g, '_' )
		.replace( /=+$/, '' );
}

/**
 * An unsigned JWT carrying `claims` (the signature part is a placeholder: nothing in the browser checks it).
 * @param claims
 */
export function jwt( claims: Record< string, unknown > ): string {
	return `${ base64url(
		JSON.stringify( { alg: 'RS256', kid: 'test' } )
	) }.${ base64url( JSON.stringify( claims ) ) }.c2ln`;
}
