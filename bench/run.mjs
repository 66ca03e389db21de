/**
 * `npm run bench`: builds if needed, starts the test stack once (MariaDB, Cognito emulator, WordPress on
 * `php -S`), runs every benchmark section and prints its figures, then stops the stack. Nothing here passes or
 * fails on timing: a section that cannot run says why, and the command exits non-zero only when the stack
 * itself could not start.
 *
 *   npm run bench [-- --only=session,revalidation,srp,client-srp,front-end,sso,load] [-- --count=200] [-- --load-count=1000]
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildIfStale } from '../dev/lib/build.mjs';
import { PROJECT_ROOT } from '../dev/wordpress/wordpress.mjs';
import { startTestStack } from '../tests/support/stack.mjs';
import { run as clientSrp } from './client-srp.mjs';
import { run as load } from './load.mjs';
import { run as revalidation } from './revalidation.mjs';
import { run as sessionEndpoint } from './session-endpoint.mjs';
import { SectionSkipped } from './skip.mjs';
import { run as sso } from './sso.mjs';

const { values: args } = parseArgs( {
	options: {
		only: { type: 'string' },
		count: { type: 'string', default: '200' },
		'load-count': { type: 'string', default: '1000' },
	},
} );
const only = args.only ? args.only.split( ',' ).map( ( s ) => s.trim() ) : [];
const count = Math.max( 200, Number( args.count ) || 200 );
const loadCount = Math.max( 100, Number( args[ 'load-count' ] ) || 1000 );

/** Runs a command, echoing its output indented. */
function exec( command, commandArgs ) {
	return new Promise( ( resolve, reject ) => {
		const child = spawn( command, commandArgs, {
			cwd: PROJECT_ROOT,
			stdio: [ 'ignore', 'pipe', 'pipe' ],
		} );
		const echo = ( chunk ) =>
			process.stdout.write(
				chunk.toString().replace( /^(?=.)/gm, '  ' )
			);
		child.stdout.on( 'data', echo );
		child.stderr.on( 'data', echo );
		child.once( 'error', reject );
		child.once( 'exit', ( code ) =>
			code === 0
				? resolve()
				: reject(
						new Error(
							`${ path.basename( commandArgs.at( -1 ) ) } exited with ${ code }`
						)
					)
		);
	} );
}

/*
 * The sections, in order. Each gets the stack's environment (WP_URL, WP_ROOT, EMULATOR_URL, …) and the stack.
 *
 * FRONT-END HOOK: `bench/front-end.mjs`, when it exists, exports `async function run(env)` that measures the
 * form pages (page weight, request count, CLS) and prints its own figures; it may throw SectionSkipped (from
 * ./skip.mjs) with a reason to be shown instead.
 */
const FRONT_END = path.join( PROJECT_ROOT, 'bench/front-end.mjs' );
const sections = [
	{
		id: 'session',
		title: 'Session endpoint vs bare REST GET',
		run: ( env ) => sessionEndpoint( env, { count } ),
	},
	{
		id: 'revalidation',
		title: 'A signed-in request that checks its session with Cognito vs one that does not',
		run: ( env ) => revalidation( env, { count } ),
	},
	{
		id: 'srp',
		title: 'Emulator SRP sign-ins per second',
		// Starts its own emulator, so the figure does not depend on the stack's pool.
		run: () =>
			exec( process.execPath, [
				'--import',
				'tsx',
				path.join( PROJECT_ROOT, 'bench/emulator-srp.ts' ),
			] ),
	},
	{
		id: 'client-srp',
		title: "The browser's SRP maths: the library as published vs as shipped",
		run: () => clientSrp(),
	},
	{
		id: 'front-end',
		title: 'Front end: page weight, requests, CLS',
		run: async ( env ) => {
			if ( ! existsSync( FRONT_END ) ) {
				throw new SectionSkipped(
					'bench/front-end.mjs does not exist yet'
				);
			}
			const module = await import( pathToFileURL( FRONT_END ).href );
			await module.run( env );
		},
	},
	{
		id: 'sso',
		title: 'Single sign-on vs the SRP form: page weight and time to a session',
		run: ( env ) => sso( env ),
	},
	{
		id: 'load',
		title: 'Sign-ins under load: nginx, two PHP-FPM nodes, MariaDB, Redis',
		run: ( env, running ) => load( env, running, { count: loadCount } ),
	},
];

let stack = null;

/** Builds if needed and starts the stack; null when the stack did not start. */
async function startStack() {
	console.log( '── Test stack ──' );
	const started = Date.now();
	try {
		console.log(
			`  ${ ( await buildIfStale() ) ? 'built the plugin' : 'plugin build is up to date' }`
		);
	} catch ( error ) {
		// The PHP side is measured from source; only the front-end section needs a current build.
		console.log(
			`  the build failed, continuing with the previous one: ${ String( error.message ).split( '\n' )[ 0 ] }`
		);
	}
	try {
		// Its own folder (.dev/bench), so the benchmarks can run while `npm test` does.
		const result = await startTestStack( {
			name: 'bench',
			log: ( line ) => console.log( `  ${ line }` ),
		} );
		console.log(
			`  ready in ${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ) } s`
		);
		return result;
	} catch ( error ) {
		console.error(
			`  the test stack failed to start: ${ error.stack ?? error }`
		);
		return null;
	}
}

async function main() {
	stack = await startStack();
	if ( ! stack ) {
		process.exitCode = 1;
		return;
	}
	try {
		for ( const section of sections ) {
			if ( only.length && ! only.includes( section.id ) ) {
				continue;
			}
			console.log( `\n── ${ section.title } ──` );
			try {
				await section.run( stack.env, stack );
			} catch ( error ) {
				console.log(
					error instanceof SectionSkipped
						? `  not run: ${ error.message }`
						: `  could not run: ${ error.stack ?? error }`
				);
			}
		}
	} finally {
		await stack.stop();
	}
}

for ( const signal of [ 'SIGINT', 'SIGTERM' ] ) {
	process.on( signal, async () => {
		await stack?.stop();
		process.exit( 130 );
	} );
}

main();
