/** The shared seed: one pool with fixed ids, clients for each behaviour under test, and a few users. */
import type { SeedObject } from '../../dev/cognito-emulator/src/index';

export const POOL_ID = 'us-east-1_Conform01';
export const CLIENT_ID = 'conformanceclient000000001'; // PreventUserExistenceErrors ENABLED, SRP only
export const LEGACY_CLIENT_ID = 'conformanceclient000000002'; // LEGACY, USER_PASSWORD_AUTH allowed
export const WEB_CLIENT_ID = 'conformanceclient000000003'; // hosted UI, site A
export const OTHER_WEB_CLIENT_ID = 'conformanceclient000000004'; // hosted UI, site B
export const PASSWORD_ONLY_CLIENT_ID = 'conformanceclient000000005'; // hosted UI, site C: no federation
export const PASSWORD = 'Corr3ct-Horse!';
export const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export const SEED: SeedObject = {
	pool: {
		id: POOL_ID,
		name: 'conformance',
		mfa: 'OPTIONAL',
		customAttributes: [ 'team' ],
		// Sites A and B support both (the default: COGNITO and every provider of the pool); site C neither.
		identityProviders: [
			{ name: 'Google', type: 'Google' },
			{ name: 'CorpSAML', type: 'SAML' },
		],
	},
	clients: [
		{ id: CLIENT_ID, name: 'spa' },
		{
			id: LEGACY_CLIENT_ID,
			name: 'legacy',
			preventUserExistenceErrors: 'LEGACY',
			explicitAuthFlows: [
				'ALLOW_USER_SRP_AUTH',
				'ALLOW_USER_PASSWORD_AUTH',
				'ALLOW_REFRESH_TOKEN_AUTH',
			],
		},
		{
			id: WEB_CLIENT_ID,
			name: 'site-a',
			callbackUrls: [ 'http://127.0.0.1:1/a/callback' ],
			logoutUrls: [ 'http://127.0.0.1:1/a/signed-out' ],
		},
		{
			id: OTHER_WEB_CLIENT_ID,
			name: 'site-b',
			callbackUrls: [ 'http://127.0.0.1:1/b/callback' ],
			logoutUrls: [ 'http://127.0.0.1:1/b/signed-out' ],
		},
		{
			id: PASSWORD_ONLY_CLIENT_ID,
			name: 'site-c',
			callbackUrls: [ 'http://127.0.0.1:1/c/callback' ],
			identityProviders: [ 'COGNITO' ],
		},
	],
	groups: [ { name: 'editors', precedence: 1 } ],
	users: [
		{
			username: 'alice',
			password: PASSWORD,
			attributes: {
				email: 'alice@example.com',
				email_verified: true,
				'custom:team': 'blue',
			},
			groups: [ 'editors' ],
		},
		{
			username: 'bob',
			password: PASSWORD,
			attributes: { email: 'bob@example.com', email_verified: true },
		},
		{
			username: 'carol',
			password: PASSWORD,
			status: 'unconfirmed',
			attributes: { email: 'carol@example.com' },
		},
		{
			username: 'dave',
			password: PASSWORD,
			attributes: { email: 'dave@example.com', email_verified: true },
			totpSecret: TOTP_SECRET,
		},
		{
			username: 'erin',
			password: 'Temp-Passw0rd!',
			status: 'force-change-password',
			attributes: { email: 'erin@example.com', email_verified: true },
		},
	],
};
