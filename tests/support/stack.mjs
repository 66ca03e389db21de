/**
 * The test stack: a private MariaDB, the Cognito emulator (when present) and a freshly installed WordPress with
 * the plugin active, each on a free 127.0.0.1 port. Used by tests/run.mjs for the PHP integration and end-to-end
 * suites, and by Playwright's global setup when the e2e suite is run on its own.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { startMariaDb } from '../../dev/lib/mariadb.mjs';
import { freePort } from '../../dev/lib/processes.mjs';
import { demoPassword } from '../../dev/lib/demo.mjs';
import {
	prepareWordPress,
	serveWordPress,
	PROJECT_ROOT,
} from '../../dev/wordpress/wordpress.mjs';
import { emulatorAvailable, startTestEmulator } from './emulator.mjs';
import { testPages } from './pages.mjs';

export const STACK_DIR = path.join( PROJECT_ROOT, '.dev/test' );

/**
 * @return {Promise<{ env: Record<string,string>, stop: () => Promise<void> }>}
 */
export async function startTestStack( { log = () => {} } = {} ) {
	const stops = [];
	const stop = async () => {
		for ( const fn of stops.reverse() ) {
			await fn().catch( () => {} );
		}
	};
	try {
		log( 'starting MariaDB' );
		const mariadb = await startMariaDb( {
			dataDir: path.join( STACK_DIR, 'mariadb' ),
			database: 'wordpress_test',
		} );
		stops.push( mariadb.stop );
		const { stop: stopDb, ...db } = mariadb;

		let emulator = null;
		if ( emulatorAvailable() ) {
			log( 'starting the Cognito emulator' );
			emulator = await startTestEmulator( {
				dataDir: path.join( STACK_DIR, 'cognito-emulator' ),
			} );
			stops.push( emulator.stop );
		}

		const port = await freePort();
		const url = `http://127.0.0.1:${ port }`;
		const dir = path.join( STACK_DIR, 'wordpress' );
		const admin = {
			user: 'admin',
			password: demoPassword(),
			email: 'admin@example.test',
		};
		log( 'installing WordPress on MariaDB' );
		await prepareWordPress( {
			dir,
			url,
			db,
			fresh: true,
			admin,
			settings: emulator?.settings ?? null,
			pages: testPages(),
			debugLog: path.join( STACK_DIR, 'debug.log' ),
		} );
		log( `serving WordPress at ${ url }` );
		const server = await serveWordPress( { dir, port } );
		stops.push( server.stop );

		const env = {
			WP_URL: url,
			WP_ROOT: dir,
			WP_ADMIN_USER: admin.user,
			WP_ADMIN_PASSWORD: admin.password,
			WP_DEBUG_LOG: path.join( STACK_DIR, 'debug.log' ),
			DB_HOST: `${ db.host }:${ db.port }`,
			DB_NAME: db.name,
			DB_USER: db.user,
			DB_PASSWORD: db.password,
			...( emulator ? emulator.env : {} ),
		};
		mkdirSync( STACK_DIR, { recursive: true } );
		writeFileSync(
			path.join( STACK_DIR, 'stack.json' ),
			JSON.stringify( env, null, '\t' )
		);
		return { env, stop };
	} catch ( error ) {
		await stop();
		throw error;
	}
}
