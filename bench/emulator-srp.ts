/**
 * SRP sign-ins per second against a freshly started emulator, driven by amazon-cognito-identity-js.
 * Prints figures only; nothing here asserts on timing. Run: npx tsx bench/emulator-srp.ts [count]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	AuthenticationDetails,
	CognitoUser,
	CognitoUserPool,
} from 'amazon-cognito-identity-js';
import { startEmulator } from '../dev/cognito-emulator/src/index';
import {
	srpStart,
	srpVerifyClaim,
	makeVerifier,
} from '../dev/cognito-emulator/src/srp';

const COUNT = Number( process.argv[ 2 ] ?? 50 );
const PASSWORD = 'Bench-Passw0rd!';

const dataDir = mkdtempSync( join( tmpdir(), 'cognito-emulator-bench-' ) );
const emulator = await startEmulator( {
	port: 0,
	dataDir,
	quiet: true,
	seed: {
		pool: { id: 'us-east-1_BenchPool1', name: 'bench' },
		client: { id: 'benchclient000000000000001', name: 'bench' },
		users: [
			{
				username: 'bench',
				password: PASSWORD,
				attributes: {
					email: 'bench@example.com',
					email_verified: true,
				},
			},
		],
	},
} );

try {
	const pool = new CognitoUserPool( {
		UserPoolId: emulator.poolId!,
		ClientId: emulator.clientId!,
		endpoint: `${ emulator.url }/`,
	} );
	const signIn = () =>
		new Promise< void >( ( resolve, reject ) =>
			new CognitoUser( {
				Username: 'bench',
				Pool: pool,
			} ).authenticateUser(
				new AuthenticationDetails( {
					Username: 'bench',
					Password: PASSWORD,
				} ),
				{ onSuccess: () => resolve(), onFailure: reject }
			)
		);
	await signIn(); // warm-up
	const started = performance.now();
	for ( let i = 0; i < COUNT; i++ ) {
		await signIn();
	}
	const seconds = ( performance.now() - started ) / 1000;
	console.log(
		`end-to-end SRP sign-ins (client + server, sequential): ${ COUNT } in ${ seconds.toFixed( 2 ) } s = ${ ( COUNT / seconds ).toFixed( 1 ) } sign-ins/s`
	);

	// Server-side share: the emulator's SRP work per sign-in, without the client's pure-JS arithmetic.
	const { verifier } = makeVerifier(
		'us-east-1_BenchPool1',
		'bench',
		PASSWORD
	);
	const A = 'ab'.repeat( 384 );
	const rounds = COUNT * 4;
	const s0 = performance.now();
	for ( let i = 0; i < rounds; i++ ) {
		const srp = srpStart( verifier, A )!;
		srpVerifyClaim( {
			poolId: 'us-east-1_BenchPool1',
			username: 'bench',
			verifier,
			srp,
			secretBlock: 'AA==',
			timestamp: 'x',
			signature: 'AA==',
		} );
	}
	const serverSeconds = ( performance.now() - s0 ) / 1000;
	console.log(
		`server-side SRP only (B generation + claim check): ${ ( rounds / serverSeconds ).toFixed( 0 ) } per second`
	);
} finally {
	await emulator.close();
	rmSync( dataDir, { recursive: true, force: true } );
}
