/**
 * "Continue with …" buttons, one per identity provider the site offers. Pressing one calls `onPress`, which
 * leaves the page for the hosted UI; while it prepares (the OAuth code is a chunk loaded on the press) the button
 * says so, and if it cannot start, the error says why and the buttons work again.
 */
import { useState } from 'react';
import { __ } from '@wordpress/i18n';
import { cx } from '../class-names';
import { ErrorMessage } from '../error-message';
import type { FormError } from '../types';

export interface SsoButton {
	/** The pool's name for the provider (`COGNITO` for the hosted page itself). */
	provider: string;
	label: string;
}

export interface SsoButtonsProps {
	buttons: SsoButton[];
	/** Starts the sign-in; resolves once the browser is on its way (or rejects with the reason it is not). */
	onPress: ( provider: string ) => Promise< void >;
	className?: string;
}

export function SsoButtons( { buttons, onPress, className }: SsoButtonsProps ) {
	const [ pressed, setPressed ] = useState< string | null >( null );
	const [ error, setError ] = useState< FormError | null >( null );
	const press = ( provider: string ) => {
		setPressed( provider );
		setError( null );
		onPress( provider ).catch( () => {
			setPressed( null );
			setError( {
				code: 'sso_start',
				message: __(
					'Single sign-on could not start. Check your connection and try again.',
					'cognito-blocks'
				),
			} );
		} );
	};
	return (
		<div
			className={ cx(
				'cognito-blocks-form cognito-blocks__sso',
				className
			) }
		>
			<ErrorMessage error={ error } />
			{ buttons.map( ( button ) => (
				<button
					key={ button.provider }
					type="button"
					className="cognito-blocks__button cognito-blocks__button--secondary cognito-blocks__sso-button"
					data-provider={ button.provider }
					aria-busy={ pressed === button.provider }
					disabled={ pressed !== null }
					onClick={ () => press( button.provider ) }
				>
					{ pressed === button.provider
						? __( 'Opening sign-in…', 'cognito-blocks' )
						: button.label }
				</button>
			) ) }
		</div>
	);
}
