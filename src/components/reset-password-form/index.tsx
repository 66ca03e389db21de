/** Second step of a password reset: the emailed code and the new password, checked live against the policy. */
import { useForm } from 'react-hook-form';
import { __, sprintf } from '@wordpress/i18n';
import { CodeField } from '../code-field';
import { NewPasswordField } from '../new-password-field';
import { resendAction, type ResendOptions } from '../resend-button';
import { FormStep, StepLinks, backToSignInLink } from '../step';
import type { BackToSignInProps, PasswordChecker, StepProps } from '../types';

export interface ResetPasswordValues {
	code: string;
	password: string;
}

export interface ResetPasswordFormProps
	extends StepProps< ResetPasswordValues >, ResendOptions, BackToSignInProps {
	destination?: string;
	codeLabel?: string;
	passwordLabel?: string;
	checkPassword?: PasswordChecker;
}

export function ResetPasswordForm( {
	defaultValues,
	destination,
	codeLabel,
	passwordLabel,
	checkPassword,
	onResend,
	resendCooldown,
	resendBusy,
	resendLabel,
	onBackToSignIn,
	backToSignInLabel,
	heading,
	description,
	submitLabel,
	busyLabel,
	...step
}: ResetPasswordFormProps ) {
	const form = useForm< ResetPasswordValues >( {
		defaultValues: { code: '', password: '', ...defaultValues },
	} );
	return (
		<FormStep
			{ ...step }
			form={ form }
			name="reset-password"
			heading={
				heading ?? __( 'Choose a new password', 'cognito-blocks' )
			}
			description={
				description ??
				( destination
					? sprintf(
							/* translators: %s: masked email address or phone number the code was sent to. */
							__(
								'We sent a 6-digit code to %s. Enter it with your new password.',
								'cognito-blocks'
							),
							destination
						)
					: __(
							'Enter the 6-digit code we sent you and your new password.',
							'cognito-blocks'
						) )
			}
			submitLabel={
				submitLabel ?? __( 'Set new password', 'cognito-blocks' )
			}
			busyLabel={ busyLabel ?? __( 'Saving…', 'cognito-blocks' ) }
			actions={ resendAction( {
				onResend,
				resendCooldown,
				resendBusy,
				resendLabel,
			} ) }
			footer={
				<StepLinks
					links={ [
						backToSignInLink( onBackToSignIn, backToSignInLabel ),
					] }
				/>
			}
		>
			<CodeField label={ codeLabel } />
			<NewPasswordField
				label={ passwordLabel }
				checkPassword={ checkPassword }
			/>
		</FormStep>
	);
}
