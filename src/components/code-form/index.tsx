/**
 * The shape shared by every "enter the code" step: a six-digit code field, an optional resend button, a polite
 * status line for notices such as "We sent a new code", and the "Back to sign in" link. ConfirmCodeForm,
 * SmsCodeForm and TotpCodeForm are this with their own texts.
 */
import type { ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { CodeField } from '../code-field';
import { resendAction, type ResendOptions } from '../resend-button';
import { FormStep, StepLinks, backToSignInLink, type StepLink } from '../step';
import type { BackToSignInProps, StepProps } from '../types';

export type { ResendOptions };

export interface CodeValues {
	code: string;
}

export interface CodeFormProps
	extends StepProps< CodeValues >, ResendOptions, BackToSignInProps {
	/** Step modifier class. */
	name: string;
	heading: string;
	submitLabel: string;
	codeLabel?: string;
	codeHint?: ReactNode;
	/** A short confirmation in a status region, e.g. after a code was resent. */
	notice?: string;
	/** Links shown before "Back to sign in". */
	links?: readonly StepLink[];
}

export function CodeForm( {
	defaultValues,
	codeLabel,
	codeHint,
	notice,
	links = [],
	onBackToSignIn,
	backToSignInLabel,
	onResend,
	resendCooldown,
	resendBusy,
	resendLabel,
	...step
}: CodeFormProps ) {
	const form = useForm< CodeValues >( {
		defaultValues: { code: '', ...defaultValues },
	} );
	return (
		<FormStep
			{ ...step }
			form={ form }
			footer={
				<StepLinks
					links={ [
						...links,
						backToSignInLink( onBackToSignIn, backToSignInLabel ),
					] }
				/>
			}
			actions={ resendAction( {
				onResend,
				resendCooldown,
				resendBusy,
				resendLabel,
			} ) }
		>
			{ /* Always rendered so assistive technology is already listening when a notice appears. */ }
			<p role="status" className="cognito-blocks__notice">
				{ notice }
			</p>
			<CodeField label={ codeLabel } hint={ codeHint } />
		</FormStep>
	);
}
