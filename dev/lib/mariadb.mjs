/**
 * A private MariaDB server for the local stack and the test suites: its own data folder, bound to 127.0.0.1 on
 * its own port, started from Debian's mariadb-server binaries without touching the system service, and stopped by
 * its own process group.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import {
	run,
	startGroup,
	waitFor,
	freePort,
	UserFacingError,
} from './processes.mjs';

const SERVER_CANDIDATES = [ '/usr/sbin/mariadbd', '/usr/sbin/mysqld' ];

function findServer() {
	const found = SERVER_CANDIDATES.find( ( candidate ) =>
		existsSync( candidate )
	);
	if ( ! found ) {
		throw new UserFacingError(
			'MariaDB is not installed. On Debian/Ubuntu: apt-get install mariadb-server (bash .ci/run installs it too).'
		);
	}
	return found;
}

/**
 * Starts MariaDB with a fresh (or reused) data folder and creates one database with its own user.
 *
 * @param {Object}   options
 * @param {string}   options.dataDir  Folder for the server's files.
 * @param {number=}  options.port     TCP port on 127.0.0.1 (default: a free one).
 * @param {string=}  options.database Database to create.
 * @param {boolean=} options.fresh    Drop the data folder first.
 * @return {Promise<{ host: string, port: number, user: string, password: string, name: string, stop: () => Promise<void> }>}
 */
export async function startMariaDb( {
	dataDir,
	port,
	database = 'wordpress',
	fresh = true,
} ) {
	const server = findServer();
	if ( fresh ) {
		rmSync( dataDir, { recursive: true, force: true } );
	}
	const data = path.join( dataDir, 'data' );
	if ( ! existsSync( path.join( data, 'mysql' ) ) ) {
		mkdirSync( data, { recursive: true } );
		await run( 'mariadb-install-db', [
			'--no-defaults',
			`--datadir=${ data }`,
			'--auth-root-authentication-method=socket',
			'--skip-test-db',
			...( process.getuid?.() === 0 ? [ '--user=root' ] : [] ),
		] );
	}
	const socket = path.join( dataDir, 'mysqld.sock' );
	const tcpPort = port ?? ( await freePort() );
	const mariadb = startGroup(
		server,
		[
			'--no-defaults',
			`--datadir=${ data }`,
			`--socket=${ socket }`,
			`--port=${ tcpPort }`,
			'--bind-address=127.0.0.1',
			`--pid-file=${ path.join( dataDir, 'mysqld.pid' ) }`,
			`--log-error=${ path.join( dataDir, 'error.log' ) }`,
			'--innodb-buffer-pool-size=128M',
			'--innodb-flush-log-at-trx-commit=2',
			'--max-connections=300',
			...( process.getuid?.() === 0 ? [ '--user=root' ] : [] ),
		],
		{ name: 'mariadbd' }
	);
	const client = ( sql ) =>
		run( 'mariadb', [
			'--no-defaults',
			`--socket=${ socket }`,
			'-uroot',
			'-e',
			sql,
		] );
	await waitFor(
		async () => {
			if ( mariadb.child.exitCode !== null ) {
				throw new Error(
					`mariadbd exited; see ${ path.join( dataDir, 'error.log' ) }`
				);
			}
			await client( 'SELECT 1' );
			return true;
		},
		{ timeout: 60000, what: 'MariaDB' }
	);
	const password = randomBytes( 12 ).toString( 'hex' );
	const user = 'wordpress';
	await client(
		`CREATE DATABASE IF NOT EXISTS \`${ database }\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
		 CREATE USER IF NOT EXISTS '${ user }'@'127.0.0.1' IDENTIFIED BY '${ password }';
		 ALTER USER '${ user }'@'127.0.0.1' IDENTIFIED BY '${ password }';
		 GRANT ALL PRIVILEGES ON \`${ database }\`.* TO '${ user }'@'127.0.0.1';`
	);
	return {
		type: 'mariadb',
		host: '127.0.0.1',
		port: tcpPort,
		user,
		password,
		name: database,
		stop: mariadb.stop,
	};
}
