/**
 * Federated sign-in through the hosted UI: authorize with `identity_provider`, the emulator's simulated provider
 * page, the code exchange, and what Cognito makes of the person (a `<Provider>_<id>` user with `identities`).
 */
import {
	AdminGetUserCommand,
	GetUserCommand,
	InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import {
	adminSdk,
	claimsOf,
	emulatorUrl,
	failure,
	signIn,
	uniqueName,
	userPool,
} from './helpers';
import {
	authorizeUrl,
	exchange,
	get,
	pkce,
	verifiedIdToken,
	viaProvider,
	type Site,
} from './oauth';
import {
	LEGACY_CLIENT_ID,
	OTHER_WEB_CLIENT_ID,
	PASSWORD_ONLY_CLIENT_ID,
	POOL_ID,
	WEB_CLIENT_ID,
} from './seed';

const A: Site = {
	clientId: WEB_CLIENT_ID,
	redirect: 'http://127.0.0.1:1/a/callback',
	logout: 'http://127.0.0.1:1/a/signed-out',
};
const B: Site = {
	clientId: OTHER_WEB_CLIENT_ID,
	redirect: 'http://127.0.0.1:1/b/callback',
};
const C: Site = {
	clientId: PASSWORD_ONLY_CLIENT_ID,
	redirect: 'http://127.0.0.1:1/c/callback',
};

const email = ( prefix: string ) => `${ uniqueName( prefix ) }@gmail.example`;

/** Signs in through the provider and exchanges the code: the tokens and the session cookie. */
async function federatedTokens(
	site: Site,
	provider: string,
	person: { email: string; name?: string; verified?: boolean }
) {
	const { callback, cookie, verifier } = await viaProvider(
		site,
		provider,
		person
	);
	expect( callback.origin + callback.pathname ).toBe( site.redirect );
	expect( callback.searchParams.get( 'state' ) ).toBe( 'st-fed' );
	const tokens = await exchange(
		site,
		callback.searchParams.get( 'code' )!,
		verifier
	);
	return {
		tokens,
		cookie,
		id: await verifiedIdToken( tokens.id_token!, site.clientId ),
	};
}

describe( 'federated sign-in (simulated identity providers)', () => {
	it( 'signs in through Google: the provider page, a Google_ user with identities, tokens, userInfo, GetUser, refresh', async () => {
		const address = email( 'gina' );
		const { callback, html } = await viaProvider( A, 'Google', {
			email: address,
			name: 'Gina Federated',
			verified: true,
		} );
		expect( html ).toContain(
			'<title>Sign in with Google (simulated provider)</title>'
		);
		expect( html ).toMatch( /name="email_verified"[^>]* checked/ );
		expect( callback.searchParams.get( 'code' ) ).toBeTruthy();

		const { tokens, id } = await federatedTokens( A, 'Google', {
			email: address,
			name: 'Gina Federated',
			verified: true,
		} );
		const username = String( id[ 'cognito:username' ] );
		expect( username ).toMatch( /^Google_1\d{20}$/ );
		expect( id ).toMatchObject( {
			email: address,
			email_verified: true,
			name: 'Gina Federated',
			'cognito:groups': [ `${ POOL_ID }_Google` ],
			identities: [
				{
					userId: username.slice( 'Google_'.length ),
					providerName: 'Google',
					providerType: 'Google',
					issuer: null,
					primary: 'true',
					dateCreated: expect.stringMatching( /^\d{13}$/ ),
				},
			],
		} );
		expect( claimsOf( tokens.access_token! ) ).toMatchObject( {
			username,
			sub: id.sub,
			'cognito:groups': [ `${ POOL_ID }_Google` ],
		} );

		// userInfo gives `identities` as the stored JSON text, like every other attribute: a string.
		const info = await (
			await fetch( `${ emulatorUrl() }/oauth2/userInfo`, {
				headers: { Authorization: `Bearer ${ tokens.access_token }` },
			} )
		).json();
		expect( info ).toMatchObject( {
			sub: id.sub,
			username,
			email: address,
			email_verified: 'true',
		} );
		expect( JSON.parse( info.identities )[ 0 ] ).toMatchObject( {
			providerName: 'Google',
			primary: true,
			dateCreated: expect.any( Number ),
		} );

		const sdk = adminSdk();
		const admin = await sdk.send(
			new AdminGetUserCommand( {
				UserPoolId: POOL_ID,
				Username: username,
			} )
		);
		expect( admin.UserStatus ).toBe( 'EXTERNAL_PROVIDER' );
		expect(
			admin.UserAttributes?.find( ( a ) => a.Name === 'identities' )
				?.Value
		).toContain( '"providerName":"Google"' );

		const refreshed = await fetch( `${ emulatorUrl() }/oauth2/token`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams( {
				grant_type: 'refresh_token',
				client_id: A.clientId,
				refresh_token: tokens.refresh_token!,
			} ),
		} );
		const renewed = await refreshed.json();
		expect(
			( await verifiedIdToken( renewed.id_token, A.clientId ) ).identities
		).toEqual( id.identities );
	} );

	it( 'answers GetUser with an access token that has the admin scope, and refuses the federated user a password sign-in', async () => {
		const address = email( 'gus' );
		const { verifier, challenge } = pkce();
		const start = await get(
			authorizeUrl( A, challenge, {
				identity_provider: 'Google',
				scope: 'openid email aws.cognito.signin.user.admin',
			} )
		);
		const form = new URLSearchParams( {
			state: start.location!.searchParams.get( 'state' )!,
			email: address,
			email_verified: 'true',
			action: 'continue',
		} );
		const answer = await fetch( start.location!, {
			method: 'POST',
			redirect: 'manual',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: form,
		} );
		const back = await get( answer.headers.get( 'location' )! );
		const tokens = await exchange(
			A,
			back.location!.searchParams.get( 'code' )!,
			verifier
		);
		const sdk = adminSdk();
		const me = await sdk.send(
			new GetUserCommand( { AccessToken: tokens.access_token } )
		);
		expect( me.Username ).toMatch( /^Google_\d{21}$/ );
		expect(
			me.UserAttributes?.find( ( a ) => a.Name === 'email' )?.Value
		).toBe( address );

		const password = await failure(
			sdk.send(
				new InitiateAuthCommand( {
					ClientId: LEGACY_CLIENT_ID,
					AuthFlow: 'USER_PASSWORD_AUTH',
					AuthParameters: {
						USERNAME: me.Username!,
						PASSWORD: 'Any-Passw0rd!',
					},
				} )
			)
		);
		expect( password ).toMatchObject( {
			name: 'NotAuthorizedException',
			message: 'User is not authorized to get auth details.',
		} );
		const srp = await failure(
			signIn( me.Username!, 'Any-Passw0rd!', userPool() )
		);
		expect( srp ).toMatchObject( {
			code: 'NotAuthorizedException',
			message: 'User is not authorized to get auth details.',
		} );
	} );

	it( 'brings the same email back as the same user, and another email as another', async () => {
		const address = email( 'sam' );
		const first = await federatedTokens( A, 'Google', { email: address } );
		const again = await federatedTokens( B, 'Google', {
			email: address.toUpperCase(),
			name: 'Sam Renamed',
		} );
		expect( again.id.sub ).toBe( first.id.sub );
		expect( again.id[ 'cognito:username' ] ).toBe(
			first.id[ 'cognito:username' ]
		);
		// The provider's attributes are copied again at every sign-in.
		expect( again.id.name ).toBe( 'Sam Renamed' );
		expect( again.id.email_verified ).toBe( false );
		const other = await federatedTokens( A, 'Google', {
			email: email( 'sam' ),
		} );
		expect( other.id.sub ).not.toBe( first.id.sub );
	} );

	it( 'signs in through a SAML provider: <Name>_<NameID>, an issuer, an unverified address unless the provider says so', async () => {
		const address = email( 'sally' );
		const { id, html } = await ( async () => {
			const page = await viaProvider( A, 'CorpSAML', { email: address } );
			const tokens = await exchange(
				A,
				page.callback.searchParams.get( 'code' )!,
				page.verifier
			);
			return {
				html: page.html,
				id: await verifiedIdToken( tokens.id_token!, A.clientId ),
			};
		} )();
		expect( html ).toContain(
			'Sign in with CorpSAML (simulated SAML provider)'
		);
		expect( id[ 'cognito:username' ] ).toBe( `CorpSAML_${ address }` );
		expect( id.email_verified ).toBe( false );
		expect( id.identities ).toEqual( [
			expect.objectContaining( {
				userId: address,
				providerName: 'CorpSAML',
				providerType: 'SAML',
				issuer: `${ emulatorUrl() }/_emulator/idp/CorpSAML`,
			} ),
		] );
	} );

	it( 'returns Cancel to the app as access_denied with its state', async () => {
		const { callback, cookie } = await viaProvider(
			A,
			'Google',
			'cancel',
			'cancel-state'
		);
		expect( callback.origin + callback.pathname ).toBe( A.redirect );
		expect( Object.fromEntries( callback.searchParams ) ).toEqual( {
			error: 'access_denied',
			error_description: 'The user cancelled the sign-in at Google.',
			state: 'cancel-state',
		} );
		expect( cookie ).toBe( '' );
	} );

	it( 'refuses a provider the app client does not support, and shows the client its own providers on the sign-in page', async () => {
		for ( const [ site, provider ] of [
			[ A, 'Facebook' ],
			[ C, 'Google' ],
			[ C, 'CorpSAML' ],
		] as const ) {
			const refused = await get(
				authorizeUrl(
					site,
					pkce().challenge,
					{ identity_provider: provider },
					'u-state'
				)
			);
			expect( refused.status, provider ).toBe( 302 );
			expect(
				refused.location!.origin + refused.location!.pathname
			).toBe( site.redirect );
			expect(
				Object.fromEntries( refused.location!.searchParams )
			).toEqual( { error: 'invalid_request', state: 'u-state' } );
		}
		const pageA = await get( authorizeUrl( A, pkce().challenge ) );
		const htmlA = await pageA.res.text();
		expect( htmlA ).toContain( 'Continue with Google' );
		expect( htmlA ).toContain( 'Continue with CorpSAML' );
		expect( htmlA ).toContain( 'identity_provider=Google' );
		expect( htmlA ).toContain( 'name="password"' );
		const htmlC = await (
			await get( authorizeUrl( C, pkce().challenge ) )
		).res.text();
		expect( htmlC ).not.toContain( 'Continue with' );
		expect( htmlC ).toContain( 'name="password"' );
	} );

	it( 'signs a second client in from the federated session cookie, and shows the provider page again after /logout', async () => {
		const { cookie, id } = await federatedTokens( A, 'Google', {
			email: email( 'sso' ),
			verified: true,
		} );
		expect( cookie ).toMatch( /^cognito_emulator_\w+=.+/ );

		// Site B, with or without naming Google: no page, a code for B.
		for ( const extra of [ { identity_provider: 'Google' }, {} ] as Array<
			Record< string, string >
		> ) {
			const { verifier, challenge } = pkce();
			const silent = await get(
				authorizeUrl( B, challenge, extra, 'b-state' ),
				cookie
			);
			expect( silent.status ).toBe( 302 );
			expect( silent.location!.origin + silent.location!.pathname ).toBe(
				B.redirect
			);
			expect( silent.location!.searchParams.get( 'state' ) ).toBe(
				'b-state'
			);
			const tokens = await exchange(
				B,
				silent.location!.searchParams.get( 'code' )!,
				verifier
			);
			const claims = await verifiedIdToken(
				tokens.id_token!,
				B.clientId
			);
			expect( claims.sub ).toBe( id.sub );
			expect( claims.aud ).toBe( B.clientId );
		}
		// Asking for the password page (another identity) does not reuse the Google session.
		const password = await get(
			authorizeUrl( A, pkce().challenge, {
				identity_provider: 'COGNITO',
			} ),
			cookie
		);
		expect( password.status ).toBe( 200 );
		// A client without Google does not take the Google session either.
		expect(
			( await get( authorizeUrl( C, pkce().challenge ), cookie ) ).status
		).toBe( 200 );

		const out = await get(
			`/logout?client_id=${ A.clientId }&logout_uri=${ encodeURIComponent( A.logout! ) }`,
			cookie
		);
		expect( out.status ).toBe( 302 );
		expect( out.res.headers.get( 'set-cookie' ) ).toContain( 'Max-Age=0' );
		const after = await get(
			authorizeUrl( A, pkce().challenge, {
				identity_provider: 'Google',
			} ),
			cookie
		);
		expect( after.status ).toBe( 302 );
		expect( after.location!.pathname ).toBe(
			'/_emulator/idp/Google/authorize'
		);
	} );

	it( 'refuses a forged or replayed return from the provider', async () => {
		const { challenge } = pkce();
		const start = await get(
			authorizeUrl(
				A,
				challenge,
				{ identity_provider: 'Google' },
				'f-state'
			)
		);
		const state = start.location!.searchParams.get( 'state' )!;
		const forged = await get(
			`/oauth2/idpresponse?${ new URLSearchParams( { state, code: 'made-up' } ) }`
		);
		expect(
			Object.fromEntries( forged.location!.searchParams )
		).toMatchObject( { error: 'invalid_request', state: 'f-state' } );
		expect(
			( await get( '/oauth2/idpresponse?state=garbage&code=x' ) ).status
		).toBe( 400 );
		expect(
			(
				await get(
					`/_emulator/idp/Facebook/authorize?${ new URLSearchParams( { state } ) }`
				)
			).status
		).toBe( 400 );
	} );
} );
