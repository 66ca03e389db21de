/**
 * Fallback for machines without a usable PHP CLI: the same offline WordPress (the wp-beta build and the SQLite
 * drop-in from the package `@wp-playground/wordpress-builds`, dev/wordpress/setup.php for install, plugin,
 * permalinks, settings and pages) run by `@wp-playground/cli`, which is PHP compiled to WebAssembly and needs only
 * Node.
 *
 * The CLI is not a dependency (it ships PHP builds for many versions, about 600 MB): npx fetches the pinned version
 * the first time it is needed. It is told to install nothing and download nothing itself: WordPress and the
 * database are laid out here and mounted, which keeps it offline and lets a second start reuse the site.
 *
 * Site folder (outside the document root only what must not be served):
 *   <dir>/wordpress      mounted at /wordpress, the document root
 *   <dir>/private        mounted at /cognito-blocks: the SQLite database and setup.php's input
 * The plugin's runtime files (package.json "files") are mounted one by one from the checkout, so the rest of the
 * checkout (.dev/ with the database, node_modules/) is not reachable over HTTP.
 */
import {
	existsSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
	run,
	startGroup,
	waitFor,
	UserFacingError,
} from '../lib/processes.mjs';
import {
	PLUGIN_SLUG,
	layOutSite,
	setupInput,
	wordPressAnswers,
	wordPressUrl,
} from './site.mjs';
import {
	BUILD_NAME,
	PROJECT_ROOT,
	checkPhp,
	unpackWordPress,
	wpConfig,
} from './wordpress.mjs';

/** Pinned: the newest release whose engines still accept Node 20 (3.1.55 and later need Node 24). */
export const PLAYGROUND_CLI_VERSION = '3.1.54';
const PLAYGROUND_CLI = `@wp-playground/cli@${ PLAYGROUND_CLI_VERSION }`;
const PHP_VERSION = '8.3';
const PRIVATE_MOUNT = '/cognito-blocks';
const SETUP_MOUNT = '/cognito-blocks-setup.php';

/**
 * Whether to serve with Playground: when COGNITO_BLOCKS_FORCE_PLAYGROUND=1, or when the PHP CLI or the extension
 * the database needs is missing. MariaDB needs native PHP (mysqli), so it gets the "install PHP" message instead.
 */
export async function shouldUsePlayground( dbType ) {
	const forced = process.env.COGNITO_BLOCKS_FORCE_PLAYGROUND === '1';
	if ( dbType === 'mariadb' ) {
		try {
			await checkPhp( dbType );
		} catch ( error ) {
			throw new UserFacingError(
				`${ error.message }\n  --db=mariadb needs native PHP; without it, npm start serves WordPress on SQLite through @wp-playground/cli (PHP in WebAssembly): leave out --db=mariadb.`
			);
		}
		if ( forced ) {
			throw new UserFacingError(
				'COGNITO_BLOCKS_FORCE_PLAYGROUND=1 works with SQLite only; leave out --db=mariadb or unset the variable.'
			);
		}
		return false;
	}
	if ( forced ) {
		return true;
	}
	try {
		await checkPhp( dbType );
		return false;
	} catch {
		return true;
	}
}

/** True when npx already holds the pinned CLI, so starting it needs no download. */
export function playgroundCliCached() {
	const cache = path.join(
		process.env.npm_config_cache ?? path.join( os.homedir(), '.npm' ),
		'_npx'
	);
	if ( ! existsSync( cache ) ) {
		return false;
	}
	return readdirSync( cache ).some( ( entry ) => {
		const manifest = path.join(
			cache,
			entry,
			'node_modules/@wp-playground/cli/package.json'
		);
		try {
			return (
				JSON.parse( readFileSync( manifest, 'utf8' ) ).version ===
				PLAYGROUND_CLI_VERSION
			);
		} catch {
			return false;
		}
	} );
}

function npxArgs( command, args ) {
	return [ '--yes', '--prefer-offline', PLAYGROUND_CLI, command, ...args ];
}

function cliEnv() {
	const preload = `--import=${
		pathToFileURL(
			path.join( PROJECT_ROOT, 'dev/wordpress/loopback-only.mjs' )
		).href
	}`;
	return {
		NODE_OPTIONS: [ process.env.NODE_OPTIONS, preload ]
			.filter( Boolean )
			.join( ' ' ),
		// npx must not stop to ask before installing.
		npm_config_yes: 'true',
	};
}

/** Fetches the CLI into npx's cache (a no-op when it is there). */
export async function fetchPlaygroundCli() {
	await run( 'npx', [ '--yes', PLAYGROUND_CLI, '--version' ], {
		env: cliEnv(),
	} ).catch( ( error ) => {
		throw new UserFacingError(
			`Could not fetch ${ PLAYGROUND_CLI } with npx (is the npm registry reachable?):\n${ error.message }`
		);
	} );
}

/** The plugin's runtime files, mounted one by one (see the header). */
function pluginMounts() {
	const { files } = JSON.parse(
		readFileSync( path.join( PROJECT_ROOT, 'package.json' ), 'utf8' )
	);
	const target = `/wordpress/wp-content/plugins/${ PLUGIN_SLUG }`;
	return [ ...new Set( files.map( ( entry ) => entry.split( '/' )[ 0 ] ) ) ]
		.filter( ( entry ) => existsSync( path.join( PROJECT_ROOT, entry ) ) )
		.map(
			( entry ) =>
				`${ path.join( PROJECT_ROOT, entry ) }:${ target }/${ entry }`
		);
}

function commonArgs( { dir, url } ) {
	return [
		`--php=${ PHP_VERSION }`,
		`--site-url=${ url }`,
		// WordPress and the SQLite drop-in are already in the mounted tree: nothing to download or install.
		'--wordpress-install-mode=do-not-attempt-installing',
		'--skip-sqlite-setup',
		// The CLI's own mu-plugin reads this constant whenever SQLite is in use; the drop-in alone (the
		// integration plugin is never activated) does not define it.
		'--define',
		'SQLITE_MAIN_FILE',
		'/wordpress/wp-content/plugins/sqlite-database-integration/load.php',
		'--verbosity=quiet',
		`--mount-before-install=${ path.join( dir, 'wordpress' ) }:/wordpress`,
		`--mount-before-install=${ path.join( dir, 'private' ) }:${ PRIVATE_MOUNT }`,
		`--mount-before-install=${ path.join(
			PROJECT_ROOT,
			'dev/wordpress/setup.php'
		) }:${ SETUP_MOUNT }`,
		...pluginMounts().map(
			( mount ) => `--mount-before-install=${ mount }`
		),
	];
}

/**
 * wp-config.php as for native PHP, with the database outside the document root, and every constant guarded:
 * the CLI defines WP_HOME, WP_SITEURL and the WP_DEBUG ones before wp-config.php runs, and defining them twice
 * would print warnings into pages.
 */
function playgroundConfig( url ) {
	return wpConfig( { url, db: { type: 'sqlite' } } )
		.replace(
			"__DIR__ . '/wp-content/database/'",
			`'${ PRIVATE_MOUNT }/database/'`
		)
		.replace(
			/^define\( '([A-Z_]+)',/gm,
			"defined( '$1' ) || define( '$1',"
		);
}

function layOutFiles( { dir, url, fresh } ) {
	return layOutSite( {
		dir,
		signature: JSON.stringify( {
			build: BUILD_NAME,
			url,
			server: 'playground',
		} ),
		fresh,
		build: async ( staging ) => {
			await unpackWordPress( {
				staging: path.join( staging, 'wordpress' ),
				servedAt: '/wordpress',
				sqlite: true,
			} );
			rmSync( path.join( staging, 'wordpress/wp-content/database' ), {
				recursive: true,
				force: true,
			} );
			mkdirSync( path.join( staging, 'private/database' ), {
				recursive: true,
			} );
			writeFileSync(
				path.join( staging, 'wordpress/wp-config.php' ),
				playgroundConfig( url )
			);
		},
	} );
}

/**
 * Prepares the site like wordpress.mjs's prepareWordPress (same options, same result), SQLite only. Booting PHP in
 * WebAssembly takes seconds, so setup.php does not run here but as the first step of the server (see
 * servePlaygroundWordPress); this lays out the files and leaves setup.php its input.
 */
export async function preparePlaygroundWordPress( options ) {
	const { dir, url, pages = [], fresh = false } = options;
	if ( ! existsSync( path.join( PROJECT_ROOT, 'build' ) ) ) {
		throw new UserFacingError(
			'build/ is missing: run `npm run build` first (the plugin is mounted from the checkout).'
		);
	}
	const recreated = await layOutFiles( { dir, url, fresh } );
	writeFileSync(
		path.join( dir, 'private/setup.json' ),
		setupInput( options ),
		{
			mode: 0o600,
		}
	);
	return {
		recreated,
		pages: Object.fromEntries(
			pages.map( ( page ) => [ page.slug, `${ url }/${ page.slug }/` ] )
		),
	};
}

/**
 * Blueprint whose only step runs setup.php inside WordPress before the server answers. setup.php is written for
 * the PHP CLI: it gets its arguments in $argv and may write to STDERR, which a blueprint step does not define.
 * Its output goes to a file because the CLI does not print what a step echoes.
 */
function setupBlueprint() {
	const code = `<?php
$argv = array( 'setup.php', '/wordpress', '${ PRIVATE_MOUNT }/setup.json' );
if ( ! defined( 'STDERR' ) ) {
	define( 'STDERR', fopen( 'php://output', 'w' ) );
}
ob_start();
register_shutdown_function(
	function () {
		file_put_contents( '${ PRIVATE_MOUNT }/setup-result.txt', ob_get_clean() );
	}
);
require '${ SETUP_MOUNT }';
`;
	return { steps: [ { step: 'runPHP', code } ] };
}

/**
 * Serves a prepared site with the Playground CLI (own process group, bound to 127.0.0.1), running setup.php
 * first when preparePlaygroundWordPress left it input.
 */
export async function servePlaygroundWordPress( { dir, port, quiet = true } ) {
	const url = await wordPressUrl( port );
	const input = path.join( dir, 'private/setup.json' );
	const resultFile = path.join( dir, 'private/setup-result.txt' );
	const blueprintFile = path.join( dir, 'private/blueprint.json' );
	const setup = existsSync( input );
	rmSync( resultFile, { force: true } );
	if ( setup ) {
		writeFileSync( blueprintFile, JSON.stringify( setupBlueprint() ) );
	}
	const server = startGroup(
		'npx',
		npxArgs( 'server', [
			`--port=${ port }`,
			...commonArgs( { dir, url } ),
			...( setup ? [ `--blueprint=${ blueprintFile }` ] : [] ),
		] ),
		{
			env: cliEnv(),
			cwd: dir,
			name: 'wp-playground server',
			echo: ! quiet,
		}
	);
	let gone = false;
	const exited = server.exited.then( () => {
		gone = true;
		throw new UserFacingError(
			`The Playground server exited:\n${ server.output() }${
				existsSync( resultFile )
					? readFileSync( resultFile, 'utf8' )
					: ''
			}`
		);
	} );
	try {
		await Promise.race( [
			exited,
			waitFor(
				// Once the server is gone `exited` reports it; ending the poll lets the process exit.
				async () =>
					gone ||
					( ( ! setup || existsSync( resultFile ) ) &&
						( await wordPressAnswers( url ) ) ),
				{
					timeout: 180000,
					interval: 500,
					what: `WordPress at ${ url }`,
				}
			),
		] );
		if ( setup ) {
			const out = readFileSync( resultFile, 'utf8' );
			try {
				JSON.parse( out.trim().split( '\n' ).pop() );
			} catch {
				throw new UserFacingError(
					`setup.php did not finish in Playground:\n${ out }`
				);
			}
		}
	} catch ( error ) {
		await server.stop();
		throw error;
	} finally {
		// The input holds the admin password.
		rmSync( input, { force: true } );
	}
	exited.catch( () => {} );
	return { url, stop: server.stop, output: server.output };
}
