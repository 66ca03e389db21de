/** SELECT_MFA_TYPE: the account has several second factors; the visitor picks one for this sign-in. */
import { useForm } from 'react-hook-form';
import { __ } from '@wordpress/i18n';
import { RadioGroupField, requiredRule } from '../form';
import { FormStep, StepLinks, backToSignInLink } from '../step';
import type { BackToSignInProps, StepProps } from '../types';

export interface SelectMfaValues {
	mfaType: string;
}

/** A Cognito MFA type (`SMS_MFA`, `SOFTWARE_TOKEN_MFA`, `EMAIL_OTP`), or one with its own texts. */
export type MfaOption =
	string | { value: string; label?: string; hint?: string };

export interface SelectMfaFormProps
	extends StepProps< SelectMfaValues >, BackToSignInProps {
	options: readonly MfaOption[];
	legend?: string;
}

function defaultLabel( value: string ): string {
	switch ( value ) {
		case 'SMS_MFA':
			return __( 'Text message (SMS)', 'cognito-blocks' );
		case 'SOFTWARE_TOKEN_MFA':
			return __( 'Authenticator app', 'cognito-blocks' );
		case 'EMAIL_OTP':
			return __( 'Email', 'cognito-blocks' );
		default:
			return value;
	}
}

export function SelectMfaForm( {
	options,
	legend,
	defaultValues,
	onBackToSignIn,
	backToSignInLabel,
	heading,
	submitLabel,
	busyLabel,
	...step
}: SelectMfaFormProps ) {
	const choices = options.map( ( option ) => {
		const { value, label, hint } =
			typeof option === 'string'
				? { value: option, label: undefined, hint: undefined }
				: option;
		return { value, label: label ?? defaultLabel( value ), hint };
	} );
	const form = useForm< SelectMfaValues >( {
		// Preselect the first option: one click less, and no empty-choice error to explain.
		defaultValues: { mfaType: choices[ 0 ]?.value ?? '', ...defaultValues },
	} );
	return (
		<FormStep
			{ ...step }
			form={ form }
			name="select-mfa"
			heading={
				heading ??
				__( 'Choose how to verify it is you', 'cognito-blocks' )
			}
			submitLabel={ submitLabel ?? __( 'Continue', 'cognito-blocks' ) }
			busyLabel={ busyLabel ?? __( 'Please wait…', 'cognito-blocks' ) }
			footer={
				<StepLinks
					links={ [
						backToSignInLink( onBackToSignIn, backToSignInLabel ),
					] }
				/>
			}
		>
			<RadioGroupField
				name="mfaType"
				legend={
					legend ?? __( 'Verification method', 'cognito-blocks' )
				}
				options={ choices }
				rules={ requiredRule(
					__( 'Choose a verification method.', 'cognito-blocks' )
				) }
			/>
		</FormStep>
	);
}
