/**
 * Confirm sign-up (or any "we sent you a code") step: the code, "Resend code" with its cool-down, a way back.
 */
import { __, sprintf } from '@wordpress/i18n';
import { CodeForm, type CodeValues, type ResendOptions } from '../code-form';
import { withDefaultTexts } from '../step';
import type { BackToSignInProps, StepProps } from '../types';

export type { CodeValues };

export interface ConfirmCodeFormProps
	extends StepProps< CodeValues >, ResendOptions, BackToSignInProps {
	/** Where the code went, as Cognito masks it ("a***@e***.com"). */
	destination?: string;
	codeLabel?: string;
	notice?: string;
}

export function ConfirmCodeForm( {
	destination,
	...props
}: ConfirmCodeFormProps ) {
	return (
		<CodeForm
			{ ...withDefaultTexts( props, {
				heading: __( 'Confirm your account', 'cognito-blocks' ),
				description: destination
					? sprintf(
							/* translators: %s: masked email address or phone number the code was sent to. */
							__(
								'We sent a 6-digit code to %s. Enter it below.',
								'cognito-blocks'
							),
							destination
						)
					: __(
							'We sent you a 6-digit code. Enter it below.',
							'cognito-blocks'
						),
				submitLabel: __( 'Confirm', 'cognito-blocks' ),
				busyLabel: __( 'Confirming…', 'cognito-blocks' ),
			} ) }
			name="confirm-code"
		/>
	);
}
