/**
 * Runs dev/cognito-emulator as a child process (own process group) for `npm start` and the test stack.
 */
import { existsSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../wordpress/wordpress.mjs';
import { startGroup, waitFor, UserFacingError } from './processes.mjs';

const CLI = path.join( PROJECT_ROOT, 'dev/cognito-emulator/src/cli.ts' );
export const REGION = 'us-east-1';

/**
 * The custom attributes the plugin's examples, demo pages and tests write (`custom:team` in the attribute map and
 * the settings page's example, `custom:company` in the register form's). Cognito refuses attributes a pool's
 * schema lacks, so every pool these stacks seed declares them, unless its seed lists its own.
 */
export const CUSTOM_ATTRIBUTES = [ 'team', 'company' ];

export function emulatorAvailable() {
	return existsSync( CLI );
}

/**
 * Starts the emulator CLI with a seed and waits until it answers.
 *
 * @return {Promise<{ url: string, stop: () => Promise<void>, settings: object }>} settings: the plugin's
 *         cognito_blocks_settings pointing at this emulator.
 */
export async function runEmulator( {
	port,
	dataDir,
	seed,
	fresh = false,
	echo = false,
	allowedOrigins = [],
} ) {
	if ( fresh ) {
		rmSync( dataDir, { recursive: true, force: true } );
	}
	mkdirSync( dataDir, { recursive: true } );
	const seedFile = path.join( dataDir, 'seed.json' );
	const declared = {
		...seed,
		pool: { customAttributes: CUSTOM_ATTRIBUTES, ...seed.pool },
	};
	writeFileSync( seedFile, JSON.stringify( declared, null, '\t' ), {
		mode: 0o600,
	} );
	const emulator = startGroup(
		process.execPath,
		[
			'--import',
			'tsx',
			CLI,
			'--port',
			String( port ),
			'--data',
			dataDir,
			'--seed',
			seedFile,
			...allowedOrigins.flatMap( ( origin ) => [
				'--allow-origin',
				origin,
			] ),
		],
		{ cwd: PROJECT_ROOT, name: 'cognito emulator', echo }
	);
	const url = `http://127.0.0.1:${ port }`;
	try {
		await waitFor(
			async () => {
				if ( emulator.child.exitCode !== null ) {
					throw new UserFacingError(
						`The Cognito emulator exited:\n${ emulator.output() }`
					);
				}
				return ( await fetch( `${ url }/_emulator/health` ) ).ok;
			},
			{ timeout: 30000, what: 'the Cognito emulator' }
		);
	} catch ( error ) {
		await emulator.stop();
		throw error;
	}
	return {
		url,
		pid: emulator.child.pid,
		stop: emulator.stop,
		output: emulator.output,
		settings: {
			user_pool_id: seed.pool.id,
			client_id: seed.client.id,
			region: REGION,
			endpoint: url,
		},
	};
}

/** The demo pool `npm start` seeds; users come from the generated demo credentials. */
export function demoSeed( credentials ) {
	return {
		pool: {
			id: `${ REGION }_DemoPool1`,
			name: 'cognito-blocks-demo',
			customAttributes: CUSTOM_ATTRIBUTES,
			// A new email or phone number takes effect at once, unverified (Cognito's default).
			attributeUpdateSettings: {
				attributesRequireVerificationBeforeUpdate: [],
			},
		},
		client: { id: 'cognitoblocksdemoclient001', name: 'WordPress (demo)' },
		groups: [
			{
				name: 'editors',
				description: 'Maps to the WordPress editor role',
			},
		],
		users: credentials.users.map( ( user ) => ( {
			username: user.username,
			password: user.password,
			status: user.status ?? 'confirmed',
			...( user.totpSecret ? { totpSecret: user.totpSecret } : {} ),
			groups: user.groups ?? [],
			attributes: {
				email: user.email,
				email_verified: true,
				...( user.attributes ?? {} ),
			},
		} ) ),
	};
}

/**
 * @param {Object}   options
 * @param {number}   options.port           Emulator port.
 * @param {Object}   options.credentials    Demo users.
 * @param {boolean}  options.fresh          Start from an empty data folder.
 * @param {string[]} options.allowedOrigins The site's origins: the only pages that may call it from a browser.
 */
export function startDemoEmulator( {
	port,
	credentials,
	fresh,
	allowedOrigins = [],
} ) {
	return runEmulator( {
		port,
		dataDir: path.join( PROJECT_ROOT, '.dev/cognito-emulator' ),
		seed: demoSeed( credentials ),
		fresh,
		echo: true,
		allowedOrigins,
	} );
}
