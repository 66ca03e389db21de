/**
 * Runs the @wordpress/scripts build when a source file is newer than the last build.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
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

/** @return {Promise<boolean>} true when it built. */
export async function buildIfStale() {
	const stamp = path.join( PROJECT_ROOT, 'build/view.asset.php' );
	const sources = [
		'src',
		'blocks',
		'webpack.config.js',
		'package.json',
	].map( ( p ) => path.join( PROJECT_ROOT, p ) );
	if ( existsSync( stamp ) ) {
		const built = statSync( stamp ).mtimeMs;
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
	await run( 'npx', [ 'wp-scripts', 'build', '--webpack-copy-php' ], {
		cwd: PROJECT_ROOT,
	} );
	return true;
}
