/**
 * The submit button. While busy it stays focusable (`aria-disabled`, not `disabled`, which would drop keyboard
 * focus to the page) and swallows clicks; Form ignores Enter at the same time.
 */
import type { ReactNode } from 'react';
import { __ } from '@wordpress/i18n';
import { cx } from '../class-names';
import { useFormBusy } from '../form/busy-context';

export interface SubmitButtonProps {
	children: ReactNode;
	/** Defaults to the enclosing Form's `busy`. */
	busy?: boolean;
	/** Replaces the label while busy. */
	busyLabel?: string;
	className?: string;
}

export function SubmitButton( {
	children,
	busy,
	busyLabel,
	className,
}: SubmitButtonProps ) {
	const formBusy = useFormBusy();
	const isBusy = busy ?? formBusy;
	const progress = busyLabel ?? __( 'Please wait…', 'cognito-blocks' );
	return (
		<>
			<button
				type="submit"
				className={ cx(
					'cognito-blocks__button',
					'cognito-blocks__button--primary',
					isBusy && 'cognito-blocks__button--busy',
					className
				) }
				aria-disabled={ isBusy || undefined }
				aria-busy={ isBusy || undefined }
				onClick={ ( event ) => {
					if ( isBusy ) {
						event.preventDefault();
					}
				} }
			>
				{ isBusy && (
					<span
						className="cognito-blocks__spinner"
						aria-hidden="true"
					/>
				) }
				<span className="cognito-blocks__button-label">
					{ isBusy ? progress : children }
				</span>
			</button>
			{ /* A changed button label is not announced; this status line is. */ }
			<span role="status" className="cognito-blocks__sr-only">
				{ isBusy ? progress : '' }
			</span>
		</>
	);
}
