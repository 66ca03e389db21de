/**
 * The emulator for the test stack: a fresh pool with one user per situation the end-to-end tests cover. The
 * passwords and TOTP secret are generated per run and handed to the tests in COGNITO_TEST_USERS (JSON).
 */
import { rmSync } from 'node:fs';
import { freePort } from '../../dev/lib/processes.mjs';
import { demoPassword, base32Secret } from '../../dev/lib/demo.mjs';
import {
	runEmulator,
	emulatorAvailable,
	REGION,
} from '../../dev/lib/emulator.mjs';

export { emulatorAvailable };

export function testUsers() {
	const user = ( name, extra = {} ) => ( {
		username: `${ name }@example.test`,
		email: `${ name }@example.test`,
		password: demoPassword(),
		...extra,
	} );
	return {
		confirmed: user( 'confirmed', {
			attributes: { given_name: 'Casey', family_name: 'Confirmed' },
		} ),
		editor: user( 'editor', { groups: [ 'editors' ] } ),
		totp: user( 'totp', { totpSecret: base32Secret() } ),
		sms: user( 'sms', { smsMfa: true, phone: '+15555550101' } ),
		chooseMfa: user( 'choose-mfa', {
			smsMfa: true,
			phone: '+15555550102',
			totpSecret: base32Secret(),
		} ),
		forceChange: user( 'force-change', {
			status: 'force-change-password',
		} ),
		unconfirmed: user( 'unconfirmed', { status: 'unconfirmed' } ),
		reset: user( 'reset' ),
	};
}

/**
 * @param {Object}   options
 * @param {string}   options.dataDir        Data folder (emptied first).
 * @param {string[]} options.allowedOrigins The test sites' origins: the only pages that may call it from a browser.
 *                                          Each one's single sign-on callback and sign-out URLs are the app client's.
 */
export async function startTestEmulator( { dataDir, allowedOrigins = [] } ) {
	rmSync( dataDir, { recursive: true, force: true } );
	const users = testUsers();
	const seed = {
		pool: {
			id: `${ REGION }_TestPool1`,
			name: 'cognito-blocks-test',
			// Simulated external providers (a social one and a company's SAML one) behind the hosted UI.
			identityProviders: [
				{ name: 'Google', type: 'Google' },
				{ name: 'CorpSAML', type: 'SAML' },
			],
		},
		// One app client for every site: each site adds its own callback and sign-out URL, nothing else.
		client: {
			id: 'cognitoblockstestclient001',
			name: 'WordPress (tests)',
			callbackUrls: allowedOrigins.map(
				( origin ) =>
					`${ origin }/wp-login.php?action=cognito-blocks-sso`
			),
			logoutUrls: allowedOrigins.map(
				( origin ) => `${ origin }/wp-login.php?loggedout=true`
			),
		},
		groups: [ { name: 'editors' } ],
		users: Object.values( users ).map( ( u ) => ( {
			username: u.username,
			password: u.password,
			status: u.status ?? 'confirmed',
			...( u.totpSecret ? { totpSecret: u.totpSecret } : {} ),
			...( u.smsMfa ? { smsMfa: true } : {} ),
			groups: u.groups ?? [],
			attributes: {
				email: u.email,
				email_verified: true,
				...( u.phone
					? { phone_number: u.phone, phone_number_verified: true }
					: {} ),
				...( u.attributes ?? {} ),
			},
		} ) ),
	};
	const port = await freePort();
	const emulator = await runEmulator( {
		port,
		dataDir,
		seed,
		allowedOrigins,
	} );
	return {
		...emulator,
		settings: {
			...emulator.settings,
			hosted_ui_domain: emulator.url,
			sso_providers: [
				{ provider: 'COGNITO', label: '' },
				{ provider: 'Google', label: '' },
				{ provider: 'CorpSAML', label: 'Continue with Corp SSO' },
			],
		},
		env: {
			EMULATOR_URL: emulator.url,
			EMULATOR_PORT: String( port ),
			EMULATOR_DATA: dataDir,
			// For tests that restart it (outage tests): the same pages may call it.
			EMULATOR_ALLOWED_ORIGINS: allowedOrigins.join( ' ' ),
			COGNITO_POOL_ID: seed.pool.id,
			COGNITO_CLIENT_ID: seed.client.id,
			COGNITO_REGION: REGION,
			COGNITO_TEST_USERS: JSON.stringify( users ),
		},
	};
}
