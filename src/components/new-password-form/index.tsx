/**
 * Forced password change (NEW_PASSWORD_REQUIRED): a new password and any attributes the pool requires that the
 * account does not have yet.
 */
import { useForm } from 'react-hook-form';
import { __ } from '@wordpress/i18n';
import {
	AttributeFields,
	attributesToForm,
	formToAttributes,
} from '../attribute-fields';
import { NewPasswordField } from '../new-password-field';
import { FormStep } from '../step';
import type { AttributeField, PasswordChecker, StepProps } from '../types';

export interface NewPasswordValues {
	password: string;
	/** Keyed by Cognito attribute name. */
	attributes: Record< string, string >;
}

export interface NewPasswordFormProps extends StepProps< NewPasswordValues > {
	/** Attributes to ask for, e.g. from the challenge's requiredAttributes; asked as required fields by default. */
	requiredAttributes?: readonly AttributeField[];
	passwordLabel?: string;
	checkPassword?: PasswordChecker;
}

interface FormValues {
	password: string;
	attributes: Record< string, string >;
}

export function NewPasswordForm( {
	defaultValues,
	requiredAttributes = [],
	passwordLabel,
	checkPassword,
	onSubmit,
	heading,
	description,
	submitLabel,
	busyLabel,
	...step
}: NewPasswordFormProps ) {
	const fields = requiredAttributes.map( ( field ) => ( {
		...field,
		required: field.required ?? true,
	} ) );
	const form = useForm< FormValues >( {
		defaultValues: {
			password: defaultValues?.password ?? '',
			attributes: attributesToForm( fields, defaultValues?.attributes ),
		},
	} );
	return (
		<FormStep
			{ ...step }
			form={ form }
			name="new-password"
			heading={ heading ?? __( 'Set a new password', 'cognito-blocks' ) }
			description={
				description ??
				__(
					'You need to choose a new password before you continue.',
					'cognito-blocks'
				)
			}
			submitLabel={
				submitLabel ?? __( 'Save and continue', 'cognito-blocks' )
			}
			busyLabel={ busyLabel ?? __( 'Saving…', 'cognito-blocks' ) }
			onSubmit={ ( values ) =>
				onSubmit( {
					password: values.password,
					attributes: formToAttributes( fields, values.attributes ),
				} )
			}
		>
			<NewPasswordField
				label={ passwordLabel }
				checkPassword={ checkPassword }
			/>
			<AttributeFields fields={ fields } />
		</FormStep>
	);
}
