/**
 * A form block's attribute list (sign-up, profile): one row per Cognito attribute (name, label, and a flag such
 * as "required" or "read-only") that can be reordered and removed, plus a way to add a standard or `custom:`
 * attribute. Order here is the form's order.
 */
import { useState } from 'react';
import { __, sprintf } from '@wordpress/i18n';
import {
	Button,
	Flex,
	SelectControl,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import { resolveAttributeField } from '../../src/components/attribute-fields/attributes';

export interface FieldAttribute {
	name: string;
	label?: string;
	required?: boolean;
	readOnly?: boolean;
}

const STANDARD = [
	'email',
	'phone_number',
	'given_name',
	'family_name',
	'middle_name',
	'name',
	'nickname',
	'preferred_username',
	'birthdate',
	'gender',
	'address',
	'locale',
	'zoneinfo',
	'website',
	'picture',
	'profile',
];

export interface FieldsSettingProps {
	fields: FieldAttribute[];
	onChange: ( fields: FieldAttribute[] ) => void;
	/** The per-field switch: "Required" (sign-up, the default) or "Read-only" (profile). */
	flag?: 'required' | 'readOnly';
}

export function FieldsSetting( {
	fields,
	onChange,
	flag = 'required',
}: FieldsSettingProps ) {
	const [ custom, setCustom ] = useState( '' );
	const customName = `custom:${ custom.trim() }`;
	const canAddCustom =
		/^custom:[\w.-]{1,20}$/.test( customName ) &&
		! fields.some( ( field ) => field.name === customName );
	const update = ( index: number, changes: Partial< FieldAttribute > ) =>
		onChange(
			fields.map( ( field, i ) =>
				i === index ? { ...field, ...changes } : field
			)
		);
	const move = ( index: number, by: number ) => {
		const next = [ ...fields ];
		const [ field ] = next.splice( index, 1 );
		next.splice( index + by, 0, field );
		onChange( next );
	};
	const unused = STANDARD.filter(
		( name ) => ! fields.some( ( field ) => field.name === name )
	);
	return (
		<div className="cognito-blocks-fields-setting">
			{ fields.map( ( field, index ) => {
				const title = resolveAttributeField( field ).label;
				return (
					<fieldset
						key={ field.name }
						className="cognito-blocks-fields-setting__row"
					>
						<legend>{ `${ title } (${ field.name })` }</legend>
						<TextControl
							label={ __( 'Label', 'cognito-blocks' ) }
							value={ field.label ?? '' }
							onChange={ ( label: string ) =>
								update( index, { label } )
							}
							__next40pxDefaultSize
							__nextHasNoMarginBottom
						/>
						<ToggleControl
							label={
								flag === 'readOnly'
									? __( 'Read-only', 'cognito-blocks' )
									: __( 'Required', 'cognito-blocks' )
							}
							checked={ !! field[ flag ] }
							onChange={ ( on: boolean ) =>
								update( index, { [ flag ]: on } )
							}
							__nextHasNoMarginBottom
						/>
						<Flex justify="flex-start">
							<Button
								size="small"
								variant="secondary"
								disabled={ index === 0 }
								accessibleWhenDisabled
								label={ sprintf(
									/* translators: %s: field label. */
									__( 'Move %s up', 'cognito-blocks' ),
									title
								) }
								onClick={ () => move( index, -1 ) }
							>
								{ __( 'Up', 'cognito-blocks' ) }
							</Button>
							<Button
								size="small"
								variant="secondary"
								disabled={ index === fields.length - 1 }
								accessibleWhenDisabled
								label={ sprintf(
									/* translators: %s: field label. */
									__( 'Move %s down', 'cognito-blocks' ),
									title
								) }
								onClick={ () => move( index, 1 ) }
							>
								{ __( 'Down', 'cognito-blocks' ) }
							</Button>
							<Button
								size="small"
								variant="tertiary"
								isDestructive
								disabled={ fields.length === 1 }
								accessibleWhenDisabled
								label={ sprintf(
									/* translators: %s: field label. */
									__( 'Remove %s', 'cognito-blocks' ),
									title
								) }
								onClick={ () =>
									onChange(
										fields.filter(
											( _f, i ) => i !== index
										)
									)
								}
							>
								{ __( 'Remove', 'cognito-blocks' ) }
							</Button>
						</Flex>
					</fieldset>
				);
			} ) }
			<SelectControl
				label={ __( 'Add a field', 'cognito-blocks' ) }
				value=""
				options={ [
					{ value: '', label: __( 'Choose…', 'cognito-blocks' ) },
					...unused.map( ( name ) => ( {
						value: name,
						label: resolveAttributeField( { name } ).label,
					} ) ),
				] }
				onChange={ ( name: string ) =>
					name && onChange( [ ...fields, { name } ] )
				}
				__next40pxDefaultSize
				__nextHasNoMarginBottom
			/>
			<TextControl
				label={ __( 'Custom attribute', 'cognito-blocks' ) }
				help={ __( 'Its name without “custom:”.', 'cognito-blocks' ) }
				value={ custom }
				onChange={ setCustom }
				__next40pxDefaultSize
				__nextHasNoMarginBottom
			/>
			<Button
				variant="secondary"
				disabled={ ! canAddCustom }
				accessibleWhenDisabled
				onClick={ () => {
					onChange( [ ...fields, { name: customName } ] );
					setCustom( '' );
				} }
			>
				{ __( 'Add custom attribute', 'cognito-blocks' ) }
			</Button>
		</div>
	);
}
