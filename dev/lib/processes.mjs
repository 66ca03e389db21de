/**
 * Small process helpers shared by `npm start`, the test harness and the benchmarks.
 *
 * Servers are started detached in their own process group and stopped by that group (never by name), so
 * `php -S` workers and their children go away with them.
 */
import { spawn } from 'node:child_process';
import net from 'node:net';

/** Error whose message is meant for people; callers print it without a stack trace. */
export class UserFacingError extends Error {}

/** Resolves true when nothing listens on host:port. */
export function isPortFree( port, host = '127.0.0.1' ) {
	return new Promise( ( resolve ) => {
		const server = net.createServer();
		server.once( 'error', () => resolve( false ) );
		server.listen( { port, host, exclusive: true }, () =>
			server.close( () => resolve( true ) )
		);
	} );
}

/** A port the OS says is free right now. */
export function freePort( host = '127.0.0.1' ) {
	return new Promise( ( resolve, reject ) => {
		const server = net.createServer();
		server.once( 'error', reject );
		server.listen( 0, host, () => {
			const { port } = server.address();
			server.close( () => resolve( port ) );
		} );
	} );
}

export async function assertPortFree( port, what, hint ) {
	if ( ! ( await isPortFree( port ) ) ) {
		throw new UserFacingError(
			`Port ${ port } on 127.0.0.1 is already in use, so ${ what } cannot start there. ${ hint }`
		);
	}
}

/**
 * Starts a long-running process in its own process group.
 *
 * @return {{ child: import('node:child_process').ChildProcess, stop: () => Promise<void>, output: () => string }}
 */
export function startGroup(
	command,
	args,
	{ env = {}, cwd, name = command, echo = false } = {}
) {
	const child = spawn( command, args, {
		cwd,
		env: { ...process.env, ...env },
		detached: true,
		stdio: [ 'ignore', 'pipe', 'pipe' ],
	} );
	let log = '';
	const collect = ( chunk ) => {
		log = ( log + chunk.toString() ).slice( -20000 );
		if ( echo ) {
			process.stdout.write( chunk );
		}
	};
	child.stdout.on( 'data', collect );
	child.stderr.on( 'data', collect );
	const exited = new Promise( ( resolve ) => child.once( 'exit', resolve ) );
	let stopping = null;
	const stop = () => {
		stopping ??= ( async () => {
			if ( child.exitCode !== null || child.signalCode !== null ) {
				return;
			}
			try {
				process.kill( -child.pid, 'SIGTERM' );
			} catch {
				return;
			}
			const timer = setTimeout( () => {
				try {
					process.kill( -child.pid, 'SIGKILL' );
				} catch {}
			}, 5000 );
			await exited;
			clearTimeout( timer );
		} )();
		return stopping;
	};
	child.once( 'error', ( error ) => {
		log += `\n${ name } could not start: ${ error.message }`;
	} );
	return { child, stop, exited, output: () => log };
}

/** Runs a command to completion; rejects with its output when it fails. */
export function run( command, args, { env = {}, cwd, input } = {} ) {
	return new Promise( ( resolve, reject ) => {
		const child = spawn( command, args, {
			cwd,
			env: { ...process.env, ...env },
			stdio: [ input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe' ],
		} );
		let out = '';
		child.stdout.on( 'data', ( chunk ) => ( out += chunk ) );
		child.stderr.on( 'data', ( chunk ) => ( out += chunk ) );
		if ( input !== undefined ) {
			child.stdin.end( input );
		}
		child.once( 'error', reject );
		child.once( 'exit', ( code ) =>
			code === 0
				? resolve( out )
				: reject(
						new Error(
							`${ command } ${ args.join( ' ' ) } exited with ${ code }:\n${ out }`
						)
					)
		);
	} );
}

/** Polls until fn resolves truthy or the timeout passes. */
export async function waitFor(
	fn,
	{ timeout = 30000, interval = 200, what = 'service' } = {}
) {
	const deadline = Date.now() + timeout;
	let lastError;
	while ( Date.now() < deadline ) {
		try {
			if ( await fn() ) {
				return;
			}
		} catch ( error ) {
			lastError = error;
		}
		await new Promise( ( resolve ) => setTimeout( resolve, interval ) );
	}
	throw new Error(
		`Timed out waiting for ${ what }${ lastError ? `: ${ lastError.message }` : '' }`
	);
}
