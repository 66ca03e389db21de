/** Admin pool/client/group operations (what the AWS SDK uses to seed a pool). */
import type { Operation } from '../context';
import { cognitoError } from '../errors';
import { epochSec, newPool, poolView, str } from '../model';
import { clientView, newClient } from '../clients';
import { parseCustomAttributes } from '../schema';

export const CreateUserPool: Operation = ( ctx, input ) => {
	const pool = newPool( ctx, {
		...input,
		PoolName: str( input, 'PoolName' ),
	} );
	ctx.store.state.pools[ pool.id ] = pool;
	ctx.store.save();
	return { UserPool: poolView( ctx, pool ) };
};

export const DescribeUserPool: Operation = ( ctx, input ) => ( {
	UserPool: poolView( ctx, ctx.store.pool( str( input, 'UserPoolId' ) ) ),
} );

/**
 * As in Cognito, a setting the request leaves out returns to its default (password policy, MFA, auto-verified
 * attributes, attribute update settings). The name is kept unless given; the schema and the sign-in attributes
 * cannot change after creation.
 */
export const UpdateUserPool: Operation = ( ctx, input ) => {
	const pool = ctx.store.pool( str( input, 'UserPoolId' ) );
	const next = newPool(
		ctx,
		{
			...input,
			PoolName: input.PoolName ?? pool.name,
			UsernameAttributes: pool.usernameAttributes,
			AliasAttributes: pool.aliasAttributes,
			Schema: undefined,
		},
		pool.id
	);
	ctx.store.state.pools[ pool.id ] = {
		...next,
		createdAt: pool.createdAt,
		customAttributes: pool.customAttributes,
		identityProviders: pool.identityProviders,
		updatedAt: ctx.clock.now(),
	};
	ctx.store.save();
	return {};
};

/** Custom attributes can be added to a pool, never changed or removed. */
export const AddCustomAttributes: Operation = ( ctx, input ) => {
	const pool = ctx.store.pool( str( input, 'UserPoolId' ) );
	if (
		! Array.isArray( input.CustomAttributes ) ||
		! input.CustomAttributes.length
	) {
		throw cognitoError(
			'invalidParameter',
			"1 validation error detected: Value at 'customAttributes' failed to satisfy constraint: Member must have length greater than or equal to 1"
		);
	}
	pool.customAttributes = parseCustomAttributes(
		input.CustomAttributes,
		pool.customAttributes,
		false
	);
	pool.updatedAt = ctx.clock.now();
	ctx.store.save();
	return {};
};

export const ListUserPools: Operation = ( ctx ) => ( {
	UserPools: Object.values( ctx.store.state.pools ).map( ( p ) => ( {
		Id: p.id,
		Name: p.name,
		CreationDate: epochSec( p.createdAt ),
		LastModifiedDate: epochSec( p.createdAt ),
	} ) ),
} );

export const CreateUserPoolClient: Operation = ( ctx, input ) => {
	const pool = ctx.store.pool( str( input, 'UserPoolId' ) );
	if ( input.GenerateSecret === true ) {
		// Browser clients cannot keep a secret; the emulator supports only public clients.
		throw cognitoError(
			'invalidParameter',
			'The emulator supports only app clients without a secret.'
		);
	}
	const client = newClient( ctx, pool, {
		...input,
		ClientName: str( input, 'ClientName' ),
	} );
	ctx.store.state.clients[ client.id ] = client;
	ctx.store.save();
	return { UserPoolClient: clientView( client ) };
};

export const DescribeUserPoolClient: Operation = ( ctx, input ) => {
	const pool = ctx.store.pool( str( input, 'UserPoolId' ) );
	return {
		UserPoolClient: clientView(
			ctx.store.client( str( input, 'ClientId' ), pool.id )
		),
	};
};

/** Like UpdateUserPool, settings the request leaves out return to their defaults; the name is kept unless given. */
export const UpdateUserPoolClient: Operation = ( ctx, input ) => {
	const pool = ctx.store.pool( str( input, 'UserPoolId' ) );
	const client = ctx.store.client( str( input, 'ClientId' ), pool.id );
	const next = {
		...newClient(
			ctx,
			pool,
			{ ...input, ClientName: input.ClientName ?? client.name },
			client.id,
			'updating'
		),
		createdAt: client.createdAt,
		updatedAt: ctx.clock.now(),
	};
	ctx.store.state.clients[ client.id ] = next;
	ctx.store.save();
	return { UserPoolClient: clientView( next ) };
};

export const ListUserPoolClients: Operation = ( ctx, input ) => {
	const pool = ctx.store.pool( str( input, 'UserPoolId' ) );
	return {
		UserPoolClients: Object.values( ctx.store.state.clients )
			.filter( ( c ) => c.poolId === pool.id )
			.map( ( c ) => ( {
				ClientId: c.id,
				ClientName: c.name,
				UserPoolId: c.poolId,
			} ) ),
	};
};

export const CreateGroup: Operation = ( ctx, input ) => {
	const pool = ctx.store.pool( str( input, 'UserPoolId' ) );
	const name = str( input, 'GroupName' );
	const key = `${ pool.id }/${ name }`;
	if ( ctx.store.state.groups[ key ] ) {
		throw cognitoError( 'groupExists' );
	}
	const group = {
		poolId: pool.id,
		name,
		description:
			typeof input.Description === 'string'
				? input.Description
				: undefined,
		precedence:
			typeof input.Precedence === 'number' ? input.Precedence : undefined,
		createdAt: ctx.clock.now(),
	};
	ctx.store.state.groups[ key ] = group;
	ctx.store.save();
	return {
		Group: {
			GroupName: name,
			UserPoolId: pool.id,
			Description: group.description,
			Precedence: group.precedence,
			CreationDate: epochSec( group.createdAt ),
			LastModifiedDate: epochSec( group.createdAt ),
		},
	};
};

export const AdminAddUserToGroup: Operation = ( ctx, input ) => {
	const pool = ctx.store.pool( str( input, 'UserPoolId' ) );
	const group = ctx.store.group( pool.id, str( input, 'GroupName' ) );
	const user = ctx.store.requireUser( pool.id, str( input, 'Username' ) );
	if ( ! user.groups.includes( group.name ) ) {
		user.groups.push( group.name );
		ctx.store.putUser( user );
	}
	return {};
};

export const AdminRemoveUserFromGroup: Operation = ( ctx, input ) => {
	const pool = ctx.store.pool( str( input, 'UserPoolId' ) );
	const group = ctx.store.group( pool.id, str( input, 'GroupName' ) );
	const user = ctx.store.requireUser( pool.id, str( input, 'Username' ) );
	user.groups = user.groups.filter( ( g ) => g !== group.name );
	ctx.store.putUser( user );
	return {};
};

export const AdminListGroupsForUser: Operation = ( ctx, input ) => {
	const pool = ctx.store.pool( str( input, 'UserPoolId' ) );
	const user = ctx.store.requireUser( pool.id, str( input, 'Username' ) );
	return {
		Groups: user.groups.map( ( name ) => ( {
			GroupName: name,
			UserPoolId: pool.id,
		} ) ),
	};
};
