/**
 * Sign-in step: username (or email) and password, an optional "remember me", links to the other entry steps.
 */
import { useForm } from 'react-hook-form';
import { __ } from '@wordpress/i18n';
import { CheckboxField, Field, currentPasswordRules } from '../form';
import { PasswordInput } from '../password-input';
import { FormStep, StepLinks } from '../step';
import type { StepProps } from '../types';
import { UsernameField, type UsernameKind } from '../username-field';

export interface SignInValues {
	username: string;
	password: string;
	remember: boolean;
}

export interface SignInFormProps extends StepProps< SignInValues > {
	/** `email` when the pool signs in by email only: email keyboard and format check. */
	usernameKind?: UsernameKind;
	usernameLabel?: string;
	passwordLabel?: string;
	showRemember?: boolean;
	rememberLabel?: string;
	onForgotPassword?: () => void;
	forgotPasswordLabel?: string;
	onCreateAccount?: () => void;
	createAccountLabel?: string;
}

export function SignInForm( {
	defaultValues,
	usernameKind = 'username',
	usernameLabel,
	passwordLabel,
	showRemember = false,
	rememberLabel,
	onForgotPassword,
	forgotPasswordLabel,
	onCreateAccount,
	createAccountLabel,
	heading,
	submitLabel,
	busyLabel,
	...step
}: SignInFormProps ) {
	const form = useForm< SignInValues >( {
		defaultValues: {
			username: '',
			password: '',
			remember: false,
			...defaultValues,
		},
	} );
	return (
		<FormStep
			{ ...step }
			form={ form }
			name="sign-in"
			heading={ heading ?? __( 'Sign in', 'cognito-blocks' ) }
			submitLabel={ submitLabel ?? __( 'Sign in', 'cognito-blocks' ) }
			busyLabel={ busyLabel ?? __( 'Signing in…', 'cognito-blocks' ) }
			footer={
				<StepLinks
					links={ [
						{
							label:
								forgotPasswordLabel ??
								__( 'Forgot your password?', 'cognito-blocks' ),
							onClick: onForgotPassword,
						},
						{
							label:
								createAccountLabel ??
								__( 'Create an account', 'cognito-blocks' ),
							onClick: onCreateAccount,
						},
					] }
				/>
			}
		>
			<UsernameField kind={ usernameKind } label={ usernameLabel } />
			<Field
				name="password"
				label={ passwordLabel ?? __( 'Password', 'cognito-blocks' ) }
				rules={ currentPasswordRules() }
			>
				{ ( control ) => (
					<PasswordInput
						{ ...control }
						autoComplete="current-password"
					/>
				) }
			</Field>
			{ showRemember && (
				<CheckboxField
					name="remember"
					label={
						rememberLabel ?? __( 'Remember me', 'cognito-blocks' )
					}
				/>
			) }
		</FormStep>
	);
}
