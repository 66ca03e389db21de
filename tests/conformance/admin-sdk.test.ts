import {
	AdminAddUserToGroupCommand,
	AdminConfirmSignUpCommand,
	AdminCreateUserCommand,
	AdminDeleteUserCommand,
	AdminGetUserCommand,
	AdminSetUserPasswordCommand,
	CreateGroupCommand,
	CreateUserPoolClientCommand,
	CreateUserPoolCommand,
	DescribeUserPoolClientCommand,
	DescribeUserPoolCommand,
	InvalidPasswordException,
	ListUsersCommand,
	SignUpCommand,
	UserNotFoundException,
	UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import {
	adminSdk,
	api,
	emulatorUrl,
	failure,
	latestCode,
	signIn,
	signInOk,
	userPool,
} from './helpers';

const sdk = () => adminSdk();

describe( 'admin operations through AWS SDK v3', () => {
	it( 'creates and describes a pool and a client', async () => {
		const client = sdk();
		const { UserPool } = await client.send(
			new CreateUserPoolCommand( {
				PoolName: 'sdk-pool',
				Policies: {
					PasswordPolicy: {
						MinimumLength: 10,
						RequireUppercase: false,
						RequireLowercase: true,
						RequireNumbers: true,
						RequireSymbols: false,
					},
				},
			} )
		);
		expect( UserPool?.Id ).toMatch( /^us-east-1_[0-9A-Za-z]+$/ );
		const described = await client.send(
			new DescribeUserPoolCommand( { UserPoolId: UserPool!.Id } )
		);
		expect( described.UserPool?.Name ).toBe( 'sdk-pool' );
		expect(
			described.UserPool?.Policies?.PasswordPolicy?.MinimumLength
		).toBe( 10 );
		expect( described.UserPool?.CreationDate ).toBeInstanceOf( Date );

		const { UserPoolClient } = await client.send(
			new CreateUserPoolClientCommand( {
				UserPoolId: UserPool!.Id,
				ClientName: 'web',
				ExplicitAuthFlows: [
					'ALLOW_USER_SRP_AUTH',
					'ALLOW_REFRESH_TOKEN_AUTH',
				],
				PreventUserExistenceErrors: 'ENABLED',
			} )
		);
		const dc = await client.send(
			new DescribeUserPoolClientCommand( {
				UserPoolId: UserPool!.Id,
				ClientId: UserPoolClient!.ClientId,
			} )
		);
		expect( dc.UserPoolClient?.ClientName ).toBe( 'web' );
		expect( dc.UserPoolClient?.PreventUserExistenceErrors ).toBe(
			'ENABLED'
		);
		expect( dc.UserPoolClient?.AccessTokenValidity ).toBe( 60 );
	} );

	it( 'runs the user and group admin operations against a fresh pool', async () => {
		const client = sdk();
		const { UserPool } = await client.send(
			new CreateUserPoolCommand( { PoolName: 'sdk-users' } )
		);
		const UserPoolId = UserPool!.Id!;
		const { UserPoolClient } = await client.send(
			new CreateUserPoolClientCommand( { UserPoolId, ClientName: 'spa' } )
		);
		const ClientId = UserPoolClient!.ClientId!;
		const pool = userPool( ClientId, emulatorUrl(), UserPoolId );

		// Temporary password → NEW_PASSWORD_REQUIRED; delivered to the outbox.
		const created = await client.send(
			new AdminCreateUserCommand( {
				UserPoolId,
				Username: 'tina',
				TemporaryPassword: 'Temp-0nly-Pass!',
				UserAttributes: [
					{ Name: 'email', Value: 'tina@example.com' },
					{ Name: 'email_verified', Value: 'true' },
				],
			} )
		);
		expect( created.User?.UserStatus ).toBe( 'FORCE_CHANGE_PASSWORD' );
		expect(
			await latestCode( 'tina', emulatorUrl(), 'temporary-password' )
		).toBe( 'Temp-0nly-Pass!' );
		expect( ( await signIn( 'tina', 'Temp-0nly-Pass!', pool ) ).kind ).toBe(
			'NEW_PASSWORD_REQUIRED'
		);
		const dup = await failure(
			client.send(
				new AdminCreateUserCommand( { UserPoolId, Username: 'tina' } )
			)
		);
		expect( dup ).toBeInstanceOf( UsernameExistsException );

		const weak = await failure(
			client.send(
				new AdminSetUserPasswordCommand( {
					UserPoolId,
					Username: 'tina',
					Password: 'short',
					Permanent: true,
				} )
			)
		);
		expect( weak ).toBeInstanceOf( InvalidPasswordException );
		expect( weak.message ).toBe(
			'Password did not conform with policy: Password not long enough'
		);
		await client.send(
			new AdminSetUserPasswordCommand( {
				UserPoolId,
				Username: 'tina',
				Password: 'Perm4nent-Pass!',
				Permanent: true,
			} )
		);

		await client.send(
			new CreateGroupCommand( {
				UserPoolId,
				GroupName: 'admins',
				Precedence: 0,
			} )
		);
		await client.send(
			new AdminAddUserToGroupCommand( {
				UserPoolId,
				Username: 'tina',
				GroupName: 'admins',
			} )
		);
		const { session } = await signInOk( 'tina', 'Perm4nent-Pass!', pool );
		expect( session.getIdToken().payload[ 'cognito:groups' ] ).toEqual( [
			'admins',
		] );
		expect( session.getAccessToken().payload[ 'cognito:groups' ] ).toEqual(
			[ 'admins' ]
		);

		const got = await client.send(
			new AdminGetUserCommand( { UserPoolId, Username: 'tina' } )
		);
		expect( got.UserStatus ).toBe( 'CONFIRMED' );
		expect(
			got.UserAttributes?.find( ( a ) => a.Name === 'email' )?.Value
		).toBe( 'tina@example.com' );

		await client.send(
			new SignUpCommand( {
				ClientId,
				Username: 'uwe',
				Password: 'Uwe-Passw0rd!',
				UserAttributes: [ { Name: 'email', Value: 'uwe@example.com' } ],
			} )
		);
		await client.send(
			new AdminConfirmSignUpCommand( { UserPoolId, Username: 'uwe' } )
		);
		await signInOk( 'uwe', 'Uwe-Passw0rd!', pool );

		const listed = await client.send(
			new ListUsersCommand( {
				UserPoolId,
				Filter: 'email = "uwe@example.com"',
			} )
		);
		expect( listed.Users?.map( ( u ) => u.Username ) ).toEqual( [ 'uwe' ] );
		const all = await client.send( new ListUsersCommand( { UserPoolId } ) );
		expect( all.Users?.map( ( u ) => u.Username ).sort() ).toEqual( [
			'tina',
			'uwe',
		] );

		await client.send(
			new AdminDeleteUserCommand( { UserPoolId, Username: 'uwe' } )
		);
		expect(
			await failure(
				client.send(
					new AdminGetUserCommand( { UserPoolId, Username: 'uwe' } )
				)
			)
		).toBeInstanceOf( UserNotFoundException );
	} );

	it( 'refuses unsigned admin requests', async () => {
		const res = await api( 'CreateUserPool', { PoolName: 'sneaky' } );
		expect( res.status ).toBe( 400 );
		expect( res.json.__type ).toBe( 'MissingAuthenticationTokenException' );
	} );
} );
