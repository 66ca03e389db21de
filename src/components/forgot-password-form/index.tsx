/** First step of a password reset: who is asking. Cognito then sends a code. */
import { useForm } from 'react-hook-form';
import { __ } from '@wordpress/i18n';
import { FormStep, StepLinks, backToSignInLink } from '../step';
import type { BackToSignInProps, StepProps } from '../types';
import { UsernameField, type UsernameKind } from '../username-field';

export interface ForgotPasswordValues {
	username: string;
}

export interface ForgotPasswordFormProps
	extends StepProps< ForgotPasswordValues >, BackToSignInProps {
	usernameKind?: UsernameKind;
	usernameLabel?: string;
}

export function ForgotPasswordForm( {
	defaultValues,
	usernameKind = 'username',
	usernameLabel,
	onBackToSignIn,
	backToSignInLabel,
	heading,
	description,
	submitLabel,
	busyLabel,
	...step
}: ForgotPasswordFormProps ) {
	const form = useForm< ForgotPasswordValues >( {
		defaultValues: { username: '', ...defaultValues },
	} );
	return (
		<FormStep
			{ ...step }
			form={ form }
			name="forgot-password"
			heading={ heading ?? __( 'Reset your password', 'cognito-blocks' ) }
			description={
				description ??
				__(
					'Enter your account and we will send you a code to choose a new password.',
					'cognito-blocks'
				)
			}
			submitLabel={ submitLabel ?? __( 'Send code', 'cognito-blocks' ) }
			busyLabel={ busyLabel ?? __( 'Sending…', 'cognito-blocks' ) }
			footer={
				<StepLinks
					links={ [
						backToSignInLink( onBackToSignIn, backToSignInLabel ),
					] }
				/>
			}
		>
			<UsernameField kind={ usernameKind } label={ usernameLabel } />
		</FormStep>
	);
}
