import { useId, type ReactNode } from 'react';
import {
	get,
	useFormContext,
	useFormState,
	type FieldError,
	type RegisterOptions,
} from 'react-hook-form';
import { cx } from '../class-names';
import { FieldMessage } from './FieldMessage';

export interface RadioOption {
	value: string;
	label: ReactNode;
	hint?: ReactNode;
}

/**
 * Radios in a fieldset: the legend names the group, each option has its own label (and hint).
 */
export interface RadioGroupFieldProps {
	name: string;
	legend: ReactNode;
	options: readonly RadioOption[];
	rules?: RegisterOptions;
	className?: string;
}

export function RadioGroupField( {
	name,
	legend,
	options,
	rules,
	className,
}: RadioGroupFieldProps ) {
	const id = useId();
	const { register } = useFormContext();
	const { errors } = useFormState( { name } );
	const error = get( errors, name ) as FieldError | undefined;
	const messageId = error ? `${ id }-message` : undefined;
	const registration = register( name, rules );

	return (
		<fieldset
			className={ cx(
				'cognito-blocks__field',
				'cognito-blocks__fieldset',
				error && 'cognito-blocks__field--invalid',
				className
			) }
			aria-describedby={ messageId }
		>
			<legend className="cognito-blocks__label">{ legend }</legend>
			{ options.map( ( option, index ) => {
				const optionId = `${ id }-${ index }`;
				const hintId = option.hint ? `${ optionId }-hint` : undefined;
				return (
					<div
						key={ option.value }
						className="cognito-blocks__choice"
					>
						<input
							type="radio"
							className="cognito-blocks__radio"
							id={ optionId }
							value={ option.value }
							aria-describedby={ hintId }
							{ ...registration }
						/>
						<label
							className="cognito-blocks__choice-label"
							htmlFor={ optionId }
						>
							{ option.label }
						</label>
						{ option.hint && (
							<div id={ hintId } className="cognito-blocks__hint">
								{ option.hint }
							</div>
						) }
					</div>
				);
			} ) }
			<FieldMessage id={ messageId } error={ error } />
		</fieldset>
	);
}
