/**
 * Settings as the form edits them ("drafts") and back. Lists are edited as text and the attribute map as rows,
 * so what the administrator is typing (a trailing comma, an empty row) is never rewritten under the cursor; the
 * conversion back happens when the form is validated and saved.
 */
import type {
	AttributeRow,
	FieldSpec,
	PairListKind,
	PairRow,
	Values,
} from './types';

/**
 * The two property names of each pair list's entries, key first (php/Settings/Rule.php).
 */
export const PAIR_NAMES: Record< PairListKind, readonly [ string, string ] > = {
	group_role_map: [ 'group', 'role' ],
	provider_list: [ 'provider', 'label' ],
};

export function toDraft( field: FieldSpec, value: unknown ): unknown {
	switch ( field.kind ) {
		case 'list':
			return Array.isArray( value ) ? value.join( '\n' ) : '';
		case 'attribute_map':
			return value &&
				typeof value === 'object' &&
				! Array.isArray( value )
				? Object.entries( value as Record< string, unknown > ).map(
						( [ attribute, meta ] ): AttributeRow => ( {
							attribute,
							meta: String( meta ),
						} )
					)
				: [];
		case 'integer':
			return value === undefined || value === null ? '' : String( value );
		case 'group_role_map':
		case 'provider_list': {
			const [ key, paired ] = PAIR_NAMES[ field.kind ];
			return Array.isArray( value )
				? value.map( ( entry ): PairRow => ( {
						[ key ]: String( entry?.[ key ] ?? '' ),
						[ paired ]: String( entry?.[ paired ] ?? '' ),
					} ) )
				: [];
		}
		default:
			return value;
	}
}

export function fromDraft( field: FieldSpec, draft: unknown ): unknown {
	switch ( field.kind ) {
		case 'list':
			return String( draft ?? '' )
				.split( /[\s,]+/ )
				.filter( Boolean )
				.filter( ( item, i, all ) => all.indexOf( item ) === i );
		case 'attribute_map':
			return Object.fromEntries(
				( draft as AttributeRow[] )
					.filter(
						( row ) => row.attribute.trim() || row.meta.trim()
					)
					.map( ( row ) => [ row.attribute.trim(), row.meta.trim() ] )
			);
		case 'integer': {
			const text = String( draft ).trim();
			return /^-?\d+$/.test( text ) ? Number( text ) : text;
		}
		case 'text':
		case 'url':
			return String( draft ?? '' ).trim();
		case 'group_role_map':
		case 'provider_list': {
			const [ key, paired ] = PAIR_NAMES[ field.kind ];
			return ( ( draft ?? [] ) as PairRow[] ).map( ( row ) => ( {
				[ key ]: ( row[ key ] ?? '' ).trim(),
				[ paired ]: ( row[ paired ] ?? '' ).trim(),
			} ) );
		}
		default:
			return draft;
	}
}

/**
 * The values a save sends: every setting that wp-config.php does not pin.
 * @param fields
 * @param drafts
 */
export function valuesOf( fields: FieldSpec[], drafts: Values ): Values {
	return Object.fromEntries(
		fields
			.filter( ( field ) => ! field.pinned )
			.map( ( field ) => [
				field.name,
				fromDraft( field, drafts[ field.name ] ),
			] )
	);
}

/**
 * Drafts of stored values; pinned settings show their constants' values.
 * @param fields
 * @param stored
 */
export function draftsOf( fields: FieldSpec[], stored: Values ): Values {
	return Object.fromEntries(
		fields.map( ( field ) => {
			let value: unknown = field.default;
			if ( field.pinned ) {
				value = field.value;
			} else if ( stored[ field.name ] !== undefined ) {
				value = stored[ field.name ];
			}
			return [ field.name, toDraft( field, value ) ];
		} )
	);
}

/**
 * Whether the server kept a value as it was sent. The server trims text, drops a URL's trailing slash and
 * leaves out list entries and map rows it refuses; the last two must not pass silently.
 * @param field
 * @param sent
 * @param saved
 */
export function keptAsSent(
	field: FieldSpec,
	sent: unknown,
	saved: unknown
): boolean {
	if ( field.kind === 'url' && typeof sent === 'string' ) {
		return sent.replace( /\/+$/, '' ) === saved;
	}
	return (
		JSON.stringify( comparable( sent ) ) ===
		JSON.stringify( comparable( saved ) )
	);
}

/**
 * PHP's JSON writes an empty map as `[]`.
 * @param value
 */
function comparable( value: unknown ): unknown {
	return value &&
		typeof value === 'object' &&
		Object.keys( value ).length === 0
		? null
		: value;
}
