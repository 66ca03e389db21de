/**
 * `npm start`: builds the plugin, installs the PHP test tools (Composer), starts the Cognito emulator with a demo pool, prepares and serves an offline
 * WordPress with the plugin active and configured against the emulator, and prints the URLs and logins.
 * Ctrl-C stops everything it started.
 *
 *   npm start -- [--port=8888] [--emulator-port=9229] [--sites=1] [--db=sqlite|mariadb] [--fresh] [--no-emulator]
 *                [--wordpress=<tar.gz|zip|folder>] [--plugin=<tar.gz|zip|folder>]… [--elementor]
 *
 * --sites=2 (up to 5) serves more WordPress sites on the next ports (8889, …) against the same pool and app client,
 * each with its own files and database (SQLite file, or its own table prefix with --db=mariadb): single sign-on
 * across sites. The emulator's app client lists every site's callback and sign-out URL.
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
		sites: { type: 'string', default: '1' },
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
	const siteCount = Number( args.sites );
	if ( ! Number.isInteger( siteCount ) || siteCount < 1 || siteCount > 5 ) {
		throw new UserFacingError(
			`--sites must be a number from 1 to 5, not "${ args.sites }".`
		);
	}
	// Site 1 on --port, the others on the ports after it.
	const ports = Array.from( { length: siteCount }, ( _, i ) => port + i );
	const urls = ports.map( ( sitePort ) => `http://127.0.0.1:${ sitePort }` );
	const sources = chosenSources( args );
	const playground = await shouldUsePlayground( args.db );
	if ( playground && ( sources.wordpress || sources.plugins.length ) ) {
		throw new UserFacingError(
			'--wordpress and --plugin need a PHP CLI (the Playground fallback serves only the npm build). On Debian/Ubuntu: apt-get install php-cli php-sqlite3'
		);
	}
	const useEmulator = ! args[ 'no-emulator' ] && emulatorAvailable();
	for ( const sitePort of ports ) {
		await assertPortFree(
			sitePort,
			'WordPress',
			'Is `npm start` already running? Stop it, or pick another port: npm start -- --port=8890'
		);
	}
	if ( useEmulator && ports.includes( emulatorPort ) ) {
		throw new UserFacingError(
			`The emulator port ${ emulatorPort } is one of the sites' ports (${ ports.join(
				', '
			) }): pick other ones with --port or --emulator-port.`
		);
	}
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
			// Only the demo sites' pages may call it from a browser; each site is a callback of the app client.
			siteUrls: urls,
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
	const pages = demoPages( {
		elementor: sources.plugins.some( ( plugin ) =>
			/elementor/i.test( path.basename( plugin.path ) )
		),
	} );
	const sites = [];
	for ( const [ index, url ] of urls.entries() ) {
		const number = index + 1;
		// Site 1 keeps the folder (and database tables) a single-site start uses; site 2 gets its own next to it.
		const dir = path.join(
			PROJECT_ROOT,
			'.dev',
			{ mariadb: 'wordpress-mariadb', sqlite: 'wordpress' }[ args.db ] +
				( number > 1 ? `-site-${ number }` : '' ) +
				( playground ? '-playground' : '' )
		);
		const label = siteCount > 1 ? ` site ${ number }` : '';
		step(
			`Preparing WordPress${ label } (${ args.db }${
				playground ? ', Playground' : ''
			})`
		);
		const site = await (
			playground ? preparePlaygroundWordPress : prepareWordPress
		)( {
			dir,
			url,
			db:
				number > 1 && db.type === 'mariadb'
					? { ...db, tablePrefix: `site${ number }_` }
					: db,
			...sources,
			fresh: args.fresh || args.db === 'mariadb',
			admin: credentials.admin,
			settings,
			options:
				siteCount > 1
					? {
							...DEMO_SITE_OPTIONS,
							blogname: `Cognito Blocks demo, site ${ number }`,
						}
					: DEMO_SITE_OPTIONS,
			pages,
		} );
		done(
			`${ site.recreated ? 'installed' : 'reused' }${
				site.version ? `, WordPress ${ site.version }` : ''
			}`
		);

		step( `Starting WordPress${ label } on ${ url }` );
		const server = await (
			playground ? servePlaygroundWordPress : serveWordPress
		)( { dir, port: ports[ index ] } );
		stops.push( server.stop );
		done();
		sites.push( { url, pages: site.pages } );
	}

	const siteLines = sites.map( ( { url, pages: sitePages }, index ) =>
		[
			...( siteCount > 1 ? [ `  ── Site ${ index + 1 } ──` ] : [] ),
			`  Site          ${ url }/`,
			`  Admin         ${ url }${ ADMIN_SIGN_IN_PATH }`,
			...( index === 0 || siteCount === 1
				? [
						`                user: ${ credentials.admin.user }   password: ${ credentials.admin.password }${
							siteCount > 1 ? '   (the same on every site)' : ''
						}`,
						'                (a WordPress account, not a pool user: this address opens the WordPress-password',
						'                form; from /wp-admin/, follow "Site administrators: sign in with your WordPress password")',
					]
				: [] ),
			...Object.entries( sitePages ).map(
				( [ slug, pageUrl ] ) => `  ${ slug.padEnd( 13 ) } ${ pageUrl }`
			),
		].join( '\n' )
	);
	console.log( `
Cognito Blocks is running (ready in ${ seconds() }).

${ siteLines.join( '\n\n' ) }
${ cognitoSummary( useEmulator, emulatorPort, credentials, settings ) }${ trySso(
		useEmulator,
		sites
	) }

Press Ctrl-C to stop.` );
}

/** What to try with single sign-on (emulator only: a real pool's hosted UI is set up in its settings). */
function trySso( useEmulator, sites ) {
	if ( ! useEmulator ) {
		return '';
	}
	const [ first, second ] = sites;
	const lines = [
		'',
		'  Single sign-on  the hosted UI is the emulator; "Continue with Google" / "Corp SSO" open its simulated',
		'                provider page (any email signs in there and gets a pool account)',
		`  Try           ${ first.url }/sso/ → a button → sign in (a demo user, or any email at a provider)`,
	];
	if ( second ) {
		lines.push(
			`                then ${ second.url }/sso/ → the same button: the hosted UI remembers you, one click signs`,
			"                you in there too (one app client lists both sites: each site accepts the other's tokens)",
			'                Signing out of a site also ends the hosted UI session (hosted_ui_sign_out is on).'
		);
	} else {
		lines.push(
			'                More sites on the same pool and app client: npm start -- --sites=2'
		);
	}
	return '\n' + lines.join( '\n' );
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
