/**
 * A pool's federated identity providers (CreateIdentityProvider-shaped input, the seed) and the app clients'
 * SupportedIdentityProviders, which may only name COGNITO and providers of the pool.
 */
import type { Ctx } from './context';
import type { IdentityProvider, IdentityProviderType, Pool } from './types';
import { cognitoError } from './errors';
import { epochSec } from './model';

type Input = Record< string, unknown >;

export const PROVIDER_TYPES: IdentityProviderType[] = [
	'SAML',
	'Facebook',
	'Google',
	'LoginWithAmazon',
	'SignInWithApple',
	'OIDC',
];

/** Social providers are named after their type ("Google"); SAML and OIDC ones get a name of their own. */
export const isSocial = ( type: IdentityProviderType ) =>
	type !== 'SAML' && type !== 'OIDC';

/** The IdP claim Cognito maps to the username unless told otherwise (Cognito adds this mapping itself). */
const USERNAME_CLAIM: Partial< Record< IdentityProviderType, string > > = {
	Google: 'sub',
	Facebook: 'id',
	LoginWithAmazon: 'user_id',
	SignInWithApple: 'sub',
	OIDC: 'sub',
};

const stringMap = ( value: unknown ): Record< string, string > =>
	Object.fromEntries(
		Object.entries(
			value && typeof value === 'object' ? ( value as Input ) : {}
		).map( ( [ k, v ] ) => [ k, String( v ) ] )
	);

/** A provider from CreateIdentityProvider-shaped input; throws Cognito's InvalidParameterException on bad input. */
export function newIdentityProvider(
	ctx: Ctx,
	pool: Pool,
	input: Input
): IdentityProvider {
	const name =
		typeof input.ProviderName === 'string' ? input.ProviderName : '';
	const type = input.ProviderType as IdentityProviderType;
	if ( ! PROVIDER_TYPES.includes( type ) ) {
		throw cognitoError(
			'invalidParameter',
			`1 validation error detected: Value '${ String( type ) }' at 'providerType' failed to satisfy constraint: Member must satisfy enum value set: [${ PROVIDER_TYPES.join( ', ' ) }]`
		);
	}
	if (
		name.length > 32 ||
		! /^[^_\s]\S[^_\s]+$/u.test( name ) ||
		name.toUpperCase() === 'COGNITO'
	) {
		throw cognitoError(
			'invalidParameter',
			`1 validation error detected: Value '${ name }' at 'providerName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^_\\p{Z}][\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}][^_\\p{Z}]+`
		);
	}
	if ( isSocial( type ) && name !== type ) {
		throw cognitoError(
			'invalidParameter',
			`A ${ type } identity provider must be named ${ type }.`
		);
	}
	if ( ( pool.identityProviders ?? [] ).some( ( p ) => p.name === name ) ) {
		throw cognitoError(
			'duplicateProvider',
			`A provider with the name ${ name } already exists in this user pool.`
		);
	}
	const username = USERNAME_CLAIM[ type ];
	return {
		name,
		type,
		details: stringMap( input.ProviderDetails ),
		attributeMapping: {
			...( username ? { username } : {} ),
			...stringMap( input.AttributeMapping ),
		},
		idpIdentifiers: Array.isArray( input.IdpIdentifiers )
			? input.IdpIdentifiers.map( String )
			: [],
		createdAt: ctx.clock.now(),
	};
}

export function findProvider(
	pool: Pool,
	name: unknown
): IdentityProvider | undefined {
	return ( pool.identityProviders ?? [] ).find( ( p ) => p.name === name );
}

export function requireProvider( pool: Pool, name: unknown ): IdentityProvider {
	const provider = findProvider( pool, name );
	if ( ! provider ) {
		throw cognitoError(
			'providerNotFound',
			`Identity provider ${ String( name ) } does not exist.`
		);
	}
	return provider;
}

export const providerView = ( pool: Pool, p: IdentityProvider ) => ( {
	UserPoolId: pool.id,
	ProviderName: p.name,
	ProviderType: p.type,
	ProviderDetails: p.details,
	AttributeMapping: p.attributeMapping,
	IdpIdentifiers: p.idpIdentifiers,
	LastModifiedDate: epochSec( p.updatedAt ?? p.createdAt ),
	CreationDate: epochSec( p.createdAt ),
} );

/** SupportedIdentityProviders of an app client: COGNITO and providers the pool has. */
export function supportedProviders( pool: Pool, list: unknown ): string[] {
	const names = Array.isArray( list ) ? list.map( String ) : [];
	const unknown = names.find(
		( n ) => n !== 'COGNITO' && ! findProvider( pool, n )
	);
	if ( unknown !== undefined ) {
		throw cognitoError(
			'invalidParameter',
			`The provider ${ unknown } does not exist for User Pool ${ pool.id }`
		);
	}
	return [ ...new Set( names ) ];
}

export interface SeedIdentityProvider {
	name: string;
	type: IdentityProviderType;
}

/** Adds the seed's providers the pool lacks (existing ones are kept as they are); returns the names added. */
export function seedIdentityProviders(
	ctx: Ctx,
	pool: Pool,
	list: SeedIdentityProvider[] = []
): string[] {
	const added: string[] = [];
	for ( const p of list ) {
		if ( findProvider( pool, p?.name ) ) {
			continue;
		}
		try {
			const provider = newIdentityProvider( ctx, pool, {
				ProviderName: p?.name,
				ProviderType: p?.type,
			} );
			pool.identityProviders = [
				...( pool.identityProviders ?? [] ),
				provider,
			];
			added.push( provider.name );
		} catch ( e ) {
			throw new Error(
				`Seed: identity provider "${ p?.name }": ${ ( e as Error ).message }`
			);
		}
	}
	return added;
}
