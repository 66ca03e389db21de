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
		users: [
			{
				username: 'demo@example.test',
				email: 'demo@example.test',
				password: demoPassword(),
				note: 'confirmed',
			},
		],
	};
	mkdirSync( path.dirname( FILE ), { recursive: true } );
	writeFileSync( FILE, JSON.stringify( credentials, null, '\t' ), {
		mode: 0o600,
	} );
	return credentials;
}
