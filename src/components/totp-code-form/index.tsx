/** Authenticator-app (TOTP) multi-factor step. */
import { __ } from '@wordpress/i18n';
import { CodeForm, type CodeValues } from '../code-form';
import { withDefaultTexts } from '../step';
import type { BackToSignInProps, StepProps } from '../types';

export interface TotpCodeFormProps
	extends StepProps< CodeValues >, BackToSignInProps {
	codeLabel?: string;
}

export function TotpCodeForm( props: TotpCodeFormProps ) {
	return (
		<CodeForm
			{ ...withDefaultTexts( props, {
				heading: __(
					'Enter your authenticator code',
					'cognito-blocks'
				),
				description: __(
					'Open your authenticator app and enter the 6-digit code it shows.',
					'cognito-blocks'
				),
				submitLabel: __( 'Verify', 'cognito-blocks' ),
				busyLabel: __( 'Verifying…', 'cognito-blocks' ),
			} ) }
			name="totp-code"
		/>
	);
}
