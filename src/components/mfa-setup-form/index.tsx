/**
 * Authenticator setup (MFA_SETUP): the secret as a QR image and as text, then the first code from the app.
 * Drawing the QR code is not done here; an image is shown when a data URL is given.
 */
import { useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { __ } from '@wordpress/i18n';
import { CodeField } from '../code-field';
import type { CodeValues } from '../code-form';
import { FormStep, StepLinks, backToSignInLink } from '../step';
import type { BackToSignInProps, StepProps } from '../types';

export interface MfaSetupFormProps
	extends StepProps< CodeValues >, BackToSignInProps {
	/** The TOTP secret (base32). Undefined while it is being requested. */
	secret?: string;
	/** A rendered QR code of `otpauthUri`, e.g. `data:image/svg+xml;…`. */
	qrDataUrl?: string;
	/** `otpauth://totp/…`; on phones a link opens the authenticator app directly. */
	otpauthUri?: string;
	secretLabel?: string;
	codeLabel?: string;
	/** Replaces the clipboard copy (e.g. in an environment without the Clipboard API). */
	onCopySecret?: ( secret: string ) => void | Promise< void >;
}

export function MfaSetupForm( {
	secret,
	qrDataUrl,
	otpauthUri,
	secretLabel,
	codeLabel,
	onCopySecret,
	onBackToSignIn,
	backToSignInLabel,
	defaultValues,
	heading,
	description,
	submitLabel,
	busyLabel,
	...step
}: MfaSetupFormProps ) {
	const form = useForm< CodeValues >( {
		defaultValues: { code: '', ...defaultValues },
	} );
	const secretId = useId();
	const secretRef = useRef< HTMLInputElement >( null );
	const [ copied, setCopied ] = useState( false );

	const copy = async () => {
		if ( ! secret ) {
			return;
		}
		try {
			if ( onCopySecret ) {
				await onCopySecret( secret );
			} else {
				await navigator.clipboard.writeText( secret );
			}
			setCopied( true );
		} catch {
			// No clipboard access: select the key so the visitor can copy it by hand.
			secretRef.current?.select();
		}
	};

	return (
		<FormStep
			{ ...step }
			form={ form }
			name="mfa-setup"
			heading={
				heading ??
				__( 'Set up your authenticator app', 'cognito-blocks' )
			}
			description={
				description ??
				__(
					'Scan the QR code with your authenticator app, or enter the setup key. Then enter the 6-digit code the app shows.',
					'cognito-blocks'
				)
			}
			submitLabel={
				submitLabel ?? __( 'Verify and finish', 'cognito-blocks' )
			}
			busyLabel={ busyLabel ?? __( 'Verifying…', 'cognito-blocks' ) }
			footer={
				<StepLinks
					links={ [
						backToSignInLink( onBackToSignIn, backToSignInLabel ),
					] }
				/>
			}
		>
			{ qrDataUrl && (
				<img
					className="cognito-blocks__qr"
					src={ qrDataUrl }
					width={ 200 }
					height={ 200 }
					alt={ __(
						'QR code to add this account to your authenticator app',
						'cognito-blocks'
					) }
				/>
			) }
			{ secret ? (
				<div className="cognito-blocks__field cognito-blocks__field--secret">
					<label
						className="cognito-blocks__label"
						htmlFor={ secretId }
					>
						{ secretLabel ?? __( 'Setup key', 'cognito-blocks' ) }
					</label>
					<div className="cognito-blocks__copy">
						<input
							ref={ secretRef }
							id={ secretId }
							className="cognito-blocks__input cognito-blocks__secret"
							value={ secret }
							readOnly
							autoComplete="off"
							spellCheck={ false }
							onFocus={ ( event ) =>
								event.currentTarget.select()
							}
						/>
						<button
							type="button"
							className="cognito-blocks__button cognito-blocks__button--secondary"
							onClick={ () => void copy() }
						>
							{ __( 'Copy', 'cognito-blocks' ) }
						</button>
					</div>
					<p role="status" className="cognito-blocks__notice">
						{ copied
							? __( 'Setup key copied.', 'cognito-blocks' )
							: '' }
					</p>
				</div>
			) : (
				<p role="status" className="cognito-blocks__notice">
					{ __( 'Preparing your setup key…', 'cognito-blocks' ) }
				</p>
			) }
			{ otpauthUri && (
				<p className="cognito-blocks__otpauth">
					<a href={ otpauthUri }>
						{ __(
							'Open in my authenticator app',
							'cognito-blocks'
						) }
					</a>
				</p>
			) }
			<CodeField label={ codeLabel } />
		</FormStep>
	);
}
