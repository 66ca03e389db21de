/**
 * Runs the @wordpress/scripts build when a source file is newer than the last build.
 */
import {
	existsSync,
	readdirSync,
	readFileSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { run } from './processes.mjs';
import { PROJECT_ROOT } from '../wordpress/wordpress.mjs';

function newestMtime( dir ) {
	let newest = 0;
	for ( const entry of readdirSync( dir, { withFileTypes: true } ) ) {
		const full = path.join( dir, entry.name );
		newest = Math.max(
			newest,
			entry.isDirectory() ? newestMtime( full ) : statSync( full ).mtimeMs
		);
	}
	return newest;
}

/**
 * When the last build through this function started. webpack leaves output files it would write unchanged
 * untouched, so their modification times cannot tell whether the build is current.
 */
const STAMP = path.join( PROJECT_ROOT, 'build/.build-started' );

function lastBuildStart() {
	if (
		! existsSync( STAMP ) ||
		! existsSync( path.join( PROJECT_ROOT, 'build/view.asset.php' ) )
	) {
		return null;
	}
	return Number( readFileSync( STAMP, 'utf8' ) ) || null;
}

/** @return {Promise<boolean>} true when it built. */
export async function buildIfStale() {
	const sources = [
		'src',
		'blocks',
		'webpack.config.js',
		'package.json',
	].map( ( p ) => path.join( PROJECT_ROOT, p ) );
	const built = lastBuildStart();
	if ( built ) {
		const newest = Math.max(
			...sources.map( ( p ) =>
				statSync( p ).isDirectory()
					? newestMtime( p )
					: statSync( p ).mtimeMs
			)
		);
		if ( newest <= built ) {
			return false;
		}
	}
	const started = Date.now();
	await run( 'npx', [ 'wp-scripts', 'build' ], {
		cwd: PROJECT_ROOT,
	} );
	writeFileSync( STAMP, String( started ) );
	return true;
}
