/**
 * A persistent object cache for a site: the Redis Object Cache drop-in (its `includes/object-cache.php`, taken from
 * the plugin's release archive) as wp-content/object-cache.php, and its WP_REDIS_* constants in wp-config.php, as a
 * site owner sets it up. Every web node serving the folder then shares one Redis.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { run } from '../lib/processes.mjs';
import { PROJECT_ROOT } from './wordpress.mjs';

const BEGIN = '// BEGIN persistent object cache (Redis)';
const END = '// END persistent object cache (Redis)';
const DROP_IN = 'redis-cache/includes/object-cache.php';

/** The Redis Object Cache archive among the third-party fixtures (see ../shared/fixtures/README.md). */
export function redisCacheArchive() {
	const folder =
		process.env.COGNITO_BLOCKS_FIXTURES ??
		path.join( PROJECT_ROOT, '../shared/fixtures' );
	return path.resolve( folder, 'redis-cache-2.6.3.tar.gz' );
}

/** Why the drop-in cannot be installed here, or null. */
export function redisCacheUnavailable( archive = redisCacheArchive() ) {
	return existsSync( archive )
		? null
		: `the Redis Object Cache archive ${ path.relative( process.cwd(), archive ) } is missing (set COGNITO_BLOCKS_FIXTURES to the folder holding redis-cache-2.6.3.tar.gz)`;
}

/** wp-config.php without the object cache block. */
function withoutBlock( config ) {
	const start = config.indexOf( BEGIN );
	const end = config.indexOf( END );
	return start === -1 || end === -1
		? config
		: config.slice( 0, start ) + config.slice( end + END.length + 1 );
}

/**
 * Installs the drop-in and points it at Redis.
 *
 * @param {Object}                       options
 * @param {string}                       options.dir     WordPress folder.
 * @param {{host: string, port: number}} options.redis   Server.
 * @param {string}                       options.prefix  Key prefix of this site (WP_REDIS_PREFIX).
 * @param {string=}                      options.archive redis-cache release archive.
 */
export async function enableRedisObjectCache( {
	dir,
	redis,
	prefix,
	archive = redisCacheArchive(),
} ) {
	const dropIn = await run( 'tar', [ '-xzOf', archive, DROP_IN ] );
	const configFile = path.join( dir, 'wp-config.php' );
	const config = withoutBlock( readFileSync( configFile, 'utf8' ) );
	const constants = [
		BEGIN,
		`define( 'WP_REDIS_HOST', '${ redis.host }' );`,
		`define( 'WP_REDIS_PORT', ${ Number( redis.port ) } );`,
		`define( 'WP_REDIS_PREFIX', '${ prefix.replace( /[^a-z0-9_-]/gi, '' ) }' );`,
		"define( 'WP_REDIS_TIMEOUT', 1 );",
		"define( 'WP_REDIS_READ_TIMEOUT', 1 );",
		// Keep serving the site when Redis is unreachable (each request then caches in its own memory only),
		// as sites that would rather degrade than fail do; the plugin must stay safe in that mode too.
		"define( 'WP_REDIS_GRACEFUL', true );",
		END,
		'',
	].join( '\n' );
	// Before ABSPATH is defined, like any setting a site owner adds "above the line".
	const at = config.indexOf( "if ( ! defined( 'ABSPATH' ) )" );
	writeFileSync(
		configFile,
		at === -1
			? config + constants
			: config.slice( 0, at ) + constants + config.slice( at )
	);
	writeFileSync( path.join( dir, 'wp-content/object-cache.php' ), dropIn );
}

/** Removes the drop-in and its constants: the site is back on the database alone. */
export function disableRedisObjectCache( { dir } ) {
	rmSync( path.join( dir, 'wp-content/object-cache.php' ), { force: true } );
	const configFile = path.join( dir, 'wp-config.php' );
	writeFileSync(
		configFile,
		withoutBlock( readFileSync( configFile, 'utf8' ) )
	);
}
