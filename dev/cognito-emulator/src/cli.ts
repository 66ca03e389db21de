/**
 * Command line: npx tsx dev/cognito-emulator/src/cli.ts --port 9229 --data .cognito-emulator
 *   [--seed file.json] [--host 127.0.0.1] [--public-url http://…] [--allow-origin http://…]… [--quiet]
 *
 * --allow-origin (repeatable) names the pages that may call the public API from a browser (the site's
 * WordPress); without it any loopback origin may. Admin operations, the outbox and the clock answer no web page.
 */
import { parseArgs } from 'node:util';
import { startEmulator } from './index';

function fail( message: string ): never {
	console.error( `cognito-emulator: ${ message }` );
	process.exit( 1 );
}

async function main(): Promise< void > {
	let values;
	try {
		( { values } = parseArgs( {
			options: {
				port: { type: 'string', default: '9229' },
				data: { type: 'string', default: '.cognito-emulator' },
				seed: { type: 'string' },
				host: { type: 'string', default: '127.0.0.1' },
				'public-url': { type: 'string' },
				'allow-origin': { type: 'string', multiple: true },
				quiet: { type: 'boolean', default: false },
				help: { type: 'boolean', default: false },
			},
		} ) );
	} catch ( e ) {
		fail( ( e as Error ).message );
	}
	if ( values.help ) {
		console.log(
			'Usage: cli.ts --port 9229 --data .cognito-emulator [--seed seed.json] [--host 127.0.0.1] [--public-url URL] [--allow-origin URL]... [--quiet]'
		);
		return;
	}
	const port = Number( values.port );
	if ( ! Number.isInteger( port ) || port < 0 || port > 65535 ) {
		fail( `invalid --port "${ values.port }"` );
	}
	let emulator;
	try {
		emulator = await startEmulator( {
			host: values.host,
			port,
			dataDir: values.data,
			seed: values.seed,
			publicUrl: values[ 'public-url' ],
			allowedOrigins: values[ 'allow-origin' ],
			quiet: values.quiet,
		} );
	} catch ( e ) {
		const err = e as NodeJS.ErrnoException;
		if ( err.code === 'EADDRINUSE' ) {
			fail( `port ${ port } on ${ values.host } is already in use` );
		}
		fail(
			err.code === 'ENOENT'
				? `file not found: ${ err.path ?? values.seed }`
				: err.message
		);
	}
	console.log( `Cognito emulator listening on ${ emulator.url }` );
	console.log( `  data folder: ${ values.data }` );
	if ( emulator.poolId ) {
		console.log( `  user pool id: ${ emulator.poolId }` );
		console.log( `  app client id: ${ emulator.clientId ?? '(none)' }` );
		console.log( `  JWKS: ${ emulator.jwksUrl }` );
	}
	console.log(
		`  outbox: ${ emulator.url }/_emulator/outbox?username=<name>`
	);

	let stopping = false;
	const stop = ( signal: string ) => {
		if ( stopping ) {
			return;
		}
		stopping = true;
		console.log( `Received ${ signal }, shutting down.` );
		emulator.close().then(
			() => process.exit( 0 ),
			( e: Error ) => fail( e.message )
		);
	};
	process.on( 'SIGINT', () => stop( 'SIGINT' ) );
	process.on( 'SIGTERM', () => stop( 'SIGTERM' ) );
}

void main();
