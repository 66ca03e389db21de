import { useId, type ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { Form } from '../form';
import { SubmitButton } from '../submit-button';
import type { StepProps } from '../types';
import { StepLayout } from './StepLayout';

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

/**
 * A step that is a form: heading, description, error region, fields, submit button, links. Each screen only
 * chooses its fields and texts; focus, busy and error handling are the same everywhere.
 * @param root0
 * @param root0.form
 * @param root0.name
 * @param root0.heading
 * @param root0.headingLevel
 * @param root0.description
 * @param root0.submitLabel
 * @param root0.busyLabel
 * @param root0.onSubmit
 * @param root0.busy
 * @param root0.error
 * @param root0.focusOnMount
 * @param root0.footer
 * @param root0.className
 * @param root0.children
 * @param root0.actions
 */
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
				<SubmitButton busyLabel={ busyLabel }>
					{ submitLabel }
				</SubmitButton>
			</Form>
		</StepLayout>
	);
}
