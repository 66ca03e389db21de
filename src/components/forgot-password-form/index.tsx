/** First step of a password reset: who is asking. Cognito then sends a code. */
import { useForm } from 'react-hook-form';
import { __ } from '@wordpress/i18n';
import { TextField, emailRules, usernameRules } from '../form';
import { FormStep, StepLinks } from '../step';
import type { StepProps } from '../types';

export interface ForgotPasswordValues {
	username: string;
}

export interface ForgotPasswordFormProps extends StepProps< ForgotPasswordValues > {
	usernameKind?: 'username' | 'email';
	usernameLabel?: string;
	onBackToSignIn?: () => void;
	backToSignInLabel?: string;
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
	const byEmail = usernameKind === 'email';
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
						{
							label:
								backToSignInLabel ??
								__( 'Back to sign in', 'cognito-blocks' ),
							onClick: onBackToSignIn,
						},
					] }
				/>
			}
		>
			<TextField
				name="username"
				label={
					usernameLabel ??
					( byEmail
						? __( 'Email', 'cognito-blocks' )
						: __( 'Username or email', 'cognito-blocks' ) )
				}
				type={ byEmail ? 'email' : 'text' }
				autoComplete="username"
				autoCapitalize="none"
				spellCheck={ false }
				rules={ byEmail ? emailRules() : usernameRules() }
			/>
		</FormStep>
	);
}
