/**
 * Messages for values the server would refuse, checked in the browser against the schema PHP sends (the same
 * schema core's REST settings endpoint validates with), so each field says what is wrong before anything is sent.
 */
import { __, sprintf } from '@wordpress/i18n';
import { fromDraft, PAIR_NAMES } from './drafts';
import type {
	AttributeRow,
	FieldSpec,
	JsonSchema,
	Option,
	PairListKind,
	PairRow,
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

/**
 * What a pair list's rules say about its rows: messages for a missing, malformed or repeated key and for a
 * refused value.
 */
interface PairRules {
	missingKey: string;
	repeatedKey: string;
	/** Whether a (trimmed) key is in the form the server keeps, with the message when it is not. */
	keyForm?: { test: ( key: string ) => boolean; message: string };
	/** What is wrong with a (trimmed) value, or null. */
	valueError: ( value: string ) => string | null;
}

function pairRules( kind: PairListKind, roles: Option[] ): PairRules {
	if ( kind === 'provider_list' ) {
		return {
			missingKey: __(
				'Enter a provider name in every row, or remove the row.',
				'cognito-blocks'
			),
			repeatedKey: __(
				'Each provider can appear only once.',
				'cognito-blocks'
			),
			// Cognito's provider names, as php/Settings/Sanitizer.php provider_list() keeps them.
			keyForm: {
				test: ( key ) => /^[^\s\x00-\x1f\x7f]{1,32}$/u.test( key ),
				message: __(
					'Provider names are 1 to 32 characters without spaces (such as COGNITO or Google).',
					'cognito-blocks'
				),
			},
			valueError: ( label ) => {
				if ( label.length > 80 ) {
					return sprintf(
						/* translators: %d: maximum number of characters. */
						__(
							'Button labels are at most %d characters.',
							'cognito-blocks'
						),
						80
					);
				}
				return /[<>\x00-\x1f\x7f]/u.test( label )
					? __(
							'Button labels cannot contain < or >.',
							'cognito-blocks'
						)
					: null;
			},
		};
	}
	return {
		missingKey: __(
			'Enter a group name in every row, or remove the row.',
			'cognito-blocks'
		),
		repeatedKey: __( 'Each group can appear only once.', 'cognito-blocks' ),
		valueError: ( role ) =>
			roles.some( ( option ) => option.value === role )
				? null
				: __( 'Choose a role in every row.', 'cognito-blocks' ),
	};
}

function pairListError(
	kind: PairListKind,
	rows: PairRow[],
	roles: Option[]
): string | null {
	const [ keyName, valueName ] = PAIR_NAMES[ kind ];
	const rules = pairRules( kind, roles );
	const keys = rows.map( ( row ) => ( row[ keyName ] ?? '' ).trim() );
	if ( keys.some( ( key ) => key === '' ) ) {
		return rules.missingKey;
	}
	if (
		rules.keyForm &&
		keys.some( ( key ) => ! rules.keyForm!.test( key ) )
	) {
		return rules.keyForm.message;
	}
	if ( new Set( keys ).size !== keys.length ) {
		return rules.repeatedKey;
	}
	for ( const row of rows ) {
		const error = rules.valueError( ( row[ valueName ] ?? '' ).trim() );
		if ( error ) {
			return error;
		}
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
		case 'provider_list':
			return pairListError(
				field.kind,
				( draft ?? [] ) as PairRow[],
				roles
			);
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
