/** Admin operations on a pool's federated identity providers. */
import type { Operation } from '../context';
import { str } from '../model';
import {
	newIdentityProvider,
	providerView,
	requireProvider,
} from '../identity-providers';

export const CreateIdentityProvider: Operation = ( ctx, input ) => {
	const pool = ctx.store.pool( str( input, 'UserPoolId' ) );
	const provider = newIdentityProvider( ctx, pool, {
		...input,
		ProviderName: str( input, 'ProviderName' ),
		ProviderType: str( input, 'ProviderType' ),
	} );
	pool.identityProviders = [ ...( pool.identityProviders ?? [] ), provider ];
	ctx.store.save();
	return { IdentityProvider: providerView( pool, provider ) };
};

export const DescribeIdentityProvider: Operation = ( ctx, input ) => {
	const pool = ctx.store.pool( str( input, 'UserPoolId' ) );
	return {
		IdentityProvider: providerView(
			pool,
			requireProvider( pool, str( input, 'ProviderName' ) )
		),
	};
};

export const ListIdentityProviders: Operation = ( ctx, input ) => {
	const pool = ctx.store.pool( str( input, 'UserPoolId' ) );
	return {
		Providers: ( pool.identityProviders ?? [] ).map( ( p ) => {
			const view = providerView( pool, p );
			return {
				ProviderName: view.ProviderName,
				ProviderType: view.ProviderType,
				LastModifiedDate: view.LastModifiedDate,
				CreationDate: view.CreationDate,
			};
		} ),
	};
};

/** Unlike UpdateUserPool, what the request leaves out stays as it is. */
export const UpdateIdentityProvider: Operation = ( ctx, input ) => {
	const pool = ctx.store.pool( str( input, 'UserPoolId' ) );
	const provider = requireProvider( pool, str( input, 'ProviderName' ) );
	const strings = ( value: unknown ) =>
		Object.fromEntries(
			Object.entries( value as Record< string, unknown > ).map(
				( [ k, v ] ) => [ k, String( v ) ]
			)
		);
	if ( input.ProviderDetails && typeof input.ProviderDetails === 'object' ) {
		provider.details = strings( input.ProviderDetails );
	}
	if (
		input.AttributeMapping &&
		typeof input.AttributeMapping === 'object'
	) {
		provider.attributeMapping = {
			...provider.attributeMapping,
			...strings( input.AttributeMapping ),
		};
	}
	if ( Array.isArray( input.IdpIdentifiers ) ) {
		provider.idpIdentifiers = input.IdpIdentifiers.map( String );
	}
	provider.updatedAt = ctx.clock.now();
	ctx.store.save();
	return { IdentityProvider: providerView( pool, provider ) };
};

/** The provider also leaves the SupportedIdentityProviders of the pool's app clients. */
export const DeleteIdentityProvider: Operation = ( ctx, input ) => {
	const pool = ctx.store.pool( str( input, 'UserPoolId' ) );
	const provider = requireProvider( pool, str( input, 'ProviderName' ) );
	pool.identityProviders = ( pool.identityProviders ?? [] ).filter(
		( p ) => p !== provider
	);
	for ( const client of Object.values( ctx.store.state.clients ) ) {
		if ( client.poolId === pool.id ) {
			client.supportedIdentityProviders =
				client.supportedIdentityProviders.filter(
					( n ) => n !== provider.name
				);
		}
	}
	ctx.store.save();
	return {};
};
