import { useId, type ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { Form } from '../form';
import { SubmitButton } from '../submit-button';
import type { StepProps } from '../types';
import { StepLayout } from './StepLayout';

/**
 * A step that is a form: heading, description, error region, fields, submit button, links. Each screen only
 * chooses its fields and texts; focus, busy and error handling are the same everywhere.
 */
export interface FormStepProps< V extends FieldValues > extends Omit<
	StepProps< V >,
	'defaultValues' | 'heading' | 'submitLabel'
> {
	form: UseFormReturn< V >;
	name: string;
	heading: string;
	submitLabel: string;
	footer?: ReactNode;
	/** Secondary buttons after the submit button ("Resend code"). */
	actions?: ReactNode;
	children?: ReactNode;
}

export function FormStep< V extends FieldValues >( {
	form,
	name,
	heading,
	headingLevel,
	description,
	submitLabel,
	busyLabel,
	onSubmit,
	busy,
	error,
	focusOnMount = 'heading',
	footer,
	actions,
	className,
	children,
}: FormStepProps< V > ) {
	const headingId = useId();
	return (
		<StepLayout
			name={ name }
			heading={ heading }
			headingId={ headingId }
			headingLevel={ headingLevel }
			focusHeading={ focusOnMount === 'heading' }
			description={ description }
			footer={ footer }
			className={ className }
		>
			<Form
				form={ form }
				onSubmit={ onSubmit }
				busy={ busy }
				error={ error }
				focusFirstField={ focusOnMount === 'field' }
				aria-labelledby={ headingId }
			>
				{ children }
				<div className="cognito-blocks__actions">
					<SubmitButton busyLabel={ busyLabel }>
						{ submitLabel }
					</SubmitButton>
					{ actions }
				</div>
			</Form>
		</StepLayout>
	);
}
