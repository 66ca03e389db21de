/**
 * Sign-in step: username (or email) and password, an optional "remember me", links to the other entry steps.
 */
import { useForm } from 'react-hook-form';
import { __ } from '@wordpress/i18n';
import {
	CheckboxField,
	Field,
	TextField,
	currentPasswordRules,
	emailRules,
	usernameRules,
} from '../form';
import { PasswordInput } from '../password-input';
import { FormStep, StepLinks } from '../step';
import type { StepProps } from '../types';

export interface SignInValues {
	username: string;
	password: string;
	remember: boolean;
}

export interface SignInFormProps extends StepProps< SignInValues > {
	/** `email` when the pool signs in by email only: email keyboard and format check. */
	usernameKind?: 'username' | 'email';
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
	const byEmail = usernameKind === 'email';
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
			<TextField
				name="username"
				label={
					usernameLabel ??
					( byEmail
						? __( 'Email', 'cognito-blocks' )
						: __( 'Username or email', 'cognito-blocks' ) )
				}
				type={ byEmail ? 'email' : 'text' }
				// "username" even for an email: it is the token password managers pair with current-password.
				autoComplete="username"
				autoCapitalize="none"
				spellCheck={ false }
				rules={ byEmail ? emailRules() : usernameRules() }
			/>
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
