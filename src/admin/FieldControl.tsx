/**
 * One setting's control, chosen by its kind. Every control shows the setting's help, its error (if any) and,
 * when wp-config.php pins it, the constant's name instead of an editable value.
 */
import {
	Button,
	CheckboxControl,
	SelectControl,
	TextControl,
	TextareaControl,
	ToggleControl,
} from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import type { ReactNode } from 'react';
import type { AttributeRow, FieldSpec, GroupRole, Option } from './types';

export interface FieldControlProps {
	field: FieldSpec;
	draft: unknown;
	error: string | null;
	roles: Option[];
	onChange: ( draft: unknown ) => void;
}

/**
 * Labels of the password rules' parts (the table declares them as one record setting).
 * @param key
 */
function ruleLabel( key: string ): string {
	const labels: Record< string, string > = {
		min_length: __( 'Minimum length', 'cognito-blocks' ),
		require_uppercase: __( 'An upper-case letter', 'cognito-blocks' ),
		require_lowercase: __( 'A lower-case letter', 'cognito-blocks' ),
		require_numbers: __( 'A digit', 'cognito-blocks' ),
		require_symbols: __( 'A symbol', 'cognito-blocks' ),
	};
	return labels[ key ] ?? key;
}

function Help( { field, error }: { field: FieldSpec; error: string | null } ) {
	return (
		<>
			{ error && (
				<span className="cognito-blocks-admin__error">{ error } </span>
			) }
			{ field.pinned && (
				<strong className="cognito-blocks-admin__pinned">
					{ sprintf(
						/* translators: %s: name of a PHP constant. */
						__(
							'Set in wp-config.php by %s; change it there.',
							'cognito-blocks'
						),
						field.constant
					) }{ ' ' }
				</strong>
			) }
			{ field.help }
		</>
	);
}

function Rows< Row >( {
	field,
	error,
	rows,
	onChange,
	empty,
	addLabel,
	columns,
}: {
	field: FieldSpec;
	error: string | null;
	rows: Row[];
	onChange: ( rows: Row[] ) => void;
	empty: Row;
	addLabel: string;
	columns: (
		row: Row,
		update: ( row: Row ) => void,
		index: number
	) => ReactNode;
} ) {
	const id = `cognito-blocks-${ field.name }`;
	return (
		<fieldset
			className="cognito-blocks-admin__rows"
			aria-describedby={ `${ id }-help` }
			aria-invalid={ error ? true : undefined }
		>
			<legend>{ field.label }</legend>
			{ rows.length > 0 && (
				<table className="widefat striped" id={ id }>
					<tbody>
						{ rows.map( ( row, index ) => (
							<tr key={ index }>
								{ columns(
									row,
									( next ) =>
										onChange(
											rows.map( ( old, i ) =>
												i === index ? next : old
											)
										),
									index
								) }
								<td>
									<Button
										variant="tertiary"
										isDestructive
										disabled={ field.pinned }
										onClick={ () =>
											onChange(
												rows.filter(
													( _, i ) => i !== index
												)
											)
										}
										label={ sprintf(
											/* translators: %d: row number. */
											__(
												'Remove row %d',
												'cognito-blocks'
											),
											index + 1
										) }
									>
										{ __( 'Remove', 'cognito-blocks' ) }
									</Button>
								</td>
							</tr>
						) ) }
					</tbody>
				</table>
			) }
			<Button
				variant="secondary"
				disabled={ field.pinned }
				onClick={ () => onChange( [ ...rows, empty ] ) }
			>
				{ addLabel }
			</Button>
			<p className="components-base-control__help" id={ `${ id }-help` }>
				<Help field={ field } error={ error } />
			</p>
		</fieldset>
	);
}

export function FieldControl( {
	field,
	draft,
	error,
	roles,
	onChange,
}: FieldControlProps ) {
	const common = {
		label: field.label,
		help: <Help field={ field } error={ error } />,
		disabled: field.pinned,
		__nextHasNoMarginBottom: true,
	};
	const invalid = error ? { 'aria-invalid': true } : {};
	switch ( field.kind ) {
		case 'boolean':
			return (
				<ToggleControl
					{ ...common }
					checked={ draft === true }
					onChange={ ( checked: boolean ) => onChange( checked ) }
				/>
			);
		case 'choice':
		case 'role':
			return (
				<SelectControl
					{ ...common }
					{ ...invalid }
					__next40pxDefaultSize
					value={ String( draft ?? '' ) }
					options={ field.kind === 'role' ? roles : field.choices }
					onChange={ ( value: string ) => onChange( value ) }
				/>
			);
		case 'list':
			return (
				<TextareaControl
					{ ...common }
					{ ...invalid }
					rows={ 3 }
					value={ String( draft ?? '' ) }
					onChange={ ( value: string ) => onChange( value ) }
				/>
			);
		case 'record': {
			const record = ( draft ?? {} ) as Record< string, unknown >;
			return (
				<fieldset
					className="cognito-blocks-admin__record"
					aria-invalid={ error ? true : undefined }
				>
					<legend>{ field.label }</legend>
					{ Object.entries( field.schema.properties ?? {} ).map(
						( [ key, schema ] ) =>
							schema.type === 'boolean' ? (
								<CheckboxControl
									key={ key }
									label={ ruleLabel( key ) }
									disabled={ field.pinned }
									checked={ record[ key ] === true }
									onChange={ ( checked: boolean ) =>
										onChange( {
											...record,
											[ key ]: checked,
										} )
									}
									__nextHasNoMarginBottom
								/>
							) : (
								<TextControl
									key={ key }
									label={ ruleLabel( key ) }
									type="number"
									min={ schema.minimum }
									max={ schema.maximum }
									disabled={ field.pinned }
									value={ String( record[ key ] ?? '' ) }
									onChange={ ( value: string ) =>
										onChange( {
											...record,
											[ key ]: /^\d+$/.test( value )
												? Number( value )
												: value,
										} )
									}
									__next40pxDefaultSize
									__nextHasNoMarginBottom
								/>
							)
					) }
					<p className="components-base-control__help">
						<Help field={ field } error={ error } />
					</p>
				</fieldset>
			);
		}
		case 'group_role_map':
			return (
				<Rows< GroupRole >
					field={ field }
					error={ error }
					rows={ ( draft as GroupRole[] ) ?? [] }
					onChange={ onChange }
					empty={ { group: '', role: roles[ 0 ]?.value ?? '' } }
					addLabel={ __( 'Add a group', 'cognito-blocks' ) }
					columns={ ( row, update, index ) => (
						<>
							<TextCell
								label={ sprintf(
									/* translators: %d: row number. */
									__(
										'Cognito group, row %d',
										'cognito-blocks'
									),
									index + 1
								) }
								index={ index }
								disabled={ field.pinned }
								value={ row.group }
								onChange={ ( group ) =>
									update( { ...row, group } )
								}
							/>
							<td>
								<SelectControl
									label={ sprintf(
										/* translators: %d: row number. */
										__(
											'WordPress role, row %d',
											'cognito-blocks'
										),
										index + 1
									) }
									hideLabelFromVision={ index > 0 }
									disabled={ field.pinned }
									value={ row.role }
									options={ roles }
									onChange={ ( role: string ) =>
										update( { ...row, role } )
									}
									__next40pxDefaultSize
									__nextHasNoMarginBottom
								/>
							</td>
						</>
					) }
				/>
			);
		case 'attribute_map':
			return (
				<Rows< AttributeRow >
					field={ field }
					error={ error }
					rows={ ( draft as AttributeRow[] ) ?? [] }
					onChange={ onChange }
					empty={ { attribute: '', meta: '' } }
					addLabel={ __( 'Add an attribute', 'cognito-blocks' ) }
					columns={ ( row, update, index ) => (
						<>
							<TextCell
								label={ sprintf(
									/* translators: %d: row number. */
									__(
										'Cognito attribute, row %d',
										'cognito-blocks'
									),
									index + 1
								) }
								index={ index }
								placeholder="custom:team"
								disabled={ field.pinned }
								value={ row.attribute }
								onChange={ ( attribute ) =>
									update( { ...row, attribute } )
								}
							/>
							<TextCell
								label={ sprintf(
									/* translators: %d: row number. */
									__(
										'User meta key, row %d',
										'cognito-blocks'
									),
									index + 1
								) }
								index={ index }
								placeholder="team"
								disabled={ field.pinned }
								value={ row.meta }
								onChange={ ( meta ) =>
									update( { ...row, meta } )
								}
							/>
						</>
					) }
				/>
			);
		default:
			return (
				<TextControl
					{ ...common }
					{ ...invalid }
					__next40pxDefaultSize
					type={ field.kind === 'integer' ? 'number' : 'text' }
					min={ field.schema.minimum }
					max={ field.schema.maximum }
					value={ String( draft ?? '' ) }
					onChange={ ( value: string ) => onChange( value ) }
				/>
			);
	}
}

/**
 * One text cell of a table row. The first row's label shows above its column; later rows keep theirs for
 * screen readers only.
 * @param props
 * @param props.label       The cell's label, with its row number.
 * @param props.index       The row's index.
 * @param props.value       The cell's value.
 * @param props.disabled    Whether the setting is pinned.
 * @param props.placeholder An example value.
 * @param props.onChange    Receives the new value.
 */
function TextCell( {
	label,
	index,
	value,
	disabled,
	placeholder,
	onChange,
}: {
	label: string;
	index: number;
	value: string;
	disabled: boolean;
	placeholder?: string;
	onChange: ( value: string ) => void;
} ) {
	return (
		<td>
			<TextControl
				label={ label }
				hideLabelFromVision={ index > 0 }
				placeholder={ placeholder }
				disabled={ disabled }
				value={ value }
				onChange={ onChange }
				__next40pxDefaultSize
				__nextHasNoMarginBottom
			/>
		</td>
	);
}
