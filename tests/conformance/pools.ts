/** Pools and app clients made through the AWS SDK for one test, and reading a user's settings back. */
import {
	AdminGetUserCommand,
	CreateUserPoolClientCommand,
	CreateUserPoolCommand,
	type CreateUserPoolClientCommandInput,
	type CreateUserPoolCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import type {
	CognitoUser,
	CognitoUserAttribute,
} from 'amazon-cognito-identity-js';
import { adminSdk, cb, emulatorUrl, uniqueName } from './helpers';

/** A pool and app clients made through the SDK (defaults: auto-verified email, one client with defaults). */
export async function sdkPool(
	input: Partial< CreateUserPoolCommandInput > = {},
	clients: Array< Partial< CreateUserPoolClientCommandInput > > = [ {} ]
) {
	const sdk = adminSdk();
	const { UserPool } = await sdk.send(
		new CreateUserPoolCommand( {
			PoolName: uniqueName( 'profile' ),
			AutoVerifiedAttributes: [ 'email' ],
			...input,
		} )
	);
	const poolId = UserPool!.Id!;
	const clientIds: string[] = [];
	for ( const c of clients ) {
		const { UserPoolClient } = await sdk.send(
			new CreateUserPoolClientCommand( {
				UserPoolId: poolId,
				ClientName: 'spa',
				...c,
			} )
		);
		clientIds.push( UserPoolClient!.ClientId! );
	}
	return {
		sdk,
		poolId,
		url: emulatorUrl(),
		clientId: clientIds[ 0 ]!,
		clientIds,
	};
}

export const libraryAttributes = async ( user: CognitoUser ) =>
	Object.fromEntries(
		(
			await cb< CognitoUserAttribute[] >( ( d ) =>
				user.getUserAttributes( d as never )
			)
		).map( ( a ) => [ a.getName(), a.getValue() ] )
	);

export const adminAttributes = async (
	target: Awaited< ReturnType< typeof sdkPool > >,
	username: string
) => {
	const got = await target.sdk.send(
		new AdminGetUserCommand( {
			UserPoolId: target.poolId,
			Username: username,
		} )
	);
	return Object.fromEntries(
		( got.UserAttributes ?? [] ).map( ( a ) => [ a.Name, a.Value ] )
	);
};

/** AdminGetUser's MFA settings. */
export async function adminMfa(
	url: string,
	UserPoolId: string,
	Username: string
) {
	const got = await adminSdk( url ).send(
		new AdminGetUserCommand( { UserPoolId, Username } )
	);
	return {
		list: got.UserMFASettingList,
		preferred: got.PreferredMfaSetting,
	};
}
