/**
 * Sign-up step: the attributes the block asks for (in its order), an optional username, a new password with the
 * live checklist, and optional terms (plain text, or a checkbox that must be ticked).
 */
import type { ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { __ } from '@wordpress/i18n';
import {
	AttributeFields,
	attributesToForm,
	formToAttributes,
} from '../attribute-fields';
import { CheckboxField, TextField, requiredRule } from '../form';
import { NewPasswordField } from '../new-password-field';
import { FormStep, StepLinks } from '../step';
import type { AttributeField, PasswordChecker, StepProps } from '../types';

export interface SignUpValues {
	username: string;
	password: string;
	/** Keyed by Cognito attribute name; empty optional attributes are left out. */
	attributes: Record< string, string >;
}

export interface SignUpFormProps extends StepProps< SignUpValues > {
	fields?: readonly AttributeField[];
	/**
	 * Ask for a username of its own. Without it the pool signs in by email (or phone), and that attribute is
	 * sent as the username.
	 */
	usernameField?: boolean;
	usernameLabel?: string;
	passwordLabel?: string;
	checkPassword?: PasswordChecker;
	/** Terms text (may contain links). */
	terms?: ReactNode;
	/** Show the terms as a checkbox that must be ticked. */
	requireTerms?: boolean;
	onSignIn?: () => void;
	signInLabel?: string;
}

interface FormValues {
	username: string;
	password: string;
	attributes: Record< string, string >;
	terms: boolean;
}

const DEFAULT_FIELDS: readonly AttributeField[] = [
	{ name: 'email', required: true },
];

export function SignUpForm( {
	defaultValues,
	fields = DEFAULT_FIELDS,
	usernameField = false,
	usernameLabel,
	passwordLabel,
	checkPassword,
	terms,
	requireTerms = false,
	onSignIn,
	signInLabel,
	onSubmit,
	heading,
	submitLabel,
	busyLabel,
	...step
}: SignUpFormProps ) {
	const form = useForm< FormValues >( {
		defaultValues: {
			username: defaultValues?.username ?? '',
			password: defaultValues?.password ?? '',
			attributes: attributesToForm( fields, defaultValues?.attributes ),
			terms: false,
		},
	} );

	const submit = ( values: FormValues ) => {
		const attributes = formToAttributes( fields, values.attributes );
		const username = usernameField
			? values.username
			: ( attributes.email ?? attributes.phone_number ?? '' );
		return onSubmit( { username, password: values.password, attributes } );
	};

	return (
		<FormStep
			{ ...step }
			form={ form }
			name="sign-up"
			heading={ heading ?? __( 'Create an account', 'cognito-blocks' ) }
			submitLabel={
				submitLabel ?? __( 'Create account', 'cognito-blocks' )
			}
			busyLabel={
				busyLabel ?? __( 'Creating account…', 'cognito-blocks' )
			}
			onSubmit={ submit }
			footer={
				<StepLinks
					links={ [
						{
							label:
								signInLabel ??
								__(
									'Already have an account? Sign in',
									'cognito-blocks'
								),
							onClick: onSignIn,
						},
					] }
				/>
			}
		>
			{ usernameField && (
				<TextField
					name="username"
					label={
						usernameLabel ?? __( 'Username', 'cognito-blocks' )
					}
					autoComplete="username"
					autoCapitalize="none"
					spellCheck={ false }
					rules={ requiredRule(
						__( 'Choose a username.', 'cognito-blocks' )
					) }
				/>
			) }
			<AttributeFields fields={ fields } />
			<NewPasswordField
				label={ passwordLabel ?? __( 'Password', 'cognito-blocks' ) }
				checkPassword={ checkPassword }
			/>
			{ terms && requireTerms && (
				<CheckboxField
					name="terms"
					label={ terms }
					rules={ requiredRule(
						__(
							'Accept the terms to create an account.',
							'cognito-blocks'
						)
					) }
				/>
			) }
			{ terms && ! requireTerms && (
				<div className="cognito-blocks__terms">{ terms }</div>
			) }
		</FormStep>
	);
}
