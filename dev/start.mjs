/**
 * `npm start`: builds the plugin, installs the PHP test tools (Composer), starts the Cognito emulator with a demo pool, prepares and serves an offline
 * WordPress with the plugin active and configured against the emulator, and prints the URLs and logins.
 * Ctrl-C stops everything it started.
 *
 *   npm start -- [--port=8888] [--emulator-port=9229] [--db=sqlite|mariadb] [--fresh] [--no-emulator]
 *                [--wordpress=<tar.gz|zip|folder>] [--plugin=<tar.gz|zip|folder>]… [--elementor]
 *
 * --wordpress serves that WordPress release instead of the npm build (6.6); each --plugin is installed and
 * activated after ours, e.g. --wordpress=../shared/fixtures/wordpress-7.1.0.tar.gz
 * --plugin=../shared/fixtures/elementor-4.1.5.tar.gz. --elementor is short for those two (and adds a demo page built
 * with Elementor, as any --plugin that is Elementor does).
 *
 * Without a PHP CLI (or with COGNITO_BLOCKS_FORCE_PLAYGROUND=1) WordPress runs in @wp-playground/cli instead of
 * `php -S`; see dev/wordpress/README.md.
 *
 * With --no-emulator the plugin is configured from COGNITO_BLOCKS_USER_POOL_ID, COGNITO_BLOCKS_CLIENT_ID and
 * COGNITO_BLOCKS_REGION (a real user pool) instead.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { UserFacingError, assertPortFree } from './lib/processes.mjs';
import {
	prepareWordPress,
	serveWordPress,
	PROJECT_ROOT,
} from './wordpress/wordpress.mjs';
import {
	shouldUsePlayground,
	playgroundCliCached,
	fetchPlaygroundCli,
	preparePlaygroundWordPress,
	servePlaygroundWordPress,
	PLAYGROUND_CLI_VERSION,
} from './wordpress/playground.mjs';
import { chosenSources, SOURCE_OPTIONS } from './wordpress/sources.mjs';
import { startMariaDb } from './lib/mariadb.mjs';
import { buildIfStale } from './lib/build.mjs';
import { installPhpLibrariesIfStale } from './lib/php-libraries.mjs';
import {
	ADMIN_SIGN_IN_PATH,
	DEMO_SITE_OPTIONS,
	demoSiteSettings,
	loadDemoCredentials,
} from './lib/demo.mjs';
import { startDemoEmulator, emulatorAvailable } from './lib/emulator.mjs';
import { demoPages } from './lib/pages.mjs';

const { values: args } = parseArgs( {
	options: {
		port: { type: 'string', default: process.env.WP_PORT ?? '8888' },
		'emulator-port': {
			type: 'string',
			default: process.env.EMULATOR_PORT ?? '9229',
		},
		db: { type: 'string', default: 'sqlite' },
		fresh: { type: 'boolean', default: false },
		'no-emulator': { type: 'boolean', default: false },
		...SOURCE_OPTIONS,
	},
} );

const started = Date.now();
const stops = [];
const seconds = () => `${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ) } s`;
const step = ( text ) => process.stdout.write( `▸ ${ text }… ` );
const done = ( text = 'done' ) => console.log( `${ text } (${ seconds() })` );

let shuttingDown = false;

async function shutdown( code = 0 ) {
	// Ctrl-C reaches this process twice when npm forwards the terminal's signal too; stop things once.
	if ( shuttingDown ) {
		return;
	}
	shuttingDown = true;
	for ( const stop of stops.reverse() ) {
		await stop().catch( () => {} );
	}
	process.exit( code );
}

async function main() {
	const port = Number( args.port );
	const emulatorPort = Number( args[ 'emulator-port' ] );
	if ( ! [ 'sqlite', 'mariadb' ].includes( args.db ) ) {
		throw new UserFacingError(
			`--db must be sqlite or mariadb, not "${ args.db }".`
		);
	}
	const sources = chosenSources( args );
	const playground = await shouldUsePlayground( args.db );
	if ( playground && ( sources.wordpress || sources.plugins.length ) ) {
		throw new UserFacingError(
			'--wordpress and --plugin need a PHP CLI (the Playground fallback serves only the npm build). On Debian/Ubuntu: apt-get install php-cli php-sqlite3'
		);
	}
	const useEmulator = ! args[ 'no-emulator' ] && emulatorAvailable();
	await assertPortFree(
		port,
		'WordPress',
		'Is `npm start` already running? Stop it, or pick another port: npm start -- --port=8890'
	);
	if ( useEmulator ) {
		await assertPortFree(
			emulatorPort,
			'the Cognito emulator',
			'Pick another one: npm start -- --emulator-port=9239'
		);
	}

	step( 'Building the plugin' );
	done( ( await buildIfStale() ) ? 'built' : 'up to date' );

	step( 'Installing the PHP test tools (Composer)' );
	const libraries = await installPhpLibrariesIfStale();
	if ( libraries === 'no composer' ) {
		console.log(
			'skipped: Composer is not installed.\n  The site runs (the plugin needs no PHP libraries); `npm test` needs `composer install`\n  for its PHP suites.'
		);
	} else {
		done( libraries );
	}

	const credentials = loadDemoCredentials( args.fresh );
	let settings = null;
	if ( useEmulator ) {
		step( `Starting the Cognito emulator on 127.0.0.1:${ emulatorPort }` );
		const emulator = await startDemoEmulator( {
			port: emulatorPort,
			credentials,
			fresh: args.fresh,
			// Only the demo site's pages may call it from a browser.
			allowedOrigins: [
				`http://127.0.0.1:${ port }`,
				`http://localhost:${ port }`,
			],
		} );
		stops.push( emulator.stop );
		settings = demoSiteSettings( emulator.settings );
		done();
	} else if ( process.env.COGNITO_BLOCKS_USER_POOL_ID ) {
		settings = {
			user_pool_id: process.env.COGNITO_BLOCKS_USER_POOL_ID,
			client_id: process.env.COGNITO_BLOCKS_CLIENT_ID ?? '',
			region: process.env.COGNITO_BLOCKS_REGION ?? '',
		};
	}

	let db = { type: 'sqlite' };
	if ( args.db === 'mariadb' ) {
		step( 'Starting MariaDB' );
		const mariadb = await startMariaDb( {
			dataDir: path.join( PROJECT_ROOT, '.dev/mariadb' ),
			fresh: args.fresh,
		} );
		stops.push( mariadb.stop );
		const { stop, ...connection } = mariadb;
		db = connection;
		done();
	}

	const url = `http://127.0.0.1:${ port }`;
	if ( playground ) {
		console.log(
			`▸ ${
				process.env.COGNITO_BLOCKS_FORCE_PLAYGROUND === '1'
					? 'COGNITO_BLOCKS_FORCE_PLAYGROUND=1'
					: 'No PHP CLI with pdo_sqlite found'
			}: WordPress runs in @wp-playground/cli (PHP in WebAssembly, slower than php -S).`
		);
		if ( ! playgroundCliCached() ) {
			step(
				`Fetching @wp-playground/cli@${ PLAYGROUND_CLI_VERSION } with npx (once; about 600 MB unpacked)`
			);
			await fetchPlaygroundCli();
			done();
		}
	}
	const dir = path.join(
		PROJECT_ROOT,
		'.dev',
		{ mariadb: 'wordpress-mariadb', sqlite: 'wordpress' }[ args.db ] +
			( playground ? '-playground' : '' )
	);
	step(
		`Preparing WordPress (${ args.db }${ playground ? ', Playground' : '' })`
	);
	const site = await (
		playground ? preparePlaygroundWordPress : prepareWordPress
	)( {
		dir,
		url,
		db,
		...sources,
		fresh: args.fresh || args.db === 'mariadb',
		admin: credentials.admin,
		settings,
		options: DEMO_SITE_OPTIONS,
		pages: demoPages( {
			elementor: sources.plugins.some( ( plugin ) =>
				/elementor/i.test( path.basename( plugin.path ) )
			),
		} ),
	} );
	done(
		`${ site.recreated ? 'installed' : 'reused' }${
			site.version ? `, WordPress ${ site.version }` : ''
		}`
	);

	step( `Starting WordPress on ${ url }` );
	const server = await (
		playground ? servePlaygroundWordPress : serveWordPress
	)( { dir, port } );
	stops.push( server.stop );
	done();

	console.log( `
Cognito Blocks is running (ready in ${ seconds() }).

  Site          ${ url }/
  Admin         ${ url }${ ADMIN_SIGN_IN_PATH }
                user: ${ credentials.admin.user }   password: ${
					credentials.admin.password
				}
                (a WordPress account, not a pool user: this address opens the WordPress-password
                form; from /wp-admin/, follow "Site administrators: sign in with your WordPress password")
${ Object.entries( site.pages )
	.map( ( [ slug, pageUrl ] ) => `  ${ slug.padEnd( 13 ) } ${ pageUrl }` )
	.join( '\n' ) }
${ cognitoSummary( useEmulator, emulatorPort, credentials, settings ) }

Press Ctrl-C to stop.` );
}

function cognitoSummary( useEmulator, emulatorPort, credentials, settings ) {
	if ( useEmulator ) {
		const users = credentials.users.map(
			( user ) =>
				`  demo user     ${ user.username.padEnd( 24 ) } password: ${ user.password }  (${ user.note })`
		);
		return [
			'',
			`  Cognito emulator  http://127.0.0.1:${ emulatorPort }`,
			...users,
			'  New accounts  created at first sign-in: "Anyone can register" is on and the creation policy',
			'                is follow; the pool\'s "editors" group maps to the Editor role',
		].join( '\n' );
	}
	if ( settings ) {
		return '\n  Cognito       your user pool from COGNITO_BLOCKS_* environment variables';
	}
	return '\n  Cognito       not configured (no emulator found and no COGNITO_BLOCKS_USER_POOL_ID)';
}

process.on( 'SIGINT', () => {
	if ( ! shuttingDown ) {
		console.log( '\nStopping…' );
	}
	shutdown( 0 );
} );
process.on( 'SIGTERM', () => shutdown( 0 ) );

main().catch( async ( error ) => {
	console.log( '' );
	console.error(
		error instanceof UserFacingError ? `✖ ${ error.message }` : error
	);
	await shutdown( 1 );
} );
