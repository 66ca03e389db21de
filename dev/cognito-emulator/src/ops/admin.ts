/** Admin pool/client/group operations (what the AWS SDK uses to seed a pool). */
import type { Operation } from '../context';
import { cognitoError } from '../errors';
import {
	clientView,
	epochSec,
	newClient,
	newPool,
	poolView,
	str,
} from '../model';

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
	const client = newClient( ctx, pool.id, {
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
