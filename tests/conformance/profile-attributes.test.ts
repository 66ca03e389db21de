/**
 * What a profile form relies on when a signed-in user edits their account: the pool's attribute update settings
 * (keep the original email until the new one is verified, or not), driven through amazon-cognito-identity-js and
 * the AWS SDK v3, and UpdateUserPool's reset of what a request leaves out.
 */
import {
	AdminUpdateUserAttributesCommand,
	DescribeUserPoolCommand,
	GetUserCommand,
	InvalidParameterException,
	UpdateUserAttributesCommand,
	UpdateUserPoolCommand,
	VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoUserSession } from 'amazon-cognito-identity-js';
import { describe, expect, it } from 'vitest';
import {
	adminMember,
	cb,
	claimsOf,
	failure,
	latestCode,
	outbox,
	signIn,
	signInOk,
	uniqueName,
	userPool,
} from './helpers';
import { adminAttributes, libraryAttributes, sdkPool } from './pools';
import { PASSWORD } from './seed';

describe( 'UserAttributeUpdateSettings and UpdateUserPool', () => {
	it( 'creates, describes and updates the setting; UpdateUserPool resets what it leaves out', async () => {
		const target = await sdkPool( {
			MfaConfiguration: 'OPTIONAL',
			Policies: { PasswordPolicy: { MinimumLength: 12 } },
			UserAttributeUpdateSettings: {
				AttributesRequireVerificationBeforeUpdate: [
					'email',
					'phone_number',
				],
			},
		} );
		const describePool = async () =>
			(
				await target.sdk.send(
					new DescribeUserPoolCommand( { UserPoolId: target.poolId } )
				)
			).UserPool!;
		const before = await describePool();
		expect(
			before.UserAttributeUpdateSettings
				?.AttributesRequireVerificationBeforeUpdate
		).toEqual( [ 'email', 'phone_number' ] );
		await target.sdk.send(
			new UpdateUserPoolCommand( {
				UserPoolId: target.poolId,
				AutoVerifiedAttributes: [ 'email' ],
				UserAttributeUpdateSettings: {
					AttributesRequireVerificationBeforeUpdate: [ 'email' ],
				},
			} )
		);
		const after = await describePool();
		expect(
			after.UserAttributeUpdateSettings
				?.AttributesRequireVerificationBeforeUpdate
		).toEqual( [ 'email' ] );
		expect( after.Name ).toBe( before.Name );
		expect( after.MfaConfiguration ).toBe( 'OFF' );
		expect( after.Policies?.PasswordPolicy?.MinimumLength ).toBe( 8 );
		const wrong = await failure(
			target.sdk.send(
				new UpdateUserPoolCommand( {
					UserPoolId: target.poolId,
					UserAttributeUpdateSettings: {
						AttributesRequireVerificationBeforeUpdate: [
							'name' as never,
						],
					},
				} )
			)
		);
		expect( wrong ).toBeInstanceOf( InvalidParameterException );
	} );
} );

describe( 'changing the email of a signed-in user', () => {
	it( 'keeps the original email active until the new one is verified (library)', async () => {
		const target = await sdkPool( {
			AliasAttributes: [ 'email' ],
			UserAttributeUpdateSettings: {
				AttributesRequireVerificationBeforeUpdate: [ 'email' ],
			},
		} );
		const pool = userPool( target.clientId, target.url, target.poolId );
		const name = uniqueName( 'kay' );
		const { user } = await adminMember( target, name );
		const [ oldEmail, newEmail ] = [
			`${ name }@old.example`,
			`${ name }@new.example`,
		];
		await cb( ( d ) =>
			user.updateAttributes(
				[ { Name: 'email', Value: newEmail } ],
				d as never
			)
		);
		const sent = ( await outbox( name, target.url ) ).at( -1 );
		expect( sent ).toMatchObject( {
			kind: 'verify',
			destination: newEmail,
		} );

		// The old value and its verified state stay active everywhere: GetUser, AdminGetUser, new tokens, sign-in.
		const expected = { email: oldEmail, email_verified: 'true' };
		expect( await libraryAttributes( user ) ).toMatchObject( expected );
		expect( await adminAttributes( target, name ) ).toMatchObject(
			expected
		);
		const session = user.getSignInUserSession()!;
		const refreshed = await cb< CognitoUserSession >( ( d ) =>
			user.refreshSession( session.getRefreshToken(), d )
		);
		expect( refreshed.getIdToken().payload ).toMatchObject( {
			email: oldEmail,
			email_verified: true,
		} );
		await signInOk( oldEmail, PASSWORD, pool );
		expect(
			( await failure( signIn( newEmail, PASSWORD, pool ) ) ).code
		).toBe( 'UserNotFoundException' );

		const verify = ( code: string ) =>
			cb( ( d ) =>
				user.verifyAttribute( 'email', code, {
					onSuccess: () => d( null ),
					onFailure: d,
				} )
			);
		const code = await latestCode( name, target.url, 'verify' );
		expect(
			(
				await failure(
					verify( code === '000000' ? '111111' : '000000' )
				)
			).code
		).toBe( 'CodeMismatchException' );
		await verify( code );
		expect( await libraryAttributes( user ) ).toMatchObject( {
			email: newEmail,
			email_verified: 'true',
		} );
		await signInOk( newEmail, PASSWORD, pool );
		expect(
			( await failure( signIn( oldEmail, PASSWORD, pool ) ) ).code
		).toBe( 'UserNotFoundException' );
	} );

	it( 'changes the email at once, unverified, when the pool keeps no original value (SDK)', async () => {
		const target = await sdkPool( { AliasAttributes: [ 'email' ] } );
		const pool = userPool( target.clientId, target.url, target.poolId );
		const name = uniqueName( 'lev' );
		const { session } = await adminMember( target, name );
		const AccessToken = session.getAccessToken().getJwtToken();
		const newEmail = `${ name }@new.example`;
		const updated = await target.sdk.send(
			new UpdateUserAttributesCommand( {
				AccessToken,
				UserAttributes: [ { Name: 'email', Value: newEmail } ],
			} )
		);
		expect( updated.CodeDeliveryDetailsList ).toEqual( [
			{
				AttributeName: 'email',
				DeliveryMedium: 'EMAIL',
				Destination: `${ name[ 0 ] }***@n***`,
			},
		] );
		const got = await target.sdk.send(
			new GetUserCommand( { AccessToken } )
		);
		expect(
			Object.fromEntries(
				got.UserAttributes!.map( ( a ) => [ a.Name, a.Value ] )
			)
		).toMatchObject( { email: newEmail, email_verified: 'false' } );
		// An unverified email is no alias to sign in with, and the old one is gone.
		for ( const alias of [ newEmail, `${ name }@old.example` ] ) {
			expect(
				( await failure( signIn( alias, PASSWORD, pool ) ) ).code
			).toBe( 'UserNotFoundException' );
		}
		await target.sdk.send(
			new VerifyUserAttributeCommand( {
				AccessToken,
				AttributeName: 'email',
				Code: await latestCode( name, target.url, 'verify' ),
			} )
		);
		const again = await signInOk( newEmail, PASSWORD, pool );
		expect(
			claimsOf( again.session.getIdToken().getJwtToken() )
		).toMatchObject( {
			email: newEmail,
			email_verified: true,
		} );
	} );

	it( 'AdminUpdateUserAttributes waits for verification too, unless it sets email_verified', async () => {
		const target = await sdkPool( {
			UserAttributeUpdateSettings: {
				AttributesRequireVerificationBeforeUpdate: [ 'email' ],
			},
		} );
		const name = uniqueName( 'max' );
		await adminMember( target, name );
		const update = ( attributes: Record< string, string > ) =>
			target.sdk.send(
				new AdminUpdateUserAttributesCommand( {
					UserPoolId: target.poolId,
					Username: name,
					UserAttributes: Object.entries( attributes ).map(
						( [ Name, Value ] ) => ( { Name, Value } )
					),
				} )
			);
		await update( { email: `${ name }@new.example` } );
		expect( await adminAttributes( target, name ) ).toMatchObject( {
			email: `${ name }@old.example`,
			email_verified: 'true',
		} );
		expect( ( await outbox( name, target.url ) ).at( -1 ) ).toMatchObject( {
			kind: 'verify',
			destination: `${ name }@new.example`,
		} );
		// Marking it verified confirms the value that waits.
		await update( { email_verified: 'true' } );
		expect( await adminAttributes( target, name ) ).toMatchObject( {
			email: `${ name }@new.example`,
			email_verified: 'true',
		} );
		await update( {
			email: `${ name }@third.example`,
			email_verified: 'true',
		} );
		expect( ( await adminAttributes( target, name ) ).email ).toBe(
			`${ name }@third.example`
		);
	} );
} );
