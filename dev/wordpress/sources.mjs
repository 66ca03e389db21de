/**
 * Where the site's WordPress and extra plugins come from, as given by `--wordpress=` and `--plugin=`: a release
 * archive (.tar.gz, .tgz or .zip, as wordpress.org and plugin authors publish them) or an unpacked folder. Without
 * `--wordpress` the site uses the npm build (@wp-playground/wordpress-builds), so a fresh checkout needs nothing
 * else.
 */
import {
	cpSync,
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
} from 'node:fs';
import path from 'node:path';
import extractZip from 'extract-zip';
import { run, UserFacingError } from '../lib/processes.mjs';
import { withElementor } from './elementor.mjs';

const ARCHIVE = /\.(tar\.gz|tgz|zip)$/i;

/**
 * Checks that `given` (from the command line or an environment variable) names an archive or folder, resolved
 * against the current folder.
 *
 * @param {string} given The path as typed.
 * @param {string} what  What it should hold, for the error message ("WordPress", "a plugin").
 * @return {{ path: string, stamp: string }} The absolute path, and a stamp that changes when the file does.
 */
export function resolveSource( given, what = 'WordPress or a plugin' ) {
	const absolute = path.resolve( given );
	if ( ! existsSync( absolute ) ) {
		throw new UserFacingError(
			`${ given } does not exist: pass ${ what } as a .tar.gz, .zip or folder (for example --wordpress=../shared/fixtures/wordpress-7.1.0.tar.gz).`
		);
	}
	const stats = statSync( absolute );
	if ( ! stats.isDirectory() && ! ARCHIVE.test( absolute ) ) {
		throw new UserFacingError(
			`${ given } is neither a folder nor a .tar.gz/.zip archive holding ${ what }.`
		);
	}
	return {
		path: absolute,
		stamp: `${ absolute }:${ stats.size }:${ stats.mtimeMs }`,
	};
}

/** Unpacks an archive (or copies a folder) into a new temporary folder inside `parent`; returns that folder. */
async function unpack( source, parent ) {
	const into = mkdtempSync( path.join( parent, '.unpack-' ) );
	if ( statSync( source ).isDirectory() ) {
		cpSync( source, path.join( into, path.basename( source ) ), {
			recursive: true,
		} );
	} else if ( /\.zip$/i.test( source ) ) {
		await extractZip( source, { dir: into } );
	} else {
		await run( 'tar', [ '-xzf', source, '-C', into ] );
	}
	return into;
}

/** The folder inside `unpacked` that holds `file`: `unpacked` itself or its one top folder (`wordpress/`). */
function rootHolding( unpacked, test ) {
	if ( test( unpacked ) ) {
		return unpacked;
	}
	const folders = readdirSync( unpacked, { withFileTypes: true } ).filter(
		( entry ) => entry.isDirectory()
	);
	const found = folders
		.map( ( entry ) => path.join( unpacked, entry.name ) )
		.filter( test );
	return found.length === 1 ? found[ 0 ] : null;
}

/** Unpacks WordPress from `source` into `staging` (which must not exist yet). */
export async function unpackWordPressSource( source, staging ) {
	const parent = path.dirname( staging );
	const unpacked = await unpack( source, parent );
	const root = rootHolding( unpacked, ( dir ) =>
		existsSync( path.join( dir, 'wp-settings.php' ) )
	);
	if ( ! root ) {
		rmSync( unpacked, { recursive: true, force: true } );
		throw new UserFacingError(
			`${ source } holds no WordPress (no wp-settings.php at its top or in its one top folder).`
		);
	}
	renameSync( root, staging );
	rmSync( unpacked, { recursive: true, force: true } );
}

/** The plugin's main file name inside `dir`: the top-level PHP file whose header names the plugin. */
function mainFile( dir ) {
	return readdirSync( dir ).find(
		( name ) =>
			name.endsWith( '.php' ) &&
			/^[ \t/*#@]*Plugin Name:/im.test(
				readFileSync( path.join( dir, name ), 'utf8' ).slice( 0, 8192 )
			)
	);
}

/**
 * Unpacks a plugin from `source` into `pluginsDir/<its folder>`.
 *
 * @return {Promise<string>} What activate_plugin() takes, e.g. "elementor/elementor.php".
 */
export async function installPluginSource( source, pluginsDir ) {
	const unpacked = await unpack( source, pluginsDir );
	const root = rootHolding( unpacked, ( dir ) => Boolean( mainFile( dir ) ) );
	if ( ! root ) {
		rmSync( unpacked, { recursive: true, force: true } );
		throw new UserFacingError(
			`${ source } holds no WordPress plugin (no PHP file with a "Plugin Name:" header at its top or in its one top folder).`
		);
	}
	const slug =
		root === unpacked
			? path.basename( source ).replace( ARCHIVE, '' )
			: path.basename( root );
	const target = path.join( pluginsDir, slug );
	rmSync( target, { recursive: true, force: true } );
	renameSync( root, target );
	rmSync( unpacked, { recursive: true, force: true } );
	return `${ slug }/${ mainFile( target ) }`;
}

/** The command-line options every entry point (npm start, npm test, the benchmarks) takes for the site's software. */
export const SOURCE_OPTIONS = {
	wordpress: { type: 'string' },
	plugin: { type: 'string', multiple: true },
	// Elementor and the WordPress it needs, from ../shared/fixtures (dev/wordpress/elementor.mjs).
	elementor: { type: 'boolean', default: false },
};

/**
 * The WordPress and plugins chosen by `--wordpress=`/`--plugin=`, or else by the COGNITO_BLOCKS_WORDPRESS and
 * COGNITO_BLOCKS_PLUGINS (paths separated by the system's path delimiter) environment variables, which
 * tests/run.mjs sets so that suites run on their own (Playwright's global setup) use the same software.
 */
export function chosenSources( options = {} ) {
	const args = withElementor( options );
	const wordpress = args.wordpress || process.env.COGNITO_BLOCKS_WORDPRESS;
	const plugin = args.plugin?.length
		? args.plugin
		: ( process.env.COGNITO_BLOCKS_PLUGINS ?? '' )
				.split( path.delimiter )
				.filter( Boolean );
	return {
		wordpress: wordpress ? resolveSource( wordpress, 'WordPress' ) : null,
		plugins: plugin.map( ( given ) => resolveSource( given, 'a plugin' ) ),
	};
}

/** The environment that makes chosenSources() pick the same software in a child process. */
export function sourcesEnv( { wordpress, plugins } ) {
	return {
		COGNITO_BLOCKS_WORDPRESS: wordpress?.path ?? '',
		COGNITO_BLOCKS_PLUGINS: plugins
			.map( ( plugin ) => plugin.path )
			.join( path.delimiter ),
	};
}
