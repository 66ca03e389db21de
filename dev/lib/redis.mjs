/**
 * A private Redis server for the test suites and the load benchmark: Debian's redis-server with its own data
 * folder, bound to 127.0.0.1 on its own port, no persistence, started without touching the system service and
 * stopped by its own process group.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { startGroup, waitFor, freePort } from './processes.mjs';

const SERVER = '/usr/bin/redis-server';

/** Why Redis cannot run here, or null when it can. */
export function redisUnavailable() {
	return existsSync( SERVER )
		? null
		: 'redis-server is not installed (apt-get install redis-server; bash .ci/run installs it)';
}

/**
 * Sends one inline command and resolves with the first reply line (e.g. "+PONG").
 *
 * @param {number} port    Server port on 127.0.0.1.
 * @param {string} command Inline command, e.g. "PING".
 */
export function redisCommand( port, command ) {
	return new Promise( ( resolve, reject ) => {
		const socket = net.connect( { host: '127.0.0.1', port } );
		let reply = '';
		socket.setTimeout( 2000, () =>
			socket.destroy( new Error( 'timeout' ) )
		);
		socket.once( 'error', reject );
		socket.on( 'data', ( chunk ) => {
			reply += chunk;
			if ( reply.includes( '\r\n' ) ) {
				socket.end();
				resolve( reply.slice( 0, reply.indexOf( '\r\n' ) ) );
			}
		} );
		socket.write( `${ command }\r\n` );
	} );
}

/**
 * Starts redis-server.
 *
 * @param {Object}  options
 * @param {string}  options.dataDir Folder for its files (emptied first).
 * @param {number=} options.port    Port (default: a free one).
 * @return {Promise<{ host: string, port: number, pid: number, stop: () => Promise<void> }>}
 */
export async function startRedis( { dataDir, port } ) {
	const why = redisUnavailable();
	if ( why ) {
		throw new Error( why );
	}
	rmSync( dataDir, { recursive: true, force: true } );
	mkdirSync( dataDir, { recursive: true } );
	const tcpPort = port ?? ( await freePort() );
	const redis = startGroup(
		SERVER,
		[
			'--bind',
			'127.0.0.1',
			'--port',
			String( tcpPort ),
			'--dir',
			dataDir,
			'--save',
			'',
			'--appendonly',
			'no',
			'--daemonize',
			'no',
			'--logfile',
			path.join( dataDir, 'redis.log' ),
		],
		{ name: 'redis-server' }
	);
	await waitFor(
		async () => {
			if ( redis.child.exitCode !== null ) {
				throw new Error(
					`redis-server exited; see ${ path.join( dataDir, 'redis.log' ) }`
				);
			}
			return ( await redisCommand( tcpPort, 'PING' ) ) === '+PONG';
		},
		{ timeout: 20000, what: 'Redis' }
	);
	return {
		host: '127.0.0.1',
		port: tcpPort,
		pid: redis.child.pid,
		stop: redis.stop,
	};
}
