/**
 * A private PHP-FPM master for the load benchmark: Debian's php-fpm with its own configuration, one pool on a
 * Unix socket in its own folder, run in the foreground in its own process group (never the system service), so
 * it stops with that group. Several of them stand for several web servers sharing one site.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startGroup, waitFor } from './processes.mjs';

/** Debian's PHP-FPM binaries, newest first. */
const CANDIDATES = [
	'/usr/sbin/php-fpm8.4',
	'/usr/sbin/php-fpm8.3',
	'/usr/sbin/php-fpm8.2',
];

function binary() {
	return CANDIDATES.find( ( file ) => existsSync( file ) ) ?? null;
}

/** Why PHP-FPM cannot run here, or null when it can. */
export function phpFpmUnavailable() {
	return binary()
		? null
		: 'php-fpm is not installed (apt-get install php-fpm; bash .ci/run installs it)';
}

/**
 * The configuration of one master with one static pool.
 *
 * @param {{ dir: string, socket: string, children: number }} options
 */
export function phpFpmConfig( { dir, socket, children } ) {
	// As root, FPM insists on a user for the pool; the benchmark's files belong to whoever runs it.
	const owner = process.getuid?.() === 0 ? 'user = root\ngroup = root\n' : '';
	return `[global]
pid = ${ path.join( dir, 'php-fpm.pid' ) }
error_log = ${ path.join( dir, 'php-fpm.log' ) }
daemonize = no

[site]
${ owner }listen = ${ socket }
listen.mode = 0600
pm = static
pm.max_children = ${ children }
catch_workers_output = yes
php_admin_value[error_log] = ${ path.join( dir, 'php-error.log' ) }
php_admin_flag[log_errors] = on
`;
}

/**
 * Starts php-fpm with one pool of `children` workers listening on a Unix socket in `dir`.
 *
 * @param {Object}  options
 * @param {string}  options.dir      Folder for its configuration, socket and logs (emptied first).
 * @param {number=} options.children Worker processes (static).
 * @return {Promise<{ socket: string, pid: number, stop: () => Promise<void>, output: () => string }>}
 */
export async function startPhpFpm( { dir, children = 4 } ) {
	const why = phpFpmUnavailable();
	if ( why ) {
		throw new Error( why );
	}
	rmSync( dir, { recursive: true, force: true } );
	mkdirSync( dir, { recursive: true } );
	const socket = path.join( dir, 'php-fpm.sock' );
	const config = path.join( dir, 'php-fpm.conf' );
	writeFileSync( config, phpFpmConfig( { dir, socket, children } ) );
	const args = [ '--nodaemonize', '--fpm-config', config ];
	if ( process.getuid?.() === 0 ) {
		args.push( '--allow-to-run-as-root' );
	}
	const fpm = startGroup( binary(), args, { name: 'php-fpm' } );
	try {
		await waitFor(
			() => {
				if ( fpm.child.exitCode !== null ) {
					throw new Error(
						`php-fpm exited:\n${ fpm.output() }\nsee ${ path.join( dir, 'php-fpm.log' ) }`
					);
				}
				return existsSync( socket );
			},
			{ timeout: 20000, what: 'php-fpm' }
		);
	} catch ( error ) {
		await fpm.stop();
		throw error;
	}
	return {
		socket,
		pid: fpm.child.pid,
		stop: fpm.stop,
		output: fpm.output,
	};
}
