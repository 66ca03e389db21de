/**
 * Helpers for the profile tests: a pool of their own (email as the sign-in name, so a changed address is what
 * signs in), the test site pointed at it for the duration, its users, and what WordPress knows about them.
 */
import { expect, type Browser, type Page } from '@playwright/test';
import { admin } from './emulator-control';
import { newPassword, submitSignIn } from './forms';
import { loginAsAdmin, siteUrl } from './wordpress';

export interface ProfilePool {
	poolId: string;
	clientId: string;
}

export interface PoolUser {
	email: string;
	password: string;
}

const SETTINGS = 'cognito_blocks_settings';

/** A REST nonce of the page's signed-in user, from core's admin-ajax action (as the profile gets its own). */
export async function restNonce( page: Page ): Promise< string > {
	const response = await page.request.get(
		siteUrl( '/wp-admin/admin-ajax.php?action=rest-nonce' )
	);
	expect( response.ok(), 'a REST nonce for a signed-in user' ).toBe( true );
	return ( await response.text() ).trim();
}

export async function createProfilePool(): Promise< ProfilePool > {
	const { UserPool } = await admin( 'CreateUserPool', {
		PoolName: `profile-${ Date.now() }`,
		UsernameAttributes: [ 'email' ],
		AutoVerifiedAttributes: [ 'email' ],
		MfaConfiguration: 'OPTIONAL',
		Schema: [
			{ Name: 'team', AttributeDataType: 'String', Mutable: true },
		],
	} );
	const { UserPoolClient } = await admin( 'CreateUserPoolClient', {
		UserPoolId: UserPool.Id,
		ClientName: 'WordPress (profile tests)',
		ExplicitAuthFlows: [
			'ALLOW_USER_SRP_AUTH',
			'ALLOW_REFRESH_TOKEN_AUTH',
		],
	} );
	return { poolId: UserPool.Id, clientId: UserPoolClient.ClientId };
}

/** The pool's "keep the original address in use until the new one is confirmed" setting, for email. */
export async function keepOriginalEmail(
	pool: ProfilePool,
	on: boolean
): Promise< void > {
	const { UserPool } = await admin( 'DescribeUserPool', {
		UserPoolId: pool.poolId,
	} );
	// UpdateUserPool resets what it is not given, as Cognito's does: pass the current values on.
	await admin( 'UpdateUserPool', {
		UserPoolId: pool.poolId,
		MfaConfiguration: UserPool.MfaConfiguration,
		AutoVerifiedAttributes: UserPool.AutoVerifiedAttributes,
		Policies: UserPool.Policies,
		UserAttributeUpdateSettings: {
			AttributesRequireVerificationBeforeUpdate: on ? [ 'email' ] : [],
		},
	} );
}

/**
 * The app client's token settings: refresh-token rotation, and how long ID and access tokens live (seconds; the
 * emulator allows less than Cognito's 5-minute minimum, so a test can see tokens expire). UpdateUserPoolClient
 * resets what it is not given, as Cognito's does: the client's flows are passed on.
 * @param pool
 * @param options
 * @param options.rotation
 * @param options.tokenSeconds
 */
export async function clientTokens(
	pool: ProfilePool,
	{ rotation, tokenSeconds }: { rotation: boolean; tokenSeconds?: number }
): Promise< void > {
	const { UserPoolClient } = await admin( 'DescribeUserPoolClient', {
		UserPoolId: pool.poolId,
		ClientId: pool.clientId,
	} );
	await admin( 'UpdateUserPoolClient', {
		UserPoolId: pool.poolId,
		ClientId: pool.clientId,
		ClientName: UserPoolClient.ClientName,
		ExplicitAuthFlows: UserPoolClient.ExplicitAuthFlows,
		RefreshTokenRotation: {
			Feature: rotation ? 'ENABLED' : 'DISABLED',
			RetryGracePeriodSeconds: 0,
		},
		...( tokenSeconds
			? {
					IdTokenValidity: tokenSeconds,
					AccessTokenValidity: tokenSeconds,
					TokenValidityUnits: {
						IdToken: 'seconds',
						AccessToken: 'seconds',
					},
				}
			: {} ),
	} );
}

/**
 * A fresh ID token of a user who signed in on `page`, from their refresh token (the one in the page's storage
 * was already handed to WordPress, and an ID token is accepted once).
 * @param page
 * @param pool
 */
export async function freshIdToken(
	page: Page,
	pool: ProfilePool
): Promise< string > {
	const response = await refreshAt(
		pool,
		await storedToken( page, 'refreshToken' )
	);
	expect( response.ok ).toBe( true );
	return ( await response.json() ).AuthenticationResult.IdToken;
}

/**
 * InitiateAuth REFRESH_TOKEN_AUTH straight at the emulator, as the browser's library would send it.
 * @param pool
 * @param refreshToken
 */
export function refreshAt(
	pool: ProfilePool,
	refreshToken: string
): Promise< Response > {
	return fetch( `${ process.env.EMULATOR_URL }/`, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-amz-json-1.1',
			'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
		},
		body: JSON.stringify( {
			ClientId: pool.clientId,
			AuthFlow: 'REFRESH_TOKEN_AUTH',
			AuthParameters: { REFRESH_TOKEN: refreshToken },
		} ),
	} );
}

/** A token amazon-cognito-identity-js keeps in the page's sessionStorage (`idToken`, `refreshToken`, …). */
export function storedToken( page: Page, name: string ): Promise< string > {
	return page.evaluate(
		( suffix ) =>
			Object.entries( window.sessionStorage ).find( ( [ key ] ) =>
				key.endsWith( suffix )
			)?.[ 1 ] ?? '',
		`.${ name }`
	);
}

/**
 * Points the test site at `pool` until the returned function puts the previous settings back.
 * @param browser
 * @param pool
 */
export async function useProfilePool(
	browser: Browser,
	pool: ProfilePool
): Promise< () => Promise< void > > {
	const context = await browser.newContext();
	const page = await context.newPage();
	await loginAsAdmin( page );
	const headers = { 'X-WP-Nonce': await restNonce( page ) };
	const url = siteUrl( '/wp-json/wp/v2/settings' );
	const before = (
		await ( await page.request.get( url, { headers } ) ).json()
	)[ SETTINGS ];
	const write = async ( settings: Record< string, unknown > ) => {
		const response = await page.request.post( url, {
			headers,
			data: { [ SETTINGS ]: settings },
		} );
		expect( response.status(), await response.text() ).toBe( 200 );
	};
	await write( {
		...before,
		user_pool_id: pool.poolId,
		client_id: pool.clientId,
		profile_delete_allowed: true,
	} );
	return async () => {
		await write( before );
		await context.close();
	};
}

export async function createUser(
	pool: ProfilePool,
	attributes: Record< string, string > = {}
): Promise< PoolUser > {
	const email = `profile-${ Date.now() }-${ Math.random()
		.toString( 36 )
		.slice( 2, 7 ) }@example.test`;
	const password = newPassword();
	await admin( 'AdminCreateUser', {
		UserPoolId: pool.poolId,
		Username: email,
		MessageAction: 'SUPPRESS',
		UserAttributes: [
			{ Name: 'email', Value: email },
			{ Name: 'email_verified', Value: 'true' },
			...Object.entries( attributes ).map( ( [ Name, Value ] ) => ( {
				Name,
				Value,
			} ) ),
		],
	} );
	await admin( 'AdminSetUserPassword', {
		UserPoolId: pool.poolId,
		Username: email,
		Password: password,
		Permanent: true,
	} );
	return { email, password };
}

/** Signs in on the sign-in page, then opens the profile page and waits for its overview. */
export async function signInToProfile(
	page: Page,
	user: PoolUser
): Promise< void > {
	await page.goto( siteUrl( '/e2e-sign-in/' ) );
	await submitSignIn( page, user.email, user.password );
	await expect( page.getByText( /^Signed in as / ) ).toBeVisible( {
		timeout: 20_000,
	} );
	await openProfile( page );
}

export async function openProfile( page: Page ): Promise< void > {
	await page.goto( siteUrl( '/e2e-profile/' ) );
	await expect(
		page.getByRole( 'heading', { name: 'Your details' } )
	).toBeVisible( { timeout: 20_000 } );
}

/** The signed-in WordPress user's fields, as the REST API shows them to that user. */
export async function wordpressMe( page: Page ): Promise< {
	id: number;
	name: string;
	first_name: string;
	last_name: string;
	email: string;
} > {
	const response = await page.request.get(
		siteUrl( '/wp-json/wp/v2/users/me?context=edit' ),
		{ headers: { 'X-WP-Nonce': await restNonce( page ) } }
	);
	expect( response.status() ).toBe( 200 );
	return response.json();
}

/**
 * Signs in through SRP in a fresh browser context and reports whether Cognito accepted the password.
 * @param browser
 * @param email
 * @param password
 */
export async function canSignIn(
	browser: Browser,
	email: string,
	password: string
): Promise< boolean > {
	const context = await browser.newContext();
	const page = await context.newPage();
	try {
		await page.goto( siteUrl( '/e2e-sign-in/' ) );
		await submitSignIn( page, email, password );
		const outcome = await Promise.race( [
			page
				.getByText( /^Signed in as / )
				.waitFor( { timeout: 20_000 } )
				.then( () => true ),
			page
				.getByRole( 'alert' )
				.filter( { hasText: /\S/ } )
				.waitFor( { timeout: 20_000 } )
				.then( () => false ),
			page
				.getByRole( 'heading', { name: /code|verification/i } )
				.waitFor( { timeout: 20_000 } )
				.then( () => true ),
		] );
		return outcome;
	} finally {
		await context.close();
	}
}
