/** SMS multi-factor step. Cognito cannot resend an MFA text; a new sign-in sends a new one. */
import { __, sprintf } from '@wordpress/i18n';
import { CodeForm, type CodeValues } from '../code-form';
import type { StepProps } from '../types';

export interface SmsCodeFormProps extends StepProps< CodeValues > {
	/** Masked phone number ("+*******0100"). */
	destination?: string;
	codeLabel?: string;
	onBackToSignIn?: () => void;
	backToSignInLabel?: string;
}

export function SmsCodeForm( {
	destination,
	description,
	heading,
	submitLabel,
	busyLabel,
	onBackToSignIn,
	backToSignInLabel,
	...props
}: SmsCodeFormProps ) {
	return (
		<CodeForm
			{ ...props }
			name="sms-code"
			heading={
				heading ??
				__( 'Enter the code from your text message', 'cognito-blocks' )
			}
			description={
				description ??
				( destination
					? sprintf(
							/* translators: %s: masked phone number the code was sent to. */
							__(
								'We sent a 6-digit code to %s.',
								'cognito-blocks'
							),
							destination
						)
					: __(
							'We sent a 6-digit code to your phone.',
							'cognito-blocks'
						) )
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
