/**
 * A pool's attribute schema (Cognito's standard attributes plus the pool's custom ones) and what an app client
 * may read and write of it. Messages follow Cognito's "Attributes did not conform to the schema" form.
 */
import type { AppClient, CustomAttribute, Pool, User } from './types';
import { cognitoError } from './errors';

type Input = Record< string, unknown >;

/** Standard attributes a user may set, from Cognito's default schema. */
export const STANDARD_ATTRIBUTES = new Set( [
	'address',
	'birthdate',
	'email',
	'family_name',
	'gender',
	'given_name',
	'locale',
	'middle_name',
	'name',
	'nickname',
	'phone_number',
	'picture',
	'preferred_username',
	'profile',
	'updated_at',
	'website',
	'zoneinfo',
	'email_verified',
	'phone_number_verified',
] );

export const CUSTOM_PREFIX = 'custom:';
const DATA_TYPES = [ 'String', 'Number', 'DateTime', 'Boolean' ];
/** Cognito's limits: custom attribute names of 1–20 characters, at most 50 custom attributes per pool. */
const MAX_NAME = 20;
const MAX_CUSTOM = 50;

const schemaError = ( name: string, problem: string ) =>
	cognitoError(
		'invalidParameter',
		`Attributes did not conform to the schema: ${ name }: ${ problem }`
	);

const numberOrUndefined = ( value: unknown ) =>
	value === undefined || value === '' ? undefined : Number( value );

/**
 * SchemaAttributeType entries (CreateUserPool `Schema`, AddCustomAttributes) → custom attributes. In a pool's
 * Schema, entries named like a standard attribute configure that attribute and are not custom ones.
 */
export function parseCustomAttributes(
	list: unknown,
	existing: CustomAttribute[] = [],
	standardAllowed = true
): CustomAttribute[] {
	const out = [ ...existing ];
	for ( const raw of Array.isArray( list ) ? ( list as Input[] ) : [] ) {
		const given = typeof raw.Name === 'string' ? raw.Name : '';
		if ( standardAllowed && STANDARD_ATTRIBUTES.has( given ) ) {
			continue;
		}
		const bare = given.startsWith( CUSTOM_PREFIX )
			? given.slice( CUSTOM_PREFIX.length )
			: given;
		if ( ! bare || bare.length > MAX_NAME || /\s/.test( bare ) ) {
			throw cognitoError(
				'invalidParameter',
				`1 validation error detected: Value '${ given }' at 'customAttributes.member.name' failed to satisfy constraint: Member must have length less than or equal to ${ MAX_NAME }`
			);
		}
		const name = CUSTOM_PREFIX + bare;
		if ( out.some( ( a ) => a.name === name ) ) {
			throw cognitoError(
				'invalidParameter',
				`Existing attribute already has name ${ name }.`
			);
		}
		const dataType = ( raw.AttributeDataType ?? 'String' ) as string;
		if ( ! DATA_TYPES.includes( dataType ) ) {
			throw cognitoError(
				'invalidParameter',
				`Invalid AttributeDataType input, consider using the provided AttributeDataType enum: ${ dataType }`
			);
		}
		const text = ( raw.StringAttributeConstraints ?? {} ) as Input;
		const num = ( raw.NumberAttributeConstraints ?? {} ) as Input;
		out.push( {
			name,
			dataType: dataType as CustomAttribute[ 'dataType' ],
			mutable: raw.Mutable !== false,
			minLength: numberOrUndefined( text.MinLength ),
			maxLength: numberOrUndefined( text.MaxLength ),
			minValue: numberOrUndefined( num.MinValue ),
			maxValue: numberOrUndefined( num.MaxValue ),
		} );
	}
	if ( out.length > MAX_CUSTOM ) {
		throw cognitoError(
			'invalidParameter',
			`A user pool can have at most ${ MAX_CUSTOM } custom attributes.`
		);
	}
	return out;
}

/** Whether `name` is an attribute of the pool's schema. */
export const inSchema = ( pool: Pool, name: string ) =>
	name === 'sub' ||
	STANDARD_ATTRIBUTES.has( name ) ||
	( pool.customAttributes ?? [] ).some( ( a ) => a.name === name );

function checkValue( attr: CustomAttribute, value: string ): void {
	if ( attr.dataType === 'String' ) {
		const min = attr.minLength ?? 0;
		const max = attr.maxLength ?? 2048;
		if ( value.length < min || value.length > max ) {
			throw schemaError(
				attr.name,
				`String must be between ${ min } and ${ max } characters long.`
			);
		}
	}
	if ( attr.dataType === 'Number' ) {
		const n = Number( value );
		if (
			value.trim() === '' ||
			! Number.isFinite( n ) ||
			n < ( attr.minValue ?? -Infinity ) ||
			n > ( attr.maxValue ?? Infinity )
		) {
			throw schemaError( attr.name, 'Number is not valid.' );
		}
	}
}

/**
 * Schema and format checks for attributes being written. `existing` is the user when the write changes an
 * account that exists: immutable custom attributes can only be given when the account is created.
 */
export function validateAttributes(
	pool: Pool,
	attributes: Record< string, string >,
	existing?: User
): void {
	for ( const [ name, value ] of Object.entries( attributes ) ) {
		const custom = ( pool.customAttributes ?? [] ).find(
			( a ) => a.name === name
		);
		if ( ! custom && ! STANDARD_ATTRIBUTES.has( name ) ) {
			throw schemaError(
				name,
				'Attribute does not exist in the schema.'
			);
		}
		if ( custom && existing && ! custom.mutable ) {
			throw schemaError( name, 'Attribute cannot be updated.' );
		}
		if ( custom ) {
			checkValue( custom, value );
		}
		if ( name === 'email' && ! /^[^@\s]+@[^@\s]+$/.test( value ) ) {
			throw cognitoError(
				'invalidParameter',
				'Invalid email address format.'
			);
		}
		if ( name === 'phone_number' && ! /^\+\d{4,15}$/.test( value ) ) {
			throw cognitoError(
				'invalidParameter',
				'Invalid phone number format.'
			);
		}
	}
}

/** ReadAttributes / WriteAttributes of an app client: names of the pool's schema, or Cognito refuses the client. */
export function clientAttributeList(
	pool: Pool,
	list: unknown,
	kind: 'read' | 'write',
	verb: 'creating' | 'updating'
): string[] {
	const names = Array.isArray( list ) ? list.map( String ) : [];
	if ( names.some( ( n ) => ! inSchema( pool, n ) ) ) {
		throw cognitoError(
			'invalidParameter',
			`Invalid ${ kind } attributes specified while ${ verb } a client`
		);
	}
	return names;
}

/** An empty list is Cognito's default: every attribute. `sub` identifies the user and is always readable. */
export const canRead = ( client: AppClient | undefined, name: string ) =>
	name === 'sub' ||
	! client?.readAttributes?.length ||
	client.readAttributes.includes( name );

export function checkClientWrites(
	client: AppClient | undefined,
	attributes: Record< string, string >
): void {
	const allowed = client?.writeAttributes ?? [];
	if (
		allowed.length &&
		Object.keys( attributes ).some( ( n ) => ! allowed.includes( n ) )
	) {
		throw cognitoError( 'unauthorizedAttribute' );
	}
}

/** DescribeUserPool's SchemaAttributes: the standard attributes, then the pool's custom ones. */
export function schemaView( pool: Pool ) {
	const text = ( min = 0, max = 2048 ) => ( {
		StringAttributeConstraints: {
			MinLength: String( min ),
			MaxLength: String( max ),
		},
	} );
	const typeOf = ( name: string ) => {
		if ( name.endsWith( '_verified' ) ) {
			return 'Boolean';
		}
		return name === 'updated_at' ? 'Number' : 'String';
	};
	const standard = [ 'sub', ...STANDARD_ATTRIBUTES ].map( ( Name ) => ( {
		Name,
		AttributeDataType: typeOf( Name ),
		DeveloperOnlyAttribute: false,
		Mutable: Name !== 'sub',
		Required: Name === 'sub',
		...( typeOf( Name ) === 'String'
			? text( Name === 'sub' ? 1 : 0 )
			: {} ),
	} ) );
	const custom = ( pool.customAttributes ?? [] ).map( ( a ) => ( {
		Name: a.name,
		AttributeDataType: a.dataType,
		DeveloperOnlyAttribute: false,
		Mutable: a.mutable,
		Required: false,
		...( a.dataType === 'String' ? text( a.minLength, a.maxLength ) : {} ),
		...( a.dataType === 'Number' &&
		( a.minValue !== undefined || a.maxValue !== undefined )
			? {
					NumberAttributeConstraints: {
						...( a.minValue !== undefined
							? { MinValue: String( a.minValue ) }
							: {} ),
						...( a.maxValue !== undefined
							? { MaxValue: String( a.maxValue ) }
							: {} ),
					},
				}
			: {} ),
	} ) );
	return [ ...standard, ...custom ];
}
