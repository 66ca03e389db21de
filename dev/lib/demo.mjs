/**
 * Demo logins for the local stack, generated on first start (nothing secret lives in the repository) and kept in
 * .dev/demo-credentials.json so the printed passwords stay valid across restarts.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes, randomInt } from 'node:crypto';
import path from 'node:path';
import { PROJECT_ROOT } from '../wordpress/wordpress.mjs';

const FILE = path.join( PROJECT_ROOT, '.dev/demo-credentials.json' );

/**
 * Where the demo site's administrator signs in: wp-login.php's WordPress-password form (php/Login's password mode,
 * `cognito_blocks_password=1`). The plain /wp-admin/ leads to the Cognito form, which only pool users pass; the
 * administrator is a WordPress account with no Cognito link.
 */
export const ADMIN_SIGN_IN_PATH = '/wp-login.php?cognito_blocks_password=1';

/**
 * WordPress options of the demo site. "Anyone can register" is on, so the default creation policy (`follow`)
 * creates an account for each demo user at their first sign-in; with it off, they would be refused ("New accounts
 * are not created on this site").
 */
export const DEMO_SITE_OPTIONS = { users_can_register: 1 };

/** The demo pool's group → WordPress role map (the pool's `editors` group; see demoSeed() in emulator.mjs). */
export const DEMO_GROUP_ROLE_MAP = [ { group: 'editors', role: 'editor' } ];

/**
 * The demo sites' single sign-on buttons, in order: the hosted UI's own sign-in page (COGNITO) and the demo pool's
 * two identity providers (see DEMO_IDENTITY_PROVIDERS in emulator.mjs). An empty label keeps the plugin's
 * "Continue with …" wording.
 */
export const DEMO_SSO_PROVIDERS = [
	{ provider: 'COGNITO', label: '' },
	{ provider: 'Google', label: '' },
	{ provider: 'CorpSAML', label: 'Continue with Corp SSO' },
];

/**
 * The plugin settings (`cognito_blocks_settings`) of a demo site against the demo pool: its connection plus the
 * group → role map, so the demo user in `editors` becomes an Editor at first sign-in, and, when the pool has a
 * hosted UI (hosted_ui_domain, the emulator's URL), single sign-on buttons and hosted-UI sign-out.
 *
 * @param {Object} pool The pool connection (user_pool_id, client_id, region, endpoint, hosted_ui_domain?).
 */
export function demoSiteSettings( pool ) {
	return {
		...pool,
		group_role_map: DEMO_GROUP_ROLE_MAP,
		...( pool.hosted_ui_domain
			? { sso_providers: DEMO_SSO_PROVIDERS, hosted_ui_sign_out: true }
			: {} ),
	};
}

/** A password that satisfies Cognito's default policy (upper, lower, digit, symbol, 8+). */
export function demoPassword() {
	const words = [
		'Maple',
		'River',
		'Cobalt',
		'Harbor',
		'Falcon',
		'Meadow',
		'Copper',
		'Lantern',
	];
	return `${ words[ randomInt( words.length ) ] }-${ randomBytes( 3 ).toString( 'hex' ) }-${ randomInt( 10, 99 ) }!`;
}

/** A random RFC 4648 base32 TOTP secret (160 bits). */
export function base32Secret() {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
	return Array.from(
		randomBytes( 32 ),
		( byte ) => alphabet[ byte % 32 ]
	).join( '' );
}

function demoUsers() {
	const totpSecret = base32Secret();
	return [
		{
			username: 'demo@example.test',
			email: 'demo@example.test',
			password: demoPassword(),
			attributes: { given_name: 'Dana', family_name: 'Demo' },
			note: 'confirmed',
		},
		{
			username: 'editor@example.test',
			email: 'editor@example.test',
			password: demoPassword(),
			groups: [ 'editors' ],
			note: 'in the "editors" group: signs in as an Editor',
		},
		{
			username: 'mfa@example.test',
			email: 'mfa@example.test',
			password: demoPassword(),
			totpSecret,
			note: `TOTP; add secret ${ totpSecret } to an authenticator app`,
		},
		{
			username: 'new@example.test',
			email: 'new@example.test',
			password: demoPassword(),
			status: 'force-change-password',
			note: 'temporary password; asks for a new one',
		},
	];
}

export function loadDemoCredentials( fresh = false ) {
	if ( ! fresh && existsSync( FILE ) ) {
		return JSON.parse( readFileSync( FILE, 'utf8' ) );
	}
	const credentials = {
		admin: {
			user: 'admin',
			password: demoPassword(),
			email: 'admin@example.test',
		},
		users: demoUsers(),
	};
	mkdirSync( path.dirname( FILE ), { recursive: true } );
	writeFileSync( FILE, JSON.stringify( credentials, null, '\t' ), {
		mode: 0o600,
	} );
	return credentials;
}
