/** Authenticator-app (TOTP) multi-factor step. */
import { __ } from '@wordpress/i18n';
import { CodeForm, type CodeValues } from '../code-form';
import type { StepProps } from '../types';

export interface TotpCodeFormProps extends StepProps< CodeValues > {
	codeLabel?: string;
	onBackToSignIn?: () => void;
	backToSignInLabel?: string;
}

export function TotpCodeForm( {
	description,
	heading,
	submitLabel,
	busyLabel,
	onBackToSignIn,
	backToSignInLabel,
	...props
}: TotpCodeFormProps ) {
	return (
		<CodeForm
			{ ...props }
			name="totp-code"
			heading={
				heading ??
				__( 'Enter your authenticator code', 'cognito-blocks' )
			}
			description={
				description ??
				__(
					'Open your authenticator app and enter the 6-digit code it shows.',
					'cognito-blocks'
				)
			}
			submitLabel={ submitLabel ?? __( 'Verify', 'cognito-blocks' ) }
			busyLabel={ busyLabel ?? __( 'Verifying…', 'cognito-blocks' ) }
			links={ [
				{
					label:
						backToSignInLabel ??
						__( 'Back to sign in', 'cognito-blocks' ),
					onClick: onBackToSignIn,
				},
			] }
		/>
	);
}
