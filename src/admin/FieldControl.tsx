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
import { PAIR_NAMES } from './drafts';
import type { FieldSpec, Option, PairRow } from './types';

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

/**
 * How a list of two-string rows is drawn: the rows' property names, their cells' labels (with the row number)
 * and, for a value chosen from a list, its options.
 */
interface PairColumns {
	/** The two property names, key first. */
	names: readonly [ string, string ];
	addLabel: string;
	keyLabel: ( row: number ) => string;
	valueLabel: ( row: number ) => string;
	keyPlaceholder?: string;
	valuePlaceholder?: string;
	/** When set, the value is chosen from these (a select) instead of typed. */
	choices?: Option[];
}

/**
 * The columns of the group → role map, the sign-in buttons and the attribute map.
 * @param kind  The setting's kind.
 * @param roles The site's roles.
 */
function pairColumns(
	kind: 'group_role_map' | 'provider_list' | 'attribute_map',
	roles: Option[]
): PairColumns {
	switch ( kind ) {
		case 'group_role_map':
			return {
				names: PAIR_NAMES.group_role_map,
				addLabel: __( 'Add a group', 'cognito-blocks' ),
				keyLabel: ( row ) =>
					sprintf(
						/* translators: %d: row number. */
						__( 'Cognito group, row %d', 'cognito-blocks' ),
						row
					),
				valueLabel: ( row ) =>
					sprintf(
						/* translators: %d: row number. */
						__( 'WordPress role, row %d', 'cognito-blocks' ),
						row
					),
				choices: roles,
			};
		case 'provider_list':
			return {
				names: PAIR_NAMES.provider_list,
				addLabel: __( 'Add a sign-in button', 'cognito-blocks' ),
				keyLabel: ( row ) =>
					sprintf(
						/* translators: %d: row number. */
						__( 'Identity provider, row %d', 'cognito-blocks' ),
						row
					),
				valueLabel: ( row ) =>
					sprintf(
						/* translators: %d: row number. */
						__( 'Button label, row %d', 'cognito-blocks' ),
						row
					),
				keyPlaceholder: 'Google',
				valuePlaceholder: __(
					'Empty: the default label',
					'cognito-blocks'
				),
			};
		case 'attribute_map':
			return {
				names: [ 'attribute', 'meta' ],
				addLabel: __( 'Add an attribute', 'cognito-blocks' ),
				keyLabel: ( row ) =>
					sprintf(
						/* translators: %d: row number. */
						__( 'Cognito attribute, row %d', 'cognito-blocks' ),
						row
					),
				valueLabel: ( row ) =>
					sprintf(
						/* translators: %d: row number. */
						__( 'User meta key, row %d', 'cognito-blocks' ),
						row
					),
				keyPlaceholder: 'custom:team',
				valuePlaceholder: 'team',
			};
	}
}

/**
 * A list of two-string rows: a text cell for the key and a text or select cell for the value.
 * @param props
 * @param props.field    The setting.
 * @param props.error    Its error, if any.
 * @param props.rows     Its rows.
 * @param props.onChange Receives the new rows.
 * @param props.columns  How the rows are drawn.
 */
function PairList( {
	field,
	error,
	rows,
	onChange,
	columns,
}: {
	field: FieldSpec;
	error: string | null;
	rows: PairRow[];
	onChange: ( rows: PairRow[] ) => void;
	columns: PairColumns;
} ) {
	const [ keyName, valueName ] = columns.names;
	const { choices } = columns;
	return (
		<Rows< PairRow >
			field={ field }
			error={ error }
			rows={ rows }
			onChange={ onChange }
			empty={ {
				[ keyName ]: '',
				[ valueName ]: choices ? ( choices[ 0 ]?.value ?? '' ) : '',
			} }
			addLabel={ columns.addLabel }
			columns={ ( row, update, index ) => (
				<>
					<TextCell
						label={ columns.keyLabel( index + 1 ) }
						index={ index }
						placeholder={ columns.keyPlaceholder }
						disabled={ field.pinned }
						value={ row[ keyName ] ?? '' }
						onChange={ ( value ) =>
							update( { ...row, [ keyName ]: value } )
						}
					/>
					{ choices ? (
						<td>
							<SelectControl
								label={ columns.valueLabel( index + 1 ) }
								hideLabelFromVision={ index > 0 }
								disabled={ field.pinned }
								value={ row[ valueName ] ?? '' }
								options={ choices }
								onChange={ ( value: string ) =>
									update( { ...row, [ valueName ]: value } )
								}
								__next40pxDefaultSize
								__nextHasNoMarginBottom
							/>
						</td>
					) : (
						<TextCell
							label={ columns.valueLabel( index + 1 ) }
							index={ index }
							placeholder={ columns.valuePlaceholder }
							disabled={ field.pinned }
							value={ row[ valueName ] ?? '' }
							onChange={ ( value ) =>
								update( { ...row, [ valueName ]: value } )
							}
						/>
					) }
				</>
			) }
		/>
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
		case 'provider_list':
		case 'attribute_map':
			return (
				<PairList
					field={ field }
					error={ error }
					rows={ ( draft as PairRow[] ) ?? [] }
					onChange={ onChange }
					columns={ pairColumns( field.kind, roles ) }
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
