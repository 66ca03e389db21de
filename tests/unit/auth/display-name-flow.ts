/**
 * A second flow, for tests only, to prove the runner and useFlow are generic: saving a display name. Its own
 * state, events, requests, outcomes and service; unlike the account flow it does not ignore a SAVE sent while
 * a save is in flight, but queues the newest name and saves it once the current save has answered.
 */
import { vi } from 'vitest';
import type { AuthError } from '../../../src/auth/errors';
import type { Flow, FlowFacade } from '../../../src/auth/flow';

export interface ProfileRequest {
	id: number;
	kind: 'save';
	name: string;
}

export interface ProfileState {
	step: 'editing' | 'saved';
	name: string;
	version?: number;
	/** A name submitted while a save was in flight. */
	queued?: string;
	error?: AuthError;
	request?: ProfileRequest;
	failed?: ProfileRequest;
	seq: number;
}

export type ProfileEvent =
	{ type: 'SAVE'; name: string } | { type: 'EDIT' } | { type: 'AGAIN' };

export interface ProfileService {
	save: ( name: string ) => Promise< { version: number } >;
}

export interface ProfileTypes {
	state: ProfileState;
	event: ProfileEvent;
	request: ProfileRequest;
	outcome: { version: number };
	services: { profile: ProfileService };
	input: { name?: string };
	result: number;
	facade: FlowFacade< ProfileState[ 'step' ], { name: string } >;
}

function save( state: ProfileState, name: string ): ProfileState {
	const id = state.seq + 1;
	return {
		...state,
		name,
		seq: id,
		request: { id, kind: 'save', name },
		queued: undefined,
		error: undefined,
		failed: undefined,
	};
}

export const profileFlow: Flow< ProfileTypes > = {
	initial: ( input ) => ( {
		step: 'editing',
		name: input?.name ?? '',
		seq: 0,
	} ),
	transition( state, event ) {
		if ( event.type === 'RESOLVED' || event.type === 'REJECTED' ) {
			if ( state.request?.id !== event.id ) {
				return state;
			}
			const settled = { ...state, request: undefined };
			if ( event.type === 'REJECTED' ) {
				return {
					...settled,
					error: event.error,
					failed: event.error.retryable ? state.request : undefined,
				};
			}
			return state.queued !== undefined
				? save( settled, state.queued )
				: { ...settled, step: 'saved', version: event.outcome.version };
		}
		switch ( event.type ) {
			case 'SAVE':
				return state.request
					? { ...state, queued: event.name }
					: save( state, event.name );
			case 'EDIT':
				return state.request ? state : { ...state, step: 'editing' };
			case 'AGAIN':
				return state.failed && ! state.request
					? save( state, state.failed.name )
					: state;
		}
	},
	execute: ( request, { profile } ) => profile.save( request.name ),
	// Saving is confirmed by a code in this fake, so errors take the code steps' wording.
	errorContext: () => 'code',
	result: ( state ) => ( state.step === 'saved' ? state.version : undefined ),
	facade: ( state ) => ( {
		step: state.step,
		context: { name: state.name },
		error: state.error && {
			code: state.error.code,
			message: state.error.message,
		},
		busy: state.request !== undefined,
		canRetry: state.failed !== undefined && ! state.request,
	} ),
	retry: { type: 'AGAIN' },
};

export interface Deferred< T > {
	promise: Promise< T >;
	resolve: ( value: T ) => void;
	reject: ( error: unknown ) => void;
}

function deferred< T >(): Deferred< T > {
	let resolve!: ( value: T ) => void;
	let reject!: ( error: unknown ) => void;
	const promise = new Promise< T >( ( yes, no ) => {
		resolve = yes;
		reject = no;
	} );
	return { promise, resolve, reject };
}

/** A profile service whose saves stay pending until the test answers them, in order (`calls[ i ]`). */
export function fakeProfile() {
	const calls: Array< { name: string } & Deferred< { version: number } > > =
		[];
	const profile = {
		save: vi.fn( ( name: string ) => {
			const call = { name, ...deferred< { version: number } >() };
			calls.push( call );
			return call.promise;
		} ),
	};
	return { profile, calls };
}
