/**
 * Which attributes a profile form may show and change: an app client's ReadAttributes / WriteAttributes and the
 * pool's custom attribute schema (unknown attributes refused, immutable ones fixed at creation).
 */
import {
	AddCustomAttributesCommand,
	AdminCreateUserCommand,
	AdminUpdateUserAttributesCommand,
	CreateUserPoolClientCommand,
	DescribeUserPoolClientCommand,
	DescribeUserPoolCommand,
	InvalidParameterException,
	NotAuthorizedException,
	SignUpCommand,
	UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoUser } from 'amazon-cognito-identity-js';
import { describe, expect, it } from 'vitest';
import {
	adminMember,
	cb,
	failure,
	signInOk,
	uniqueName,
	userPool,
} from './helpers';
import { adminAttributes, libraryAttributes, sdkPool } from './pools';
import { PASSWORD } from './seed';

const update = ( user: CognitoUser, attributes: Record< string, string > ) =>
	cb( ( d ) =>
		user.updateAttributes(
			Object.entries( attributes ).map( ( [ Name, Value ] ) => ( {
				Name,
				Value,
			} ) ),
			d as never
		)
	);

const TEAM = {
	Name: 'team',
	AttributeDataType: 'String' as const,
	Mutable: true,
	StringAttributeConstraints: { MinLength: '1', MaxLength: '8' },
};

describe( 'app client ReadAttributes and WriteAttributes', () => {
	it( 'shows a client only what it may read and lets it write only what it may write', async () => {
		const target = await sdkPool( { Schema: [ TEAM ] }, [
			{
				ClientName: 'narrow',
				ReadAttributes: [ 'email', 'custom:team' ],
				WriteAttributes: [ 'email', 'given_name' ],
			},
			{ ClientName: 'wide' },
		] );
		const [ narrow, wide ] = target.clientIds as [ string, string ];
		const described = async ( ClientId: string ) =>
			(
				await target.sdk.send(
					new DescribeUserPoolClientCommand( {
						UserPoolId: target.poolId,
						ClientId,
					} )
				)
			).UserPoolClient!;
		expect( await described( narrow ) ).toMatchObject( {
			ReadAttributes: [ 'email', 'custom:team' ],
			WriteAttributes: [ 'email', 'given_name' ],
		} );
		// Cognito lists them only for a client with its own set.
		expect( ( await described( wide ) ).ReadAttributes ).toBeUndefined();

		const name = uniqueName( 'rae' );
		const { user, session } = await adminMember( target, name, {
			given_name: 'Rae',
			'custom:team': 'blue',
		} );
		expect( session.getIdToken().payload ).toMatchObject( {
			email: `${ name }@old.example`,
			'custom:team': 'blue',
		} );
		expect( session.getIdToken().payload.given_name ).toBeUndefined();
		expect( session.getIdToken().payload.email_verified ).toBeUndefined();
		expect( Object.keys( await libraryAttributes( user ) ).sort() ).toEqual(
			[ 'custom:team', 'email', 'sub' ]
		);

		const refused = await failure(
			update( user, { 'custom:team': 'red' } )
		);
		expect( refused ).toMatchObject( {
			code: 'NotAuthorizedException',
			message: 'A client attempted to write unauthorized attribute',
		} );
		await update( user, { given_name: 'Raven' } );
		const signUp = await failure(
			target.sdk.send(
				new SignUpCommand( {
					ClientId: narrow,
					Username: uniqueName( 'sid' ),
					Password: PASSWORD,
					UserAttributes: [
						{ Name: 'email', Value: 'sid@example.com' },
						{ Name: 'custom:team', Value: 'red' },
					],
				} )
			)
		);
		expect( signUp ).toBeInstanceOf( NotAuthorizedException );

		const full = await signInOk(
			name,
			PASSWORD,
			userPool( wide, target.url, target.poolId )
		);
		expect( full.session.getIdToken().payload ).toMatchObject( {
			given_name: 'Raven',
			'custom:team': 'blue',
		} );

		// UpdateUserPoolClient: what the request leaves out returns to the default (every attribute).
		await target.sdk.send(
			new UpdateUserPoolClientCommand( {
				UserPoolId: target.poolId,
				ClientId: narrow,
			} )
		);
		const reset = await described( narrow );
		expect( reset.ClientName ).toBe( 'narrow' );
		expect( reset.ReadAttributes ).toBeUndefined();
		expect( reset.ExplicitAuthFlows ).toContain( 'ALLOW_USER_SRP_AUTH' );
		const after = await signInOk(
			name,
			PASSWORD,
			userPool( narrow, target.url, target.poolId )
		);
		expect( after.session.getIdToken().payload.given_name ).toBe( 'Raven' );

		const invalid = await failure(
			target.sdk.send(
				new CreateUserPoolClientCommand( {
					UserPoolId: target.poolId,
					ClientName: 'bad',
					ReadAttributes: [ 'custom:nope' ],
				} )
			)
		);
		expect( invalid ).toBeInstanceOf( InvalidParameterException );
		expect( invalid.message ).toBe(
			'Invalid read attributes specified while creating a client'
		);
	} );
} );

describe( 'custom attribute schema', () => {
	it( 'refuses attributes the schema lacks, fixes immutable ones at creation, and AddCustomAttributes adds', async () => {
		const target = await sdkPool( {
			Schema: [
				TEAM,
				{ Name: 'badge', AttributeDataType: 'String', Mutable: false },
			],
		} );
		const name = uniqueName( 'ida' );
		const { user } = await adminMember( target, name, {
			'custom:team': 'blue',
			'custom:badge': 'b-1',
		} );
		const schemaNames = async () =>
			(
				(
					await target.sdk.send(
						new DescribeUserPoolCommand( {
							UserPoolId: target.poolId,
						} )
					)
				).UserPool!.SchemaAttributes ?? []
			).map( ( a ) => `${ a.Name }:${ a.Mutable }` );
		expect( await schemaNames() ).toEqual(
			expect.arrayContaining( [
				'custom:team:true',
				'custom:badge:false',
				'email:true',
			] )
		);

		const unknown = await failure( update( user, { 'custom:nope': 'x' } ) );
		expect( unknown ).toMatchObject( {
			code: 'InvalidParameterException',
			message:
				'Attributes did not conform to the schema: custom:nope: Attribute does not exist in the schema.',
		} );
		const immutable = await failure(
			target.sdk.send(
				new AdminUpdateUserAttributesCommand( {
					UserPoolId: target.poolId,
					Username: name,
					UserAttributes: [ { Name: 'custom:badge', Value: 'b-2' } ],
				} )
			)
		);
		expect( immutable ).toBeInstanceOf( InvalidParameterException );
		expect( immutable.message ).toContain( 'custom:badge' );
		expect(
			( await failure( update( user, { 'custom:team': 'too-long-x' } ) ) )
				.code
		).toBe( 'InvalidParameterException' );
		expect(
			await failure(
				target.sdk.send(
					new AdminCreateUserCommand( {
						UserPoolId: target.poolId,
						Username: uniqueName( 'zed' ),
						UserAttributes: [ { Name: 'custom:nope', Value: 'x' } ],
					} )
				)
			)
		).toBeInstanceOf( InvalidParameterException );

		await target.sdk.send(
			new AddCustomAttributesCommand( {
				UserPoolId: target.poolId,
				CustomAttributes: [
					{
						Name: 'nope',
						AttributeDataType: 'String',
						Mutable: true,
					},
				],
			} )
		);
		await update( user, { 'custom:nope': 'now known' } );
		expect( await adminAttributes( target, name ) ).toMatchObject( {
			'custom:nope': 'now known',
			'custom:badge': 'b-1',
		} );
		expect( await schemaNames() ).toContain( 'custom:nope:true' );
		const again = await failure(
			target.sdk.send(
				new AddCustomAttributesCommand( {
					UserPoolId: target.poolId,
					CustomAttributes: [
						{ Name: 'team', AttributeDataType: 'String' },
					],
				} )
			)
		);
		expect( again ).toBeInstanceOf( InvalidParameterException );
	} );
} );
