/**
 * `npm test`: every suite, in order, each printing its own runner's summary; exits non-zero if any failed.
 *
 *   build → typecheck → lint (ESLint, Stylelint, PHPCS, PHPStan) → unit (Vitest) → conformance (emulator, Vitest)
 *   → php-unit (PHPUnit) → [test stack: MariaDB + emulator + WordPress] → php-integration (PHPUnit) → e2e (Playwright)
 *
 *   node tests/run.mjs [--only=lint,unit] [--skip=e2e] [--wordpress=<tar.gz|zip|folder>] [--plugin=<…>]…
 *                      [--e2e-oldest] [--filter=<PHPUnit --filter pattern>]
 *
 * COGNITO_BLOCKS_STACK=<name> puts the test stack in .dev/<name> instead of .dev/test, so two runs can share a
 * checkout. --wordpress and --plugin (repeatable) choose the software of the test stack (default: the npm build of
 * WordPress alone). --e2e-oldest then runs the Playwright suite once more on the npm build (6.6, the oldest
 * WordPress the plugin supports), on a second stack without the extra plugins. --filter passes a pattern to
 * PHPUnit's --filter (both PHPUnit suites), to run some test classes or methods only.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../dev/wordpress/wordpress.mjs';
import { startTestStack } from './support/stack.mjs';
import { chosenSources, SOURCE_OPTIONS } from '../dev/wordpress/sources.mjs';
import { buildIfStale } from '../dev/lib/build.mjs';

const { values: args } = parseArgs( {
	options: {
		only: { type: 'string' },
		skip: { type: 'string' },
		'e2e-oldest': { type: 'boolean', default: false },
		filter: { type: 'string' },
		...SOURCE_OPTIONS,
	},
} );
const list = ( value ) =>
	value ? value.split( ',' ).map( ( s ) => s.trim() ) : [];
const only = list( args.only );
const skip = list( args.skip );

const sources = chosenSources( args );
// The stack's folder under .dev/; another name lets two checkouts' worth of work test side by side.
const STACK_NAME = process.env.COGNITO_BLOCKS_STACK ?? 'test';
const has = ( file ) => existsSync( path.join( PROJECT_ROOT, file ) );
const bin = ( name ) => path.join( PROJECT_ROOT, 'node_modules/.bin', name );
const vendorBin = ( name ) => path.join( PROJECT_ROOT, 'vendor/bin', name );
/** Extra PHPUnit arguments from --filter. */
const phpunitFilter = args.filter ? [ '--filter', args.filter ] : [];

/** Each suite: a group name (for --only/--skip), a label and the commands it runs. */
const suites = [
	{
		// First, so the unit tests that inspect the bundle (lazy chunks) and the stack all use this build.
		group: 'build',
		label: 'Build (@wordpress/scripts)',
		commands: [
			[
				process.execPath,
				'--input-type=module',
				'-e',
				"const { buildIfStale } = await import( './dev/lib/build.mjs' ); console.log( ( await buildIfStale() ) ? 'built' : 'build is up to date' );",
			],
		],
	},
	{
		group: 'typecheck',
		label: 'TypeScript',
		// The whole project, then src/auth on its own without DOM or Node types (ARCHITECTURE.md's layering).
		commands: [
			[ bin( 'tsc' ), '--noEmit' ],
			[ bin( 'tsc' ), '--noEmit', '-p', 'src/auth' ],
		],
	},
	{
		group: 'lint',
		label: 'ESLint',
		commands: [
			[
				bin( 'wp-scripts' ),
				'lint-js',
				'src',
				'blocks',
				'tests',
				'dev',
				'bench',
				'*.ts',
				'*.js',
			],
		],
	},
	{
		group: 'lint',
		label: 'Stylelint',
		commands: [
			[
				bin( 'wp-scripts' ),
				'lint-style',
				'src/**/*.scss',
				'blocks/**/*.scss',
			],
		],
	},
	{
		group: 'lint',
		label: 'PHPCS',
		when: () => has( 'phpcs.xml.dist' ),
		commands: [ [ vendorBin( 'phpcs' ) ] ],
	},
	{
		group: 'lint',
		label: 'PHPStan',
		when: () => has( 'phpstan.neon.dist' ),
		commands: [
			[
				vendorBin( 'phpstan' ),
				'analyse',
				'--memory-limit=1G',
				'--no-progress',
			],
		],
	},
	{
		group: 'unit',
		label: 'Vitest (unit, components)',
		commands: [ [ bin( 'vitest' ), 'run' ] ],
	},
	{
		group: 'conformance',
		label: 'Vitest (emulator conformance)',
		when: () => has( 'tests/conformance/vitest.config.ts' ),
		commands: [
			[
				bin( 'vitest' ),
				'run',
				'--config',
				'tests/conformance/vitest.config.ts',
			],
		],
	},
	{
		group: 'php',
		label: 'PHPUnit (unit)',
		when: () => has( 'phpunit.xml.dist' ),
		commands: [
			[
				vendorBin( 'phpunit' ),
				'-c',
				'phpunit.xml.dist',
				...phpunitFilter,
			],
		],
	},
	{
		group: 'php',
		label: 'PHPUnit (integration, WordPress + MariaDB)',
		needsStack: true,
		when: () => has( 'phpunit-integration.xml.dist' ),
		commands: [
			[
				vendorBin( 'phpunit' ),
				'-c',
				'phpunit-integration.xml.dist',
				...phpunitFilter,
			],
		],
	},
	{
		// The multi-node tests once more with both nodes (and PHPUnit) on one Redis object cache.
		group: 'php',
		label: 'PHPUnit (two web nodes on Redis, WordPress + MariaDB)',
		needsStack: true,
		objectCache: 'redis',
		when: () => has( 'phpunit-integration.xml.dist' ),
		commands: [
			[
				vendorBin( 'phpunit' ),
				'-c',
				'phpunit-integration.xml.dist',
				'--group',
				'nodes',
				...phpunitFilter,
			],
		],
	},
	{
		group: 'e2e',
		label: 'Playwright (Chromium, WordPress + MariaDB)',
		needsStack: true,
		commands: [ [ bin( 'playwright' ), 'test' ] ],
	},
];

function selected( suite ) {
	if ( only.length && ! only.includes( suite.group ) ) {
		return false;
	}
	return ! skip.includes( suite.group ) && ( ! suite.when || suite.when() );
}

/**
 * Lines that name a failed test in the runners' own output (Playwright's ✘, Vitest's FAIL, PHPUnit's "1) …"),
 * repeated under the summary so a log's tail says what failed.
 */
const FAILURE_LINE = /^\s*(?:✘|×|FAIL\s|\d+\) [\w\\]+::)/u;

/**
 * Runs a command with its output passed through; resolves to its exit code.
 * @param {string[]} command  The program and its arguments.
 * @param {Object}   env      Extra environment variables.
 * @param {string[]} failures Collects the output lines that name a failed test.
 */
function exec( [ command, ...commandArgs ], env, failures = [] ) {
	return new Promise( ( resolve ) => {
		const child = spawn( command, commandArgs, {
			cwd: PROJECT_ROOT,
			stdio: [ 'ignore', 'pipe', 'pipe' ],
			env: { ...process.env, ...env },
		} );
		for ( const [ from, to ] of [
			[ child.stdout, process.stdout ],
			[ child.stderr, process.stderr ],
		] ) {
			let partial = '';
			from.on( 'data', ( chunk ) => {
				to.write( chunk );
				const lines = ( partial + chunk ).split( '\n' );
				partial = lines.pop();
				failures.push(
					...lines
						.map( ( line ) =>
							line.replace( /\x1b\[[0-9;]*m/g, '' )
						)
						.filter( ( line ) => FAILURE_LINE.test( line ) )
				);
			} );
		}
		child.once( 'error', ( error ) => {
			console.error( `${ command }: ${ error.message }` );
			resolve( 1 );
		} );
		// After the exit, the rest of the output is read (at most 5 s more, in case a process the command left
		// behind still holds the pipes), so the failure lines printed last are not missed.
		const drained = [ child.stdout, child.stderr ].map(
			( stream ) =>
				new Promise( ( done ) => {
					stream.once( 'end', done );
					stream.once( 'close', done );
				} )
		);
		child.once( 'exit', async ( code, signal ) => {
			await Promise.race( [
				Promise.all( drained ),
				new Promise( ( done ) => setTimeout( done, 5000 ).unref() ),
			] );
			resolve( code ?? ( signal ? 1 : 0 ) );
		} );
	} );
}

const results = [];
/** Running stacks by name, so a signal stops whichever is up. */
const stacks = new Map();

/** Starts a test stack (once per name); null, with the error printed, when it does not start. */
async function ensureStack( name, stackSources ) {
	if ( stacks.has( name ) ) {
		return stacks.get( name );
	}
	console.log( `\n── Test stack (${ name }) ──` );
	const started = Date.now();
	let stack = null;
	try {
		console.log(
			`  ${ ( await buildIfStale() ) ? 'built the plugin' : 'plugin build is up to date' }`
		);
		stack = await startTestStack( {
			name,
			sources: stackSources,
			log: ( line ) => console.log( `  ${ line }` ),
		} );
		console.log(
			`  WordPress ${ stack.version }, ready in ${ (
				( Date.now() - started ) /
				1000
			).toFixed( 1 ) } s`
		);
	} catch ( error ) {
		console.error(
			`  the test stack failed to start: ${ error.stack ?? error }`
		);
	}
	stacks.set( name, stack );
	return stack;
}

async function stopStacks() {
	for ( const [ name, stack ] of stacks ) {
		stacks.delete( name );
		await stack?.stop();
	}
}

/** Runs `suite`, on the named stack when it needs one, and records the result. */
async function runSuite( suite, stackName, stackSources ) {
	let env = {};
	let label = suite.label;
	if ( suite.needsStack ) {
		const stack = await ensureStack( stackName, stackSources );
		if ( ! stack ) {
			results.push( {
				label,
				ok: false,
				seconds: 0,
				note: 'test stack did not start',
			} );
			return;
		}
		env = stack.env;
		label = label.replace( 'WordPress', `WordPress ${ stack.version }` );
		if ( suite.objectCache === 'redis' ) {
			const cache = await stack.objectCache.redis();
			if ( cache.unavailable ) {
				// CI installs Redis and has the fixtures, so there a missing part is a failure, not a skip.
				results.push( {
					label,
					ok: ! process.env.CI,
					skipped: true,
					seconds: 0,
					note: cache.unavailable,
				} );
				return;
			}
			env = { ...env, ...cache.env };
		}
	}
	console.log( `\n── ${ label } ──` );
	const started = Date.now();
	let ok = true;
	const failures = [];
	try {
		for ( const command of suite.commands ) {
			ok = ( await exec( command, env, failures ) ) === 0 && ok;
		}
	} finally {
		if ( suite.objectCache ) {
			await stacks.get( stackName )?.objectCache.off();
		}
	}
	results.push( {
		label,
		ok,
		seconds: ( Date.now() - started ) / 1000,
		failures: ok ? [] : [ ...new Set( failures ) ].slice( 0, 20 ),
	} );
}

function status( result ) {
	if ( ! result.ok ) {
		return 'FAIL';
	}
	return result.skipped ? 'SKIP' : 'PASS';
}

async function main() {
	for ( const suite of suites.filter( selected ) ) {
		await runSuite( suite, STACK_NAME, sources );
	}
	await stopStacks();
	if ( args[ 'e2e-oldest' ] && sources.wordpress ) {
		for ( const suite of suites.filter(
			( candidate ) => candidate.group === 'e2e' && selected( candidate )
		) ) {
			await runSuite( suite, 'test-oldest', {
				wordpress: null,
				plugins: [],
			} );
		}
		await stopStacks();
	}

	console.log( '\n── Summary ──' );
	for ( const result of results ) {
		console.log(
			`  ${ status( result ) }  ${ result.label.padEnd( 58 ) } ${ result.seconds.toFixed( 1 ).padStart( 6 ) } s${
				result.note ? `  (${ result.note })` : ''
			}`
		);
		for ( const line of result.failures ?? [] ) {
			console.log( `        ${ line.trim() }` );
		}
	}
	const failed = results.filter( ( result ) => ! result.ok ).length;
	console.log(
		`suites: ${ results.length - failed } passed, ${ failed } failed`
	);
	process.exitCode = failed || results.length === 0 ? 1 : 0;
}

for ( const signal of [ 'SIGINT', 'SIGTERM' ] ) {
	process.on( signal, async () => {
		await stopStacks();
		process.exit( 130 );
	} );
}

main();
