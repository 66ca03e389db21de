/**
 * Time as an injected service: tests advance a fake clock instead of waiting, and the flow never reads a
 * global timer directly.
 */
import { host } from './host';

export interface Clock {
	now: () => number;
	setTimeout: ( callback: () => void, ms: number ) => unknown;
	clearTimeout: ( handle: unknown ) => void;
}

export const systemClock: Clock = {
	now: () => Date.now(),
	setTimeout: ( callback, ms ) => host.setTimeout( callback, ms ),
	clearTimeout: ( handle ) => host.clearTimeout( handle ),
};

/** Raised when a request takes longer than allowed; maps to the 'network' error code. */
export class TimeoutError extends Error {
	readonly code = 'TimeoutError';

	constructor( ms: number ) {
		super( `Request timed out after ${ ms } ms` );
		this.name = 'TimeoutError';
	}
}

/**
 * Settles with `work` or rejects with TimeoutError after `ms`, whichever comes first. The late answer of a
 * timed-out request is ignored, so a form can never stay busy because a server never answered.
 * @param work
 * @param ms
 * @param clock
 */
export function withTimeout< T >(
	work: Promise< T >,
	ms: number,
	clock: Clock = systemClock
): Promise< T > {
	if ( ! ( ms > 0 ) || ! Number.isFinite( ms ) ) {
		return work;
	}
	return new Promise< T >( ( resolve, reject ) => {
		const timer = clock.setTimeout(
			() => reject( new TimeoutError( ms ) ),
			ms
		);
		work.then(
			( value ) => {
				clock.clearTimeout( timer );
				resolve( value );
			},
			( error: unknown ) => {
				clock.clearTimeout( timer );
				reject( error );
			}
		);
	} );
}
