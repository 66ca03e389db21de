/**
 * Whole seconds left until `availableAt` (epoch ms), re-rendering once a second while counting down, for
 * "Send the code again (25 s)" buttons. The clock is injectable so tests do not wait.
 */
import { useEffect, useState } from 'react';
import { systemClock, type Clock } from '../auth/clock';

function secondsLeft( availableAt: number | undefined, clock: Clock ): number {
	if ( availableAt === undefined ) {
		return 0;
	}
	return Math.max( 0, Math.ceil( ( availableAt - clock.now() ) / 1000 ) );
}

export function useCooldown(
	availableAt: number | undefined,
	clock: Clock = systemClock
): number {
	const [ left, setLeft ] = useState( () =>
		secondsLeft( availableAt, clock )
	);

	useEffect( () => {
		setLeft( secondsLeft( availableAt, clock ) );
		let handle: unknown;
		const tick = () => {
			const next = secondsLeft( availableAt, clock );
			setLeft( next );
			if ( next > 0 ) {
				handle = clock.setTimeout( tick, 1000 );
			}
		};
		if ( secondsLeft( availableAt, clock ) > 0 ) {
			handle = clock.setTimeout( tick, 1000 );
		}
		return () => clock.clearTimeout( handle );
	}, [ availableAt, clock ] );

	return left;
}
