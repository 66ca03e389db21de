/** A pool's identity providers through the AWS SDK, app clients' SupportedIdentityProviders, and the seed. */
import {
	CreateIdentityProviderCommand,
	CreateUserPoolClientCommand,
	DeleteIdentityProviderCommand,
	DescribeIdentityProviderCommand,
	DescribeUserPoolClientCommand,
	ListIdentityProvidersCommand,
	UpdateIdentityProviderCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import type { SeedObject } from '../../dev/cognito-emulator/src/index';
import { adminSdk, failure, privateEmulator } from './helpers';
import { sdkPool } from './pools';

describe( 'identity providers', () => {
	it( 'creates, describes, lists, updates and deletes providers with Cognito’s shapes', async () => {
		const { sdk, poolId } = await sdkPool( {}, [] );
		const { IdentityProvider } = await sdk.send(
			new CreateIdentityProviderCommand( {
				UserPoolId: poolId,
				ProviderName: 'Google',
				ProviderType: 'Google',
				ProviderDetails: {
					client_id: 'g.apps.googleusercontent.com',
					client_secret: 'secret',
					authorize_scopes: 'openid email profile',
				},
				AttributeMapping: { email: 'email' },
			} )
		);
		expect( IdentityProvider ).toMatchObject( {
			UserPoolId: poolId,
			ProviderName: 'Google',
			ProviderType: 'Google',
			ProviderDetails: { authorize_scopes: 'openid email profile' },
			AttributeMapping: { email: 'email', username: 'sub' },
			IdpIdentifiers: [],
		} );
		expect( IdentityProvider?.CreationDate ).toBeInstanceOf( Date );
		await sdk.send(
			new CreateIdentityProviderCommand( {
				UserPoolId: poolId,
				ProviderName: 'Okta',
				ProviderType: 'SAML',
				ProviderDetails: {
					MetadataURL: 'https://idp.example/metadata',
				},
				IdpIdentifiers: [ 'example.com' ],
			} )
		);

		const duplicate = await failure(
			sdk.send(
				new CreateIdentityProviderCommand( {
					UserPoolId: poolId,
					ProviderName: 'Okta',
					ProviderType: 'OIDC',
					ProviderDetails: {},
				} )
			)
		);
		expect( duplicate.name ).toBe( 'DuplicateProviderException' );
		for ( const [ ProviderName, ProviderType ] of [
			[ 'MyGoogle', 'Google' ],
			[ 'COGNITO', 'OIDC' ],
			[ 'Corp', 'LDAP' ],
		] as const ) {
			const bad = await failure(
				sdk.send(
					new CreateIdentityProviderCommand( {
						UserPoolId: poolId,
						ProviderName,
						ProviderType: ProviderType as 'OIDC',
						ProviderDetails: {},
					} )
				)
			);
			expect( bad.name, ProviderName ).toBe(
				'InvalidParameterException'
			);
		}

		const listed = await sdk.send(
			new ListIdentityProvidersCommand( { UserPoolId: poolId } )
		);
		expect(
			listed.Providers?.map( ( p ) => [ p.ProviderName, p.ProviderType ] )
		).toEqual( [
			[ 'Google', 'Google' ],
			[ 'Okta', 'SAML' ],
		] );

		await sdk.send(
			new UpdateIdentityProviderCommand( {
				UserPoolId: poolId,
				ProviderName: 'Okta',
				AttributeMapping: { email: 'mail' },
			} )
		);
		const okta = await sdk.send(
			new DescribeIdentityProviderCommand( {
				UserPoolId: poolId,
				ProviderName: 'Okta',
			} )
		);
		expect( okta.IdentityProvider ).toMatchObject( {
			ProviderDetails: { MetadataURL: 'https://idp.example/metadata' },
			AttributeMapping: { email: 'mail' },
			IdpIdentifiers: [ 'example.com' ],
		} );

		// App clients may only name COGNITO and the pool's providers; a deleted provider leaves them.
		const unknown = await failure(
			sdk.send(
				new CreateUserPoolClientCommand( {
					UserPoolId: poolId,
					ClientName: 'web',
					SupportedIdentityProviders: [ 'COGNITO', 'Facebook' ],
				} )
			)
		);
		expect( unknown ).toMatchObject( {
			name: 'InvalidParameterException',
			message: `The provider Facebook does not exist for User Pool ${ poolId }`,
		} );
		const { UserPoolClient } = await sdk.send(
			new CreateUserPoolClientCommand( {
				UserPoolId: poolId,
				ClientName: 'web',
				SupportedIdentityProviders: [ 'COGNITO', 'Google', 'Okta' ],
			} )
		);
		await sdk.send(
			new DeleteIdentityProviderCommand( {
				UserPoolId: poolId,
				ProviderName: 'Okta',
			} )
		);
		const client = await sdk.send(
			new DescribeUserPoolClientCommand( {
				UserPoolId: poolId,
				ClientId: UserPoolClient!.ClientId,
			} )
		);
		expect( client.UserPoolClient?.SupportedIdentityProviders ).toEqual( [
			'COGNITO',
			'Google',
		] );
		const gone = await failure(
			sdk.send(
				new DescribeIdentityProviderCommand( {
					UserPoolId: poolId,
					ProviderName: 'Okta',
				} )
			)
		);
		expect( gone.name ).toBe( 'ResourceNotFoundException' );
	} );

	it( 'seeds providers, adds the ones a later seed declares, and gives clients on the default list the new ones', async () => {
		const seed = (
			providers: SeedObject[ 'pool' ][ 'identityProviders' ]
		) =>
			( {
				pool: {
					id: 'us-east-1_FedSeed01',
					name: 'fed-seed',
					identityProviders: providers,
				},
				clients: [
					{ id: 'fedseedclient0000000000001', name: 'default' },
					{
						id: 'fedseedclient0000000000002',
						name: 'password-only',
						identityProviders: [ 'COGNITO' ],
					},
				],
			} ) satisfies SeedObject;
		const supported = async ( url: string, ClientId: string ) =>
			(
				await adminSdk( url ).send(
					new DescribeUserPoolClientCommand( {
						UserPoolId: 'us-east-1_FedSeed01',
						ClientId,
					} )
				)
			).UserPoolClient?.SupportedIdentityProviders;

		const first = await privateEmulator(
			seed( [ { name: 'Google', type: 'Google' } ] )
		);
		const dataDir = first.dataDir;
		try {
			expect(
				await supported( first.url, 'fedseedclient0000000000001' )
			).toEqual( [ 'COGNITO', 'Google' ] );
			await first.close();

			const second = await privateEmulator(
				seed( [
					{ name: 'Google', type: 'Google' },
					{ name: 'Corp', type: 'OIDC' },
				] ),
				dataDir
			);
			try {
				const listed = await adminSdk( second.url ).send(
					new ListIdentityProvidersCommand( {
						UserPoolId: 'us-east-1_FedSeed01',
					} )
				);
				expect(
					listed.Providers?.map( ( p ) => p.ProviderName )
				).toEqual( [ 'Google', 'Corp' ] );
				expect(
					await supported( second.url, 'fedseedclient0000000000001' )
				).toEqual( [ 'COGNITO', 'Google', 'Corp' ] );
				expect(
					await supported( second.url, 'fedseedclient0000000000002' )
				).toEqual( [ 'COGNITO' ] );
			} finally {
				await second.close();
			}
			await expect(
				privateEmulator(
					{
						pool: {
							name: 'bad-fed-seed',
							identityProviders: [
								{ name: 'Gmail', type: 'Google' },
							],
						},
					},
					`${ dataDir }/bad`
				)
			).rejects.toThrow( /Seed: identity provider "Gmail"/ );
		} finally {
			await first.dispose();
		}
	} );
} );
