/**
 * A labelled field: label, optional hint, the control (rendered by the caller with the wired props), optional
 * details below it (e.g. a password checklist) and the validation message.
 */
import type { InputHTMLAttributes, ReactNode } from 'react';
import type { RegisterOptions } from 'react-hook-form';
import { __ } from '@wordpress/i18n';
import { cx } from '../class-names';
import { FieldMessage } from './FieldMessage';
import { useFieldControl, type FieldControlProps } from './use-field-control';

export interface FieldProps {
	name: string;
	label: ReactNode;
	/** Shown between label and control, and read with the control. */
	hint?: ReactNode;
	/** Shown below the control, and read with it. */
	details?: ReactNode;
	rules?: RegisterOptions;
	/** Marks the label "(optional)"; required fields stay unmarked, as most fields are required. */
	optional?: boolean;
	className?: string;
	children: ( control: FieldControlProps ) => ReactNode;
}

export function Field( {
	name,
	label,
	hint,
	details,
	rules,
	optional,
	className,
	children,
}: FieldProps ) {
	const { control, error, ids } = useFieldControl( name, rules, {
		hasHint: Boolean( hint ),
		hasDetails: Boolean( details ),
	} );
	return (
		<div
			className={ cx(
				'cognito-blocks__field',
				error && 'cognito-blocks__field--invalid',
				className
			) }
		>
			<label className="cognito-blocks__label" htmlFor={ ids.id }>
				{ label }
				{ optional && (
					<span className="cognito-blocks__optional">
						{ ' ' }
						{ __( '(optional)', 'cognito-blocks' ) }
					</span>
				) }
			</label>
			{ hint && (
				<div id={ ids.hintId } className="cognito-blocks__hint">
					{ hint }
				</div>
			) }
			{ children( control ) }
			{ details && (
				<div id={ ids.detailsId } className="cognito-blocks__details">
					{ details }
				</div>
			) }
			<FieldMessage id={ ids.messageId } error={ error } />
		</div>
	);
}

/**
 * A single-line input in a Field.
 */
export type TextFieldProps = Omit< FieldProps, 'children' > &
	Omit<
		InputHTMLAttributes< HTMLInputElement >,
		'name' | 'id' | 'children' | 'className'
	>;

export function TextField( {
	name,
	label,
	hint,
	details,
	rules,
	optional,
	className,
	type = 'text',
	...inputProps
}: TextFieldProps ) {
	return (
		<Field
			name={ name }
			label={ label }
			hint={ hint }
			details={ details }
			rules={ rules }
			optional={ optional }
			className={ className }
		>
			{ ( control ) => (
				<input
					className="cognito-blocks__input"
					type={ type }
					{ ...inputProps }
					{ ...control }
				/>
			) }
		</Field>
	);
}
