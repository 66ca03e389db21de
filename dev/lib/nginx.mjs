/**
 * A private nginx for the load benchmark: Debian's nginx with its own configuration and folders, in the
 * foreground and its own process group (never the system service), serving a WordPress folder on 127.0.0.1 and
 * handing PHP to one or more PHP-FPM sockets in turn, as a load balancer in front of several web servers would.
 * Its access log records which upstream answered each request.
 */
import {
	existsSync,
	mkdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { startGroup, waitFor, freePort } from './processes.mjs';

const NGINX = '/usr/sbin/nginx';

/** Why nginx cannot run here, or null when it can. */
export function nginxUnavailable() {
	return existsSync( NGINX )
		? null
		: 'nginx is not installed (apt-get install nginx; bash .ci/run installs it)';
}

/**
 * @param {{ dir: string, root: string, port: number, upstreams: string[] }} options
 */
export function nginxConfig( { dir, root, port, upstreams } ) {
	const temp = ( name ) => path.join( dir, 'temp', name );
	return `daemon off;
master_process on;
worker_processes 1;
pid ${ path.join( dir, 'nginx.pid' ) };
error_log ${ path.join( dir, 'error.log' ) } warn;
${ process.getuid?.() === 0 ? 'user root;' : '' }

events {
	worker_connections 1024;
}

http {
	include /etc/nginx/mime.types;
	log_format upstream '$upstream_addr $status';
	access_log ${ path.join( dir, 'upstream.log' ) } upstream;
	client_body_temp_path ${ temp( 'body' ) };
	fastcgi_temp_path ${ temp( 'fastcgi' ) };
	proxy_temp_path ${ temp( 'proxy' ) };
	uwsgi_temp_path ${ temp( 'uwsgi' ) };
	scgi_temp_path ${ temp( 'scgi' ) };

	upstream php {
${ upstreams.map( ( socket ) => `		server unix:${ socket };` ).join( '\n' ) }
	}

	server {
		listen 127.0.0.1:${ port };
		root ${ root };
		index index.php;

		location / {
			try_files $uri $uri/ /index.php$is_args$args;
		}

		location ~ \\.php$ {
			include /etc/nginx/fastcgi_params;
			fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;
			fastcgi_pass php;
		}
	}
}
`;
}

/**
 * Starts nginx in front of the given PHP-FPM sockets.
 *
 * @param {Object}   options
 * @param {string}   options.dir       Folder for its configuration, temp files and logs (emptied first).
 * @param {string}   options.root      The WordPress folder.
 * @param {string[]} options.upstreams PHP-FPM Unix sockets, used in turn.
 * @return {Promise<{ url: string, pid: number, stop: () => Promise<void>, upstreamCounts: () => Record<string, number> }>}
 */
export async function startNginx( { dir, root, upstreams } ) {
	const why = nginxUnavailable();
	if ( why ) {
		throw new Error( why );
	}
	rmSync( dir, { recursive: true, force: true } );
	for ( const name of [ 'body', 'fastcgi', 'proxy', 'uwsgi', 'scgi' ] ) {
		mkdirSync( path.join( dir, 'temp', name ), { recursive: true } );
	}
	const port = await freePort();
	const config = path.join( dir, 'nginx.conf' );
	writeFileSync( config, nginxConfig( { dir, root, port, upstreams } ) );
	// -e: the early error log too, so nginx never writes to /var/log/nginx.
	const nginx = startGroup(
		NGINX,
		[ '-p', dir, '-c', config, '-e', path.join( dir, 'error.log' ) ],
		{ name: 'nginx' }
	);
	const url = `http://127.0.0.1:${ port }`;
	try {
		await waitFor(
			async () => {
				if ( nginx.child.exitCode !== null ) {
					throw new Error( `nginx exited:\n${ nginx.output() }` );
				}
				await fetch( `${ url }/wp-includes/images/blank.gif` );
				return true;
			},
			{ timeout: 20000, what: 'nginx' }
		);
	} catch ( error ) {
		await nginx.stop();
		throw error;
	}
	const log = path.join( dir, 'upstream.log' );
	return {
		url,
		pid: nginx.child.pid,
		stop: nginx.stop,
		/** Requests per upstream socket so far, from the access log. */
		upstreamCounts() {
			const counts = {};
			const text = existsSync( log ) ? readFileSync( log, 'utf8' ) : '';
			for ( const line of text.split( '\n' ) ) {
				const upstream = line.split( ' ' )[ 0 ];
				if ( upstream && upstream !== '-' ) {
					counts[ upstream ] = ( counts[ upstream ] ?? 0 ) + 1;
				}
			}
			return counts;
		},
	};
}
