/** The seed's pool schema, attribute update settings and client attribute options. */
import {
	DescribeUserPoolClientCommand,
	DescribeUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import type { SeedObject } from '../../dev/cognito-emulator/src/index';
import { adminSdk, emulatorUrl, failure, privateEmulator } from './helpers';
import { PASSWORD, POOL_ID } from './seed';

const SEEDED: SeedObject = {
	pool: {
		id: 'us-east-1_SeedOpts01',
		name: 'seed-options',
		customAttributes: [
			'team',
			{ name: 'custom:badge', mutable: false, maxLength: 12 },
		],
		attributeUpdateSettings: {
			attributesRequireVerificationBeforeUpdate: [ 'email' ],
		},
	},
	client: {
		id: 'seedoptionsclient000000001',
		name: 'spa',
		readAttributes: [ 'email', 'custom:team' ],
		writeAttributes: [ 'custom:team' ],
	},
	users: [
		{
			username: 'sue',
			password: PASSWORD,
			attributes: {
				email: 'sue@example.com',
				'custom:team': 'blue',
				'custom:badge': 'b-7',
			},
		},
	],
};

const describePool = async ( url: string, UserPoolId: string ) =>
	(
		await adminSdk( url ).send(
			new DescribeUserPoolCommand( { UserPoolId } )
		)
	).UserPool!;

const customNames = ( pool: Awaited< ReturnType< typeof describePool > > ) =>
	( pool.SchemaAttributes ?? [] )
		.filter( ( a ) => a.Name?.startsWith( 'custom:' ) )
		.map( ( a ) => `${ a.Name }:${ a.Mutable }` );

describe( 'seed options', () => {
	it( 'seeds the custom attributes, the attribute update settings and the client attribute lists', async () => {
		const first = await privateEmulator( SEEDED );
		const dataDir = first.dataDir;
		try {
			const pool = await describePool( first.url, first.poolId! );
			expect( customNames( pool ) ).toEqual( [
				'custom:team:true',
				'custom:badge:false',
			] );
			expect(
				pool.UserAttributeUpdateSettings
					?.AttributesRequireVerificationBeforeUpdate
			).toEqual( [ 'email' ] );
			const client = await adminSdk( first.url ).send(
				new DescribeUserPoolClientCommand( {
					UserPoolId: first.poolId,
					ClientId: first.clientId,
				} )
			);
			expect( client.UserPoolClient ).toMatchObject( {
				ReadAttributes: [ 'email', 'custom:team' ],
				WriteAttributes: [ 'custom:team' ],
			} );
		} finally {
			await first.close();
		}
		// A restart adds custom attributes the seed now declares and keeps the ones the pool has.
		const again = await privateEmulator(
			{
				...SEEDED,
				pool: { ...SEEDED.pool, customAttributes: [ 'team', 'level' ] },
			},
			dataDir
		);
		try {
			expect(
				customNames( await describePool( again.url, again.poolId! ) )
			).toEqual( [
				'custom:team:true',
				'custom:badge:false',
				'custom:level:true',
			] );
		} finally {
			await again.dispose();
		}
	} );

	it( 'refuses a seeded user with a custom attribute the pool does not declare', async () => {
		const err = await failure(
			privateEmulator( {
				pool: { name: 'seed-undeclared' },
				users: [
					{
						username: 'ned',
						password: PASSWORD,
						attributes: { 'custom:team': 'blue' },
					},
				],
			} )
		);
		expect( err.message ).toBe(
			'Seed: user "ned": Attributes did not conform to the schema: custom:team: Attribute does not exist in the schema.'
		);
	} );

	it( 'keeps no original value by default (a new email takes effect unverified)', async () => {
		const pool = await describePool( emulatorUrl(), POOL_ID );
		expect(
			pool.UserAttributeUpdateSettings
				?.AttributesRequireVerificationBeforeUpdate
		).toEqual( [] );
	} );
} );
