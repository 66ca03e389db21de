/**
 * The shape shared by every "enter the code" step: a six-digit code field, an optional resend button and a
 * polite status line for notices such as "We sent a new code". ConfirmCodeForm, SmsCodeForm and TotpCodeForm
 * are this with their own texts.
 */
import type { ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { CodeField } from '../code-field';
import { ResendButton } from '../resend-button';
import { FormStep, StepLinks, type StepLink } from '../step';
import type { StepProps } from '../types';

export interface CodeValues {
	code: string;
}

export interface ResendOptions {
	onResend?: () => void;
	/** Seconds left before "Resend code" can be used again. */
	resendCooldown?: number;
	resendBusy?: boolean;
	resendLabel?: string;
}

export interface CodeFormProps extends StepProps< CodeValues >, ResendOptions {
	/** Step modifier class. */
	name: string;
	heading: string;
	submitLabel: string;
	codeLabel?: string;
	codeHint?: ReactNode;
	/** A short confirmation in a status region, e.g. after a code was resent. */
	notice?: string;
	links?: readonly StepLink[];
}

export function CodeForm( {
	defaultValues,
	codeLabel,
	codeHint,
	notice,
	links = [],
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
			footer={ <StepLinks links={ links } /> }
			actions={
				onResend && (
					<ResendButton
						onResend={ onResend }
						cooldownSeconds={ resendCooldown }
						busy={ resendBusy }
						label={ resendLabel }
					/>
				)
			}
		>
			{ /* Always rendered so assistive technology is already listening when a notice appears. */ }
			<p role="status" className="cognito-blocks__notice">
				{ notice }
			</p>
			<CodeField label={ codeLabel } hint={ codeHint } />
		</FormStep>
	);
}
