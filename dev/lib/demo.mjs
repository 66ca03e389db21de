/**
 * Demo logins for the local stack, generated on first start (nothing secret lives in the repository) and kept in
 * .dev/demo-credentials.json so the printed passwords stay valid across restarts.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes, randomInt } from 'node:crypto';
import path from 'node:path';
import { PROJECT_ROOT } from '../wordpress/wordpress.mjs';

const FILE = path.join( PROJECT_ROOT, '.dev/demo-credentials.json' );

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
			note: 'in the "editors" group',
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
