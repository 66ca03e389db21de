/**
 * What a placed profile form (block, shortcode) asks for, read from its attributes (blocks/profile/block.json).
 * Attributes arrive as untyped JSON from the page, so every value is checked and falls back to the default.
 */
import type { AttributeField, HeadingLevel } from '../types';

export interface ProfileField extends AttributeField {
	/** Shown, never sent: for attributes the app client may read but not write, or the editor wants fixed. */
	readOnly?: boolean;
}

export interface ProfileFormConfig {
	heading: string;
	description: string;
	fields: ProfileField[];
	showPassword: boolean;
	showMfa: boolean;
	showSignOutEverywhere: boolean;
	/** The editor allows deleting; the site's setting must allow it too (`deleteAllowed`). */
	allowDelete: boolean;
	headingLevel?: HeadingLevel;
}

export const DEFAULT_PROFILE_FIELDS: readonly ProfileField[] = [
	{ name: 'given_name' },
	{ name: 'family_name' },
	{ name: 'email', type: 'email' },
];

const NAME = /^(custom:)?[\w.:-]{1,64}$/;
const TYPES = new Set( [ 'text', 'email', 'tel', 'date', 'url', 'number' ] );

function fieldOf( raw: unknown ): ProfileField | null {
	if ( typeof raw !== 'object' || raw === null ) {
		return null;
	}
	const r = raw as Record< string, unknown >;
	if ( typeof r.name !== 'string' || ! NAME.test( r.name ) ) {
		return null;
	}
	return {
		name: r.name,
		label:
			typeof r.label === 'string' && r.label.trim() !== ''
				? r.label.trim()
				: undefined,
		type:
			typeof r.type === 'string' && TYPES.has( r.type )
				? ( r.type as ProfileField[ 'type' ] )
				: undefined,
		readOnly: r.readOnly === true,
	};
}

export function profileConfigFromAttributes(
	attributes: Record< string, unknown >
): ProfileFormConfig {
	const text = ( key: string ) =>
		typeof attributes[ key ] === 'string'
			? ( attributes[ key ] as string ).trim()
			: '';
	const flag = ( key: string, fallback: boolean ) =>
		typeof attributes[ key ] === 'boolean'
			? ( attributes[ key ] as boolean )
			: fallback;
	const fields = Array.isArray( attributes.fields )
		? attributes.fields
				.map( fieldOf )
				.filter( ( f ): f is ProfileField => f !== null )
		: [];
	const level = attributes.headingLevel;
	return {
		heading: text( 'heading' ),
		description: text( 'description' ),
		fields: fields.length > 0 ? fields : [ ...DEFAULT_PROFILE_FIELDS ],
		showPassword: flag( 'showPassword', true ),
		showMfa: flag( 'showMfa', true ),
		showSignOutEverywhere: flag( 'showSignOutEverywhere', true ),
		allowDelete: flag( 'allowDelete', false ),
		headingLevel:
			typeof level === 'number' &&
			Number.isInteger( level ) &&
			level >= 1 &&
			level <= 6
				? ( level as HeadingLevel )
				: undefined,
	};
}
