// @vitest-environment node
/**
 * The connection test's app client check (src/admin/probe.ts) with the real library against the local Cognito
 * emulator: a working client, a client that does not exist, one without SRP, and a pool that hides which users
 * exist (the made-up user then gets a challenge and a refused password, which still means the client works).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	startEmulator,
	type RunningEmulator,
} from '../../../dev/cognito-emulator/src/index';
import { probeClient, probeLine } from '../../../src/admin/probe';

const POOL = 'us-east-1_ProbeTest1';
let emulator: RunningEmulator;
let dataDir: string;

beforeAll( async () => {
	dataDir = mkdtempSync( join( tmpdir(), 'cognito-emulator-probe-' ) );
	emulator = await startEmulator( {
		port: 0,
		dataDir,
		quiet: true,
		seed: {
			pool: { id: POOL, name: 'probe' },
			clients: [
				{
					id: 'probeokclient',
					name: 'ok',
					preventUserExistenceErrors: 'LEGACY',
				},
				{
					id: 'probehiddenclient',
					name: 'hidden',
					preventUserExistenceErrors: 'ENABLED',
				},
				{
					id: 'probenosrpclient',
					name: 'no srp',
					explicitAuthFlows: [
						'ALLOW_USER_PASSWORD_AUTH',
						'ALLOW_REFRESH_TOKEN_AUTH',
					],
				},
			],
			users: [],
		},
	} );
} );

afterAll( async () => {
	await emulator.close();
	rmSync( dataDir, { recursive: true, force: true } );
} );

const probe = ( clientId: string ) =>
	probeClient( {
		userPoolId: POOL,
		clientId,
		endpoint: `${ emulator.url }/`,
	} );

describe( 'the app client check against the emulator', () => {
	it( 'passes a client that allows SRP, whether the pool reveals unknown users or not', async () => {
		for ( const client of [ 'probeokclient', 'probehiddenclient' ] ) {
			const line = await probe( client );
			expect(
				line.ok,
				`${ client }: ${ line.label } ${ line.detail }`
			).toBe( true );
			expect( line.label ).toBe( 'The app client allows SRP sign-in' );
		}
	} );

	it( 'names a client that does not exist', async () => {
		const line = await probe( 'nosuchclient' );
		expect( line.ok ).toBe( false );
		expect( line.label ).toBe( 'App client nosuchclient was not found' );
	} );

	it( 'says when SRP is not enabled for the client', async () => {
		const line = await probe( 'probenosrpclient' );
		expect( line.ok ).toBe( false );
		expect( line.label ).toBe(
			'SRP sign-in is not enabled for this app client'
		);
		expect( line.detail ).toContain( 'ALLOW_USER_SRP_AUTH' );
	} );

	it( 'says when Cognito cannot be reached', async () => {
		const line = await probeClient( {
			userPoolId: POOL,
			clientId: 'probeokclient',
			endpoint: 'http://127.0.0.1:9/',
		} );
		expect( line.ok ).toBe( false );
		expect( line.label ).toBe(
			'Cognito cannot be reached from this browser'
		);
	} );
} );

describe( "reading Cognito's answers", () => {
	it.each( [
		[
			{ code: 'UserNotFoundException', message: 'User does not exist.' },
			true,
		],
		[
			{
				code: 'NotAuthorizedException',
				message: 'Incorrect username or password.',
			},
			true,
		],
		[
			{
				code: 'NotAuthorizedException',
				message: 'Unable to verify secret hash for client abc',
			},
			false,
		],
		[
			{
				code: 'ResourceNotFoundException',
				message: 'User pool client abc does not exist.',
			},
			false,
		],
		[
			{
				code: 'InvalidParameterException',
				message: 'USER_SRP_AUTH is not enabled for the client.',
			},
			false,
		],
		[
			{
				code: 'TimeoutError',
				message: 'Request timed out after 10000 ms',
			},
			false,
		],
		[
			{ code: 'TooManyRequestsException', message: 'Rate exceeded' },
			false,
		],
	] )( '%o → ok %s', ( error, ok ) => {
		expect( probeLine( error, 'abc' ).ok ).toBe( ok );
	} );

	it( 'tells a client secret apart from a wrong password', () => {
		expect(
			probeLine(
				{
					code: 'NotAuthorizedException',
					message: 'Unable to verify secret hash for client abc',
				},
				'abc'
			).label
		).toBe( 'The app client has a client secret' );
	} );

	it( 'shows an unexpected answer as it came', () => {
		const line = probeLine(
			{ code: 'TooManyRequestsException', message: 'Rate exceeded' },
			'abc'
		);
		expect( line.detail ).toBe(
			'Cognito answered TooManyRequestsException: Rate exceeded'
		);
	} );
} );
