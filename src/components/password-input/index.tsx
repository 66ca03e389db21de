/**
 * A password input with a show/hide toggle. The toggle follows the toggle-button pattern: a constant name
 * ("Show password") with `aria-pressed` carrying the state, so assistive technology never hears a label and a
 * state that contradict each other. Clicking keeps focus on the toggle.
 */
import { forwardRef, useState, type InputHTMLAttributes } from 'react';
import { __ } from '@wordpress/i18n';
import { cx } from '../class-names';

export interface PasswordInputProps extends Omit<
	InputHTMLAttributes< HTMLInputElement >,
	'type'
> {
	/** Accessible name of the toggle. */
	toggleLabel?: string;
}

export const PasswordInput = forwardRef< HTMLInputElement, PasswordInputProps >(
	function PasswordInputWithRef(
		{ toggleLabel, className, id, ...inputProps },
		ref
	) {
		const [ visible, setVisible ] = useState( false );
		return (
			<div className={ cx( 'cognito-blocks__password', className ) }>
				<input
					ref={ ref }
					id={ id }
					// Browsers and password managers treat the field as a password only while its type says so.
					type={ visible ? 'text' : 'password' }
					className="cognito-blocks__input cognito-blocks__password-input"
					autoCapitalize="none"
					autoCorrect="off"
					spellCheck={ false }
					{ ...inputProps }
				/>
				<button
					type="button"
					className="cognito-blocks__toggle"
					aria-pressed={ visible }
					aria-controls={ id }
					onClick={ () => setVisible( ( value ) => ! value ) }
				>
					<EyeIcon crossed={ visible } />
					<span className="cognito-blocks__sr-only">
						{ toggleLabel ??
							__( 'Show password', 'cognito-blocks' ) }
					</span>
				</button>
			</div>
		);
	}
);

function EyeIcon( { crossed }: { crossed: boolean } ) {
	return (
		<svg
			className="cognito-blocks__icon"
			viewBox="0 0 24 24"
			width="20"
			height="20"
			aria-hidden="true"
			focusable="false"
		>
			<path
				fill="none"
				stroke="currentColor"
				strokeWidth="2"
				d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z"
			/>
			<circle
				cx="12"
				cy="12"
				r="3"
				fill="none"
				stroke="currentColor"
				strokeWidth="2"
			/>
			{ crossed && (
				<path stroke="currentColor" strokeWidth="2" d="M4 4l16 16" />
			) }
		</svg>
	);
}
