/**
 * "Resend code" with a cool-down. The flow owns the deadline (`availableAt`); the button only counts down to it,
 * so a new resend (a new deadline) restarts the count. It stays focusable while cooling down (`aria-disabled`),
 * so the visitor who just pressed it is not dropped back to the top of the page.
 */
import { useEffect, useState } from 'react';
import { __, _n, sprintf } from '@wordpress/i18n';
import { cx } from '../class-names';

export interface ResendButtonProps {
	onResend: () => void;
	/** Time (ms since the epoch, like Date.now()) from which a resend is allowed. */
	availableAt?: number;
	/** While a resend request is in flight. */
	busy?: boolean;
	label?: string;
	/** Injectable clock, so tests and the gallery control time. */
	now?: () => number;
	className?: string;
}

function secondsUntil( availableAt: number | undefined, now: () => number ): number {
	return availableAt ? Math.max( 0, Math.ceil( ( availableAt - now() ) / 1000 ) ) : 0;
}

export function ResendButton( { onResend, availableAt, busy = false, label, now = Date.now, className }: ResendButtonProps ) {
	const [ secondsLeft, setSecondsLeft ] = useState( () => secondsUntil( availableAt, now ) );

	useEffect( () => {
		setSecondsLeft( secondsUntil( availableAt, now ) );
		if ( secondsUntil( availableAt, now ) === 0 ) {
			return undefined;
		}
		// Recomputed from the clock on each tick rather than decremented, so a throttled background tab catches up.
		const timer = setInterval( () => {
			const left = secondsUntil( availableAt, now );
			setSecondsLeft( left );
			if ( left === 0 ) {
				clearInterval( timer );
			}
		}, 250 );
		return () => clearInterval( timer );
	}, [ availableAt, now ] );

	const coolingDown = secondsLeft > 0;
	const unavailable = coolingDown || busy;
	const text = label ?? __( 'Resend code', 'cognito-blocks' );
	return (
		<button
			type="button"
			className={ cx( 'cognito-blocks__button', 'cognito-blocks__button--secondary', 'cognito-blocks__resend', className ) }
			aria-disabled={ unavailable || undefined }
			aria-busy={ busy || undefined }
			onClick={ () => {
				if ( ! unavailable ) {
					onResend();
				}
			} }
		>
			{ coolingDown
				? sprintf(
						/* translators: 1: "Resend code" button text, 2: seconds left before it can be used. */
						_n( '%1$s (%2$d second)', '%1$s (%2$d seconds)', secondsLeft, 'cognito-blocks' ),
						text,
						secondsLeft
				  )
				: text }
		</button>
	);
}
