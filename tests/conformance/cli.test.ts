import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SEED } from './seed';

const ROOT = resolve( import.meta.dirname, '../..' );
const TSX = join( ROOT, 'node_modules/.bin/tsx' );
const CLI = join( ROOT, 'dev/cognito-emulator/src/cli.ts' );
const dir = mkdtempSync( join( tmpdir(), 'cognito-emulator-cli-' ) );
afterAll( () => rmSync( dir, { recursive: true, force: true } ) );

function run( args: string[] ) {
	const child = spawn( TSX, [ CLI, ...args ], {
		cwd: ROOT,
		stdio: [ 'ignore', 'pipe', 'pipe' ],
	} );
	let stdout = '';
	let stderr = '';
	child.stdout.on( 'data', ( d ) => ( stdout += d ) );
	child.stderr.on( 'data', ( d ) => ( stderr += d ) );
	const exited = new Promise< number | null >( ( r ) =>
		child.on( 'exit', ( code ) => r( code ) )
	);
	return { child, exited, out: () => stdout, err: () => stderr };
}

describe( 'CLI', () => {
	it( 'fails with one clear line and exit code 1 when the port is taken', async () => {
		const blocker = createServer();
		await new Promise< void >( ( r ) =>
			blocker.listen( 0, '127.0.0.1', r )
		);
		const port = ( blocker.address() as { port: number } ).port;
		try {
			const proc = run( [
				'--port',
				String( port ),
				'--data',
				join( dir, 'taken' ),
			] );
			expect( await proc.exited ).toBe( 1 );
			expect( proc.err().trim() ).toBe(
				`cognito-emulator: port ${ port } on 127.0.0.1 is already in use`
			);
			expect( proc.err() ).not.toContain( '    at ' );
		} finally {
			blocker.close();
		}
	} );

	it( 'starts with a seed, prints URL, pool, client and JWKS, and shuts down cleanly on SIGTERM', async () => {
		const seedFile = join( dir, 'seed.json' );
		writeFileSync( seedFile, JSON.stringify( SEED ) );
		const data = join( dir, 'data' );
		const proc = run( [
			'--port',
			'0',
			'--data',
			data,
			'--seed',
			seedFile,
		] );
		const deadline = Date.now() + 20_000;
		while ( ! proc.out().includes( 'outbox:' ) && Date.now() < deadline ) {
			await new Promise( ( r ) => setTimeout( r, 100 ) );
		}
		const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(
			proc.out()
		)?.[ 1 ];
		expect( url ).toBeTruthy();
		expect( proc.out() ).toContain( `user pool id: ${ SEED.pool.id }` );
		expect( proc.out() ).toContain(
			`app client id: ${ SEED.clients![ 0 ]!.id }`
		);
		expect( proc.out() ).toContain(
			`JWKS: ${ url }/${ SEED.pool.id }/.well-known/jwks.json`
		);
		expect( ( await fetch( `${ url }/_emulator/health` ) ).status ).toBe(
			200
		);
		proc.child.kill( 'SIGTERM' );
		expect( await proc.exited ).toBe( 0 );
		expect( existsSync( join( data, 'state.json' ) ) ).toBe( true );
		expect( existsSync( join( data, 'keys.json' ) ) ).toBe( true );
	} );
} );
