/**
 * The test stack: a private MariaDB, the Cognito emulator (when present) and a freshly installed WordPress with
 * the plugin active, each on a free 127.0.0.1 port. Used by tests/run.mjs for the PHP integration and end-to-end
 * suites, and by Playwright's global setup when the e2e suite is run on its own.
 */
import { writeFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startMariaDb } from '../../dev/lib/mariadb.mjs';
import { freePort, UserFacingError } from '../../dev/lib/processes.mjs';
import { demoPassword } from '../../dev/lib/demo.mjs';
import {
	prepareWordPress,
	serveWordPress,
	PROJECT_ROOT,
} from '../../dev/wordpress/wordpress.mjs';
import { chosenSources, sourcesEnv } from '../../dev/wordpress/sources.mjs';
import {
	enableRedisObjectCache,
	disableRedisObjectCache,
	redisCacheUnavailable,
} from '../../dev/wordpress/object-cache.mjs';
import { startRedis, redisUnavailable } from '../../dev/lib/redis.mjs';
import { emulatorAvailable, startTestEmulator } from './emulator.mjs';
import { siteBPages, testPages } from './pages.mjs';

/** Where `npm test`'s stack lives; other users (the benchmarks) pass their own name. */
export const STACK_DIR = path.join( PROJECT_ROOT, '.dev/test' );

/** Stops the process group whose leader is recorded in `file`, if it still runs. */
async function stopGroupFromFile( file ) {
	let pid = 0;
	try {
		pid = Number( readFileSync( file, 'utf8' ) );
	} catch {
		return;
	}
	if ( ! pid || ! isAlive( pid ) ) {
		return;
	}
	try {
		process.kill( -pid, 'SIGTERM' );
	} catch {
		return;
	}
	for ( let waited = 0; waited < 5000 && isAlive( pid ); waited += 100 ) {
		await new Promise( ( resolve ) => setTimeout( resolve, 100 ) );
	}
	if ( isAlive( pid ) ) {
		try {
			process.kill( -pid, 'SIGKILL' );
		} catch {}
	}
}

function isAlive( pid ) {
	try {
		process.kill( pid, 0 );
		return true;
	} catch ( error ) {
		return error.code === 'EPERM';
	}
}

/**
 * Takes the stack folder for this process. Starting a stack wipes its folder, so a second run from the same
 * checkout (say `npm run bench` during `npm test`) must stop here rather than pull the site from under the first.
 */
function lockStackDir( dir ) {
	mkdirSync( dir, { recursive: true } );
	const lock = path.join( dir, 'stack.lock' );
	for ( let attempt = 0; attempt < 2; attempt++ ) {
		try {
			writeFileSync( lock, String( process.pid ), { flag: 'wx' } );
			return () => rmSync( lock, { force: true } );
		} catch ( error ) {
			if ( error.code !== 'EEXIST' ) {
				throw error;
			}
			const owner = Number( readFileSync( lock, 'utf8' ) );
			if ( owner && isAlive( owner ) ) {
				throw new UserFacingError(
					`${ path.relative( PROJECT_ROOT, dir ) } is in use by another test stack (process ${ owner }). Wait for it to finish.`
				);
			}
			rmSync( lock, { force: true } ); // left behind by a run that was killed
		}
	}
	throw new UserFacingError( `Could not lock ${ dir }.` );
}

/**
 * @param {Object}    options
 * @param {string=}   options.name    Folder under .dev/ (default "test").
 * @param {Function=} options.log     Progress lines.
 * @param {Object=}   options.sources WordPress and extra plugins (chosenSources()); default: as the environment says.
 * @return {Promise<{ env: Record<string,string>, version: string, stop: () => Promise<void>, objectCache: { redis: () => Promise<{ env?: Record<string,string>, unavailable?: string }>, off: () => Promise<void> } }>}
 */
export async function startTestStack( {
	name = 'test',
	log = () => {},
	sources = chosenSources(),
} = {} ) {
	const stackDir = path.join( PROJECT_ROOT, '.dev', name );
	const unlock = lockStackDir( stackDir );
	const stops = [ async () => unlock() ];
	const stop = async () => {
		for ( const fn of stops.reverse() ) {
			await fn().catch( () => {} );
		}
	};
	try {
		log( 'starting MariaDB' );
		const mariadb = await startMariaDb( {
			dataDir: path.join( stackDir, 'mariadb' ),
			database: 'wordpress_test',
		} );
		stops.push( mariadb.stop );
		const { stop: stopDb, ...db } = mariadb;

		// WordPress's address first: it is the one origin whose pages may call the emulator from a browser.
		const port = await freePort();
		const url = `http://127.0.0.1:${ port }`;
		// And the second site's (below), which shares the pool and its app client.
		const siteBPort = await freePort();
		const siteBUrl = `http://127.0.0.1:${ siteBPort }`;
		let emulator = null;
		if ( emulatorAvailable() ) {
			log( 'starting the Cognito emulator' );
			emulator = await startTestEmulator( {
				dataDir: path.join( stackDir, 'cognito-emulator' ),
				allowedOrigins: [ url, siteBUrl ],
			} );
			stops.push( emulator.stop );
			// Tests that stop and restart the emulator (outage tests) record the process group of the instance
			// they started here, so the stack still stops whichever instance is running at the end.
			const pidFile = path.join( stackDir, 'emulator.pid' );
			writeFileSync( pidFile, String( emulator.pid ) );
			emulator.env.EMULATOR_PID_FILE = pidFile;
			stops.push( async () => stopGroupFromFile( pidFile ) );
		}

		const dir = path.join( stackDir, 'wordpress' );
		const admin = {
			user: 'admin',
			password: demoPassword(),
			email: 'admin@example.test',
		};
		log(
			`installing WordPress (${
				sources.wordpress
					? path.basename( sources.wordpress.path )
					: 'npm build'
			}${ sources.plugins
				.map( ( plugin ) => ` + ${ path.basename( plugin.path ) }` )
				.join( '' ) }) on MariaDB`
		);
		const site = await prepareWordPress( {
			...sources,
			dir,
			url,
			db,
			fresh: true,
			admin,
			settings: emulator?.settings ?? null,
			// "Anyone can register", so first sign-ins create accounts under the default creation policy (follow).
			options: { users_can_register: 1 },
			pages: testPages(),
			debugLog: path.join( stackDir, 'debug.log' ),
		} );
		log( `serving WordPress at ${ url }` );
		const server = await serveWordPress( { dir, port } );
		stops.push( server.stop );
		// A second web node: its own PHP server process on its own port, the same files and database, as when a
		// site runs on several servers. Tests send it requests meant for the site (its Origin is the first URL).
		const portB = await freePort();
		log( `serving a second web node at http://127.0.0.1:${ portB }` );
		const nodeB = await serveWordPress( { dir, port: portB, workers: 2 } );
		stops.push( nodeB.stop );

		// A second site on the same pool (its own tables in the same database, its own server), as when several
		// WordPress sites share one user pool: what one site's user does in Cognito must reach the other.
		const siteBDir = path.join( stackDir, 'wordpress-site-b' );
		log( `installing a second site on the same pool at ${ siteBUrl }` );
		await prepareWordPress( {
			...sources,
			dir: siteBDir,
			url: siteBUrl,
			db: { ...db, tablePrefix: 'siteb_' },
			fresh: true,
			admin,
			settings: emulator?.settings ?? null,
			options: { users_can_register: 1 },
			pages: siteBPages(),
			debugLog: path.join( stackDir, 'debug-site-b.log' ),
		} );
		const siteB = await serveWordPress( {
			dir: siteBDir,
			port: siteBPort,
		} );
		stops.push( siteB.stop );

		const env = {
			WP_URL: url,
			WP_URL_B: nodeB.url,
			WP_SITE_B_URL: siteB.url,
			WP_SITE_B_TABLE_PREFIX: 'siteb_',
			WP_ROOT: dir,
			WP_VERSION: site.version,
			...sourcesEnv( sources ),
			WP_ADMIN_USER: admin.user,
			WP_ADMIN_PASSWORD: admin.password,
			WP_DEBUG_LOG: path.join( stackDir, 'debug.log' ),
			DB_HOST: `${ db.host }:${ db.port }`,
			DB_NAME: db.name,
			DB_USER: db.user,
			DB_PASSWORD: db.password,
			...( emulator ? emulator.env : {} ),
		};
		mkdirSync( stackDir, { recursive: true } );
		writeFileSync(
			path.join( stackDir, 'stack.json' ),
			JSON.stringify( env, null, '\t' )
		);

		// A persistent object cache shared by both nodes, switched on for the suites that ask for it: a private
		// Redis (started on first use) and the Redis Object Cache drop-in. Tests that stop and restart Redis (an
		// outage) record the instance they started in the pid file, so the stack stops whichever one runs.
		const redisPidFile = path.join( stackDir, 'redis.pid' );
		let redis = null;
		const objectCache = {
			async redis() {
				const unavailable =
					redisUnavailable() ?? redisCacheUnavailable();
				if ( unavailable ) {
					return { unavailable };
				}
				if ( ! redis ) {
					log( 'starting Redis' );
					const dataDir = path.join( stackDir, 'redis' );
					redis = await startRedis( { dataDir } );
					redis.dataDir = dataDir;
					writeFileSync( redisPidFile, String( redis.pid ) );
					stops.push( redis.stop );
					stops.push( async () => stopGroupFromFile( redisPidFile ) );
				}
				await enableRedisObjectCache( {
					dir,
					redis,
					prefix: `cognito_blocks_${ name }_`,
				} );
				return {
					env: {
						COGNITO_BLOCKS_OBJECT_CACHE: 'redis',
						REDIS_PORT: String( redis.port ),
						REDIS_DATA_DIR: redis.dataDir,
						REDIS_PID_FILE: redisPidFile,
					},
				};
			},
			async off() {
				disableRedisObjectCache( { dir } );
			},
		};
		return { env, version: site.version, stop, objectCache };
	} catch ( error ) {
		await stop();
		throw error;
	}
}
