/**
 * What the views know about Cognito's standard attributes: a translated default label, the autocomplete token
 * browsers use to fill it, and the input type. Custom attributes (`custom:*`) need a label from the block.
 */
import { __ } from '@wordpress/i18n';
import standard from '../../../contract/standard-attributes.json';
import type { AttributeField, AttributeInputType } from '../types';

/**
 * Each standard attribute's label as a literal, so string extraction gives it to the translators; the English
 * text, the input type and the autocomplete token come from contract/standard-attributes.json, which the
 * server's skeleton reads too (a test pins these labels to it).
 */
export const LABELS: Record< string, () => string > = {
	email: () => __( 'Email', 'cognito-blocks' ),
	given_name: () => __( 'First name', 'cognito-blocks' ),
	family_name: () => __( 'Last name', 'cognito-blocks' ),
	middle_name: () => __( 'Middle name', 'cognito-blocks' ),
	name: () => __( 'Full name', 'cognito-blocks' ),
	nickname: () => __( 'Nickname', 'cognito-blocks' ),
	preferred_username: () => __( 'Preferred username', 'cognito-blocks' ),
	phone_number: () => __( 'Phone number', 'cognito-blocks' ),
	birthdate: () => __( 'Date of birth', 'cognito-blocks' ),
	gender: () => __( 'Gender', 'cognito-blocks' ),
	address: () => __( 'Address', 'cognito-blocks' ),
	locale: () => __( 'Language', 'cognito-blocks' ),
	zoneinfo: () => __( 'Time zone', 'cognito-blocks' ),
	website: () => __( 'Website', 'cognito-blocks' ),
	profile: () => __( 'Profile page', 'cognito-blocks' ),
	picture: () => __( 'Picture URL', 'cognito-blocks' ),
};

const KNOWN: Record<
	string,
	{ autoComplete: string; type: string } | undefined
> = standard.attributes;

/**
 * "custom:company_size" → "Company size": a readable fallback when the block gives no label.
 *
 * @param name Cognito attribute name.
 */
function humanize( name: string ): string {
	const bare = name
		.replace( /^custom:/, '' )
		.replace( /[_-]+/g, ' ' )
		.trim();
	return bare.charAt( 0 ).toUpperCase() + bare.slice( 1 );
}

export interface ResolvedAttributeField extends AttributeField {
	label: string;
	type: AttributeInputType;
	autoComplete: string;
	required: boolean;
}

export function resolveAttributeField(
	field: AttributeField
): ResolvedAttributeField {
	const known = Object.prototype.hasOwnProperty.call( KNOWN, field.name )
		? KNOWN[ field.name ]
		: undefined;
	const label = Object.prototype.hasOwnProperty.call( LABELS, field.name )
		? LABELS[ field.name ]
		: undefined;
	return {
		...field,
		label: field.label || label?.() || humanize( field.name ),
		type: field.type ?? ( known?.type as AttributeInputType ) ?? 'text',
		autoComplete: field.autoComplete ?? known?.autoComplete ?? 'on',
		required: field.required ?? false,
	};
}

/*
 * Attribute names may contain dots ("custom:a.b"), which react-hook-form would read as nesting, so form values
 * are keyed by position and mapped back to Cognito names on submit.
 */
export function attributeKey( index: number ): string {
	return `a${ index }`;
}

export function attributesToForm(
	fields: readonly AttributeField[],
	values: Record< string, string > = {}
): Record< string, string > {
	return Object.fromEntries(
		fields.map( ( field, index ) => [
			attributeKey( index ),
			values[ field.name ] ?? '',
		] )
	);
}

/**
 * Leaves out empty optional attributes: Cognito rejects some empty values (e.g. phone_number).
 *
 * @param fields The form's attribute fields, in display order.
 * @param values Form values keyed by position (see attributeKey).
 */
export function formToAttributes(
	fields: readonly AttributeField[],
	values: Record< string, string | undefined > = {}
): Record< string, string > {
	const attributes: Record< string, string > = {};
	fields.forEach( ( field, index ) => {
		const value = ( values[ attributeKey( index ) ] ?? '' ).trim();
		if ( value !== '' ) {
			attributes[ field.name ] = value;
		}
	} );
	return attributes;
}
