/**
 * Messages for values the server would refuse, checked in the browser against the schema PHP sends (the same
 * schema core's REST settings endpoint validates with), so each field says what is wrong before anything is sent.
 */
import { __, sprintf } from '@wordpress/i18n';
import { fromDraft } from './drafts';
import type {
	AttributeRow,
	FieldSpec,
	GroupRole,
	JsonSchema,
	Option,
} from './types';

function schemaError( schema: JsonSchema, value: unknown ): string | null {
	if ( schema.type === 'integer' ) {
		const { minimum = -Infinity, maximum = Infinity } = schema;
		if (
			typeof value !== 'number' ||
			! Number.isInteger( value ) ||
			value < minimum ||
			value > maximum
		) {
			return sprintf(
				/* translators: 1: smallest allowed number, 2: largest allowed number. */
				__(
					'Enter a whole number from %1$d to %2$d.',
					'cognito-blocks'
				),
				minimum,
				maximum
			);
		}
	}
	if ( schema.type === 'string' && typeof value === 'string' ) {
		if (
			schema.maxLength !== undefined &&
			value.length > schema.maxLength
		) {
			return sprintf(
				/* translators: %d: maximum number of characters. */
				__( 'Use at most %d characters.', 'cognito-blocks' ),
				schema.maxLength
			);
		}
		if (
			schema.pattern !== undefined &&
			! new RegExp( schema.pattern, 'u' ).test( value )
		) {
			return __(
				'This is not in the expected form: see the example below.',
				'cognito-blocks'
			);
		}
	}
	return null;
}

function groupRoleError( rows: GroupRole[], roles: Option[] ): string | null {
	const groups = rows.map( ( row ) => row.group );
	if ( groups.some( ( group ) => group === '' ) ) {
		return __(
			'Enter a group name in every row, or remove the row.',
			'cognito-blocks'
		);
	}
	if ( new Set( groups ).size !== groups.length ) {
		return __( 'Each group can appear only once.', 'cognito-blocks' );
	}
	if (
		rows.some(
			( row ) => ! roles.some( ( role ) => role.value === row.role )
		)
	) {
		return __( 'Choose a role in every row.', 'cognito-blocks' );
	}
	return null;
}

function attributeError( rows: AttributeRow[] ): string | null {
	const used = rows.filter(
		( row ) => row.attribute.trim() || row.meta.trim()
	);
	if ( used.some( ( row ) => ! row.attribute.trim() || ! row.meta.trim() ) ) {
		return __(
			'Enter both the Cognito attribute and the user meta key in every row.',
			'cognito-blocks'
		);
	}
	if (
		used.some(
			( row ) => ! /^[A-Za-z0-9_:.\-]{1,64}$/.test( row.attribute.trim() )
		)
	) {
		return __(
			'Attribute names are letters, digits and _ : . - (such as custom:team).',
			'cognito-blocks'
		);
	}
	const names = used.map( ( row ) => row.attribute.trim() );
	if ( new Set( names ).size !== names.length ) {
		return __( 'Each attribute can appear only once.', 'cognito-blocks' );
	}
	return null;
}

/**
 * What is wrong with a field's draft, or null.
 * @param field The setting.
 * @param draft Its draft (see drafts.ts).
 * @param roles The site's roles.
 */
export function fieldError(
	field: FieldSpec,
	draft: unknown,
	roles: Option[]
): string | null {
	if ( field.pinned ) {
		return null;
	}
	switch ( field.kind ) {
		case 'group_role_map':
			return groupRoleError( draft as GroupRole[], roles );
		case 'attribute_map':
			return attributeError( draft as AttributeRow[] );
		case 'record': {
			const value = draft as Record< string, unknown >;
			for ( const [ key, schema ] of Object.entries(
				field.schema.properties ?? {}
			) ) {
				const error = schemaError( schema, value[ key ] );
				if ( error ) {
					return error;
				}
			}
			return null;
		}
		default:
			return schemaError( field.schema, fromDraft( field, draft ) );
	}
}
