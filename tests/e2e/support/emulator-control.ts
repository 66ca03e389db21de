/**
 * Stops and restarts the test stack's Cognito emulator for real, so outage tests exercise the browser's actual
 * "connection refused" path rather than a mocked route.
 *
 * The stack records the process group of the running emulator in EMULATOR_PID_FILE and stops whatever group that
 * file names when it shuts down; a restarted emulator therefore writes its own group there, or it would outlive
 * the run. The data folder is reused, so the pool, users and signing keys survive the restart.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath( new URL( '../../..', import.meta.url ) );
const CLI = path.join( ROOT, 'dev/cognito-emulator/src/cli.ts' );

function env( name: string ): string {
	const value = process.env[ name ];
	if ( ! value ) {
		throw new Error(
			`${ name } is not set: outage tests need the test stack's emulator.`
		);
	}
	return value;
}

function isAlive( pid: number ): boolean {
	try {
		process.kill( pid, 0 );
		return true;
	} catch ( error ) {
		return ( error as NodeJS.ErrnoException ).code === 'EPERM';
	}
}

async function until(
	check: () => Promise< boolean > | boolean,
	what: string,
	timeout = 15_000
): Promise< void > {
	const deadline = Date.now() + timeout;
	while ( Date.now() < deadline ) {
		if ( await check() ) {
			return;
		}
		await new Promise( ( resolve ) => setTimeout( resolve, 100 ) );
	}
	throw new Error( `Timed out waiting for ${ what }.` );
}

/**
 * True when something accepts TCP connections on the emulator's port.
 * @param port
 */
function accepts( port: number ): Promise< boolean > {
	return new Promise( ( resolve ) => {
		const socket = net.connect( { port, host: '127.0.0.1' } );
		socket.once( 'connect', () => {
			socket.destroy();
			resolve( true );
		} );
		socket.once( 'error', () => resolve( false ) );
	} );
}

async function healthy(): Promise< boolean > {
	try {
		return ( await fetch( `${ env( 'EMULATOR_URL' ) }/_emulator/health` ) )
			.ok;
	} catch {
		return false;
	}
}

/** Stops the running emulator's process group and waits until its port refuses connections. */
export async function stopEmulator(): Promise< void > {
	const pid = Number( readFileSync( env( 'EMULATOR_PID_FILE' ), 'utf8' ) );
	if ( pid && isAlive( pid ) ) {
		process.kill( -pid, 'SIGTERM' );
		await until( () => ! isAlive( pid ), 'the emulator to exit' );
	}
	const port = Number( env( 'EMULATOR_PORT' ) );
	await until(
		async () => ! ( await accepts( port ) ),
		'the emulator port to refuse connections'
	);
}

/**
 * Starts the emulator again on the same port and data folder (in its own process group, not tied to this
 * worker) unless one already answers, and records its group for the stack's shutdown.
 */
export async function startEmulator(): Promise< void > {
	if ( await healthy() ) {
		return;
	}
	const child = spawn(
		process.execPath,
		[
			'--import',
			'tsx',
			CLI,
			'--port',
			env( 'EMULATOR_PORT' ),
			'--data',
			env( 'EMULATOR_DATA' ),
			...( process.env.EMULATOR_ALLOWED_ORIGINS ?? '' )
				.split( ' ' )
				.filter( Boolean )
				.flatMap( ( origin ) => [ '--allow-origin', origin ] ),
			'--quiet',
		],
		{ cwd: ROOT, detached: true, stdio: 'ignore' }
	);
	if ( ! child.pid ) {
		throw new Error( 'The emulator could not be started again.' );
	}
	writeFileSync( env( 'EMULATOR_PID_FILE' ), String( child.pid ) );
	child.unref();
	await until( healthy, 'the restarted emulator to answer', 30_000 );
}

/**
 * Calls an admin operation of the emulator. It accepts any SigV4-looking signature from this machine, as there
 * are no IAM users to check it against.
 * @param operation
 * @param input
 */
export async function admin(
	operation: string,
	input: Record< string, unknown >
): Promise< Record< string, any > > {
	const response = await fetch( `${ env( 'EMULATOR_URL' ) }/`, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-amz-json-1.1',
			'x-amz-target': `AWSCognitoIdentityProviderService.${ operation }`,
			authorization:
				'AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/cognito-idp/aws4_request, SignedHeaders=host, Signature=0',
		},
		body: JSON.stringify( input ),
	} );
	const body = await response.json();
	if ( ! response.ok ) {
		throw new Error( `${ operation }: ${ JSON.stringify( body ) }` );
	}
	return body;
}

/**
 * A second pool that requires MFA, with one confirmed user who has no factor yet: signing that user in leads to
 * the MFA_SETUP challenge, which the seeded test pool (MFA optional) never asks for.
 * @param password
 */
export async function createMfaRequiredPool( password: string ): Promise< {
	poolId: string;
	clientId: string;
	username: string;
} > {
	const { UserPool } = await admin( 'CreateUserPool', {
		PoolName: `mfa-required-${ Date.now() }`,
		MfaConfiguration: 'ON',
	} );
	const { UserPoolClient } = await admin( 'CreateUserPoolClient', {
		UserPoolId: UserPool.Id,
		ClientName: 'WordPress (MFA required)',
	} );
	const username = `mfa-setup-${ Date.now() }@example.test`;
	await admin( 'AdminCreateUser', {
		UserPoolId: UserPool.Id,
		Username: username,
		MessageAction: 'SUPPRESS',
		UserAttributes: [ { Name: 'email', Value: username } ],
	} );
	await admin( 'AdminSetUserPassword', {
		UserPoolId: UserPool.Id,
		Username: username,
		Password: password,
		Permanent: true,
	} );
	return { poolId: UserPool.Id, clientId: UserPoolClient.ClientId, username };
}

/**
 * A new confirmed user, with a verified email, in the test stack's pool: one that no WordPress account knows yet.
 * @param password
 * @return Its username (also its email).
 */
export async function createPoolUser( password: string ): Promise< string > {
	const username = `pool-${ Date.now() }-${ Math.random()
		.toString( 36 )
		.slice( 2, 8 ) }@example.test`;
	const pool = { UserPoolId: env( 'COGNITO_POOL_ID' ), Username: username };
	await admin( 'AdminCreateUser', {
		...pool,
		MessageAction: 'SUPPRESS',
		UserAttributes: [
			{ Name: 'email', Value: username },
			{ Name: 'email_verified', Value: 'true' },
		],
	} );
	await admin( 'AdminSetUserPassword', {
		...pool,
		Password: password,
		Permanent: true,
	} );
	return username;
}
