/** SMS multi-factor step. Cognito cannot resend an MFA text; a new sign-in sends a new one. */
import { __, sprintf } from '@wordpress/i18n';
import { CodeForm, type CodeValues } from '../code-form';
import { withDefaultTexts } from '../step';
import type { BackToSignInProps, StepProps } from '../types';

export interface SmsCodeFormProps
	extends StepProps< CodeValues >, BackToSignInProps {
	/** Masked phone number ("+*******0100"). */
	destination?: string;
	codeLabel?: string;
}

export function SmsCodeForm( { destination, ...props }: SmsCodeFormProps ) {
	return (
		<CodeForm
			{ ...withDefaultTexts( props, {
				heading: __(
					'Enter the code from your text message',
					'cognito-blocks'
				),
				description: destination
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
						),
				submitLabel: __( 'Verify', 'cognito-blocks' ),
				busyLabel: __( 'Verifying…', 'cognito-blocks' ),
			} ) }
			name="sms-code"
		/>
	);
}
