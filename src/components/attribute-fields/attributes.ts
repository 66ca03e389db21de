/**
 * What the views know about Cognito's standard attributes: a translated default label, the autocomplete token
 * browsers use to fill it, and the input type. Custom attributes (`custom:*`) need a label from the block.
 */
import { __ } from '@wordpress/i18n';
import type { AttributeField, AttributeInputType } from '../types';

interface Known {
	label: () => string;
	autoComplete: string;
	type?: AttributeInputType;
}

const KNOWN: Record< string, Known > = {
	email: {
		label: () => __( 'Email', 'cognito-blocks' ),
		autoComplete: 'email',
		type: 'email',
	},
	given_name: {
		label: () => __( 'First name', 'cognito-blocks' ),
		autoComplete: 'given-name',
	},
	family_name: {
		label: () => __( 'Last name', 'cognito-blocks' ),
		autoComplete: 'family-name',
	},
	middle_name: {
		label: () => __( 'Middle name', 'cognito-blocks' ),
		autoComplete: 'additional-name',
	},
	name: {
		label: () => __( 'Full name', 'cognito-blocks' ),
		autoComplete: 'name',
	},
	nickname: {
		label: () => __( 'Nickname', 'cognito-blocks' ),
		autoComplete: 'nickname',
	},
	preferred_username: {
		label: () => __( 'Preferred username', 'cognito-blocks' ),
		autoComplete: 'username',
	},
	phone_number: {
		label: () => __( 'Phone number', 'cognito-blocks' ),
		autoComplete: 'tel',
		type: 'tel',
	},
	birthdate: {
		label: () => __( 'Date of birth', 'cognito-blocks' ),
		autoComplete: 'bday',
		type: 'date',
	},
	gender: {
		label: () => __( 'Gender', 'cognito-blocks' ),
		autoComplete: 'sex',
	},
	address: {
		label: () => __( 'Address', 'cognito-blocks' ),
		autoComplete: 'street-address',
	},
	locale: {
		label: () => __( 'Language', 'cognito-blocks' ),
		autoComplete: 'language',
	},
	zoneinfo: {
		label: () => __( 'Time zone', 'cognito-blocks' ),
		autoComplete: 'off',
	},
	website: {
		label: () => __( 'Website', 'cognito-blocks' ),
		autoComplete: 'url',
		type: 'url',
	},
	profile: {
		label: () => __( 'Profile page', 'cognito-blocks' ),
		autoComplete: 'url',
		type: 'url',
	},
	picture: {
		label: () => __( 'Picture URL', 'cognito-blocks' ),
		autoComplete: 'photo',
		type: 'url',
	},
};

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
	const known = KNOWN[ field.name ];
	return {
		...field,
		label: field.label || known?.label() || humanize( field.name ),
		type: field.type ?? known?.type ?? 'text',
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
