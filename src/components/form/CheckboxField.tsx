import type { ReactNode } from 'react';
import type { RegisterOptions } from 'react-hook-form';
import { cx } from '../class-names';
import { FieldMessage } from './FieldMessage';
import { useFieldControl } from './use-field-control';

/**
 * A checkbox with its label after it, the usual reading order for "Remember me" or "I accept …".
 */
export interface CheckboxFieldProps {
	name: string;
	label: ReactNode;
	rules?: RegisterOptions;
	className?: string;
}

export function CheckboxField( {
	name,
	label,
	rules,
	className,
}: CheckboxFieldProps ) {
	const { control, error, ids } = useFieldControl( name, rules );
	return (
		<div
			className={ cx(
				'cognito-blocks__field',
				'cognito-blocks__field--checkbox',
				error && 'cognito-blocks__field--invalid',
				className
			) }
		>
			<input
				type="checkbox"
				className="cognito-blocks__checkbox"
				{ ...control }
			/>
			<label className="cognito-blocks__label" htmlFor={ ids.id }>
				{ label }
			</label>
			<FieldMessage id={ ids.messageId } error={ error } />
		</div>
	);
}
