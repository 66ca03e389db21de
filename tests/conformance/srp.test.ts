import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	emulatorUrl,
	failure,
	privateEmulator,
	setClock,
	signIn,
	signInOk,
	userPool,
} from './helpers';
import { respond, srpInitiate, srpResponses } from './srp-client';
import { CLIENT_ID, LEGACY_CLIENT_ID, PASSWORD, POOL_ID, SEED } from './seed';

describe( 'SRP sign-in with amazon-cognito-identity-js', () => {
	it( 'accepts 200 consecutive sign-ins with the right password (covers B/S values with leading zero bytes)', async () => {
		let ok = 0;
		for ( let i = 0; i < 200; i++ ) {
			const { session } = await signInOk( 'bob', PASSWORD );
			expect( session.getIdToken().payload[ 'cognito:username' ] ).toBe(
				'bob'
			);
			ok++;
		}
		expect( ok ).toBe( 200 );
		// ~65 s on an idle 2-core machine: the client's pure-JS 3072-bit arithmetic dominates.
	}, 300_000 );

	it( 'rejects 50 sign-ins with wrong passwords', async () => {
		for ( let i = 0; i < 50; i++ ) {
			const err = await failure( signIn( 'bob', `${ PASSWORD }${ i }` ) );
			expect( err.code ).toBe( 'NotAuthorizedException' );
			expect( err.message ).toBe( 'Incorrect username or password.' );
		}
	} );

	it( 'answers an unknown user with a fake challenge and then "Incorrect username or password." (PreventUserExistenceErrors)', async () => {
		const init = await srpInitiate(
			emulatorUrl(),
			CLIENT_ID,
			'nobody-here'
		);
		expect( init.json.ChallengeName ).toBe( 'PASSWORD_VERIFIER' );
		expect( init.json.ChallengeParameters.SRP_B ).toMatch( /^[0-9a-f]+$/ );
		const err = await failure( signIn( 'nobody-here', PASSWORD ) );
		expect( err.code ).toBe( 'NotAuthorizedException' );
		expect( err.message ).toBe( 'Incorrect username or password.' );
	} );

	it( 'reveals unknown users only to LEGACY clients', async () => {
		const err = await failure(
			signIn( 'nobody-here', PASSWORD, userPool( LEGACY_CLIENT_ID ) )
		);
		expect( err.code ).toBe( 'UserNotFoundException' );
		expect( err.message ).toBe( 'User does not exist.' );
	} );

	it( 'stores only salt and verifier', async () => {
		const { readFileSync } = await import( 'node:fs' );
		// A private emulator, so the test knows where its state file is.
		const emu = await privateEmulator( SEED );
		try {
			await emu.close();
			const state = readFileSync( `${ emu.dataDir }/state.json`, 'utf8' );
			expect( state ).not.toContain( PASSWORD );
			expect( state ).toMatch( /"verifier":"[0-9a-f]{300,}"/ );
		} finally {
			await emu.dispose();
		}
	} );
} );

describe( 'SRP protocol checks (hand-driven exchange)', () => {
	const url = () => emulatorUrl();

	it( 'accepts the hand-built claim once and refuses a replay of the same secret block', async () => {
		const { responses } = await srpResponses(
			url(),
			POOL_ID,
			CLIENT_ID,
			'bob',
			PASSWORD
		);
		const first = await respond( url(), CLIENT_ID, responses );
		expect( first.status ).toBe( 200 );
		expect( first.json.AuthenticationResult.IdToken ).toBeTruthy();
		const replay = await respond( url(), CLIENT_ID, responses );
		expect( replay.status ).toBe( 400 );
		expect( replay.json.__type ).toBe( 'NotAuthorizedException' );
	} );

	it( 'refuses a wrong PASSWORD_CLAIM_SECRET_BLOCK', async () => {
		const { responses } = await srpResponses(
			url(),
			POOL_ID,
			CLIENT_ID,
			'bob',
			PASSWORD
		);
		const forged = Buffer.from(
			responses.PASSWORD_CLAIM_SECRET_BLOCK,
			'base64'
		);
		forged[ 0 ] ^= 1;
		const res = await respond( url(), CLIENT_ID, {
			...responses,
			PASSWORD_CLAIM_SECRET_BLOCK: forged.toString( 'base64' ),
		} );
		expect( res.status ).toBe( 400 );
		expect( res.json.__type ).toBe( 'NotAuthorizedException' );
	} );

	it( 'refuses a tampered signature', async () => {
		const { responses } = await srpResponses(
			url(),
			POOL_ID,
			CLIENT_ID,
			'bob',
			PASSWORD
		);
		const sig = Buffer.from( responses.PASSWORD_CLAIM_SIGNATURE, 'base64' );
		sig[ 3 ] ^= 0x80;
		const res = await respond( url(), CLIENT_ID, {
			...responses,
			PASSWORD_CLAIM_SIGNATURE: sig.toString( 'base64' ),
		} );
		expect( res.json ).toEqual( {
			__type: 'NotAuthorizedException',
			message: 'Incorrect username or password.',
		} );
	} );

	it( 'refuses SRP_A ≡ 0 (mod N)', async () => {
		const N =
			'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF';
		for ( const A of [
			'0',
			N,
			( BigInt( `0x${ N }` ) * 2n ).toString( 16 ),
		] ) {
			const res = await srpInitiate( url(), CLIENT_ID, 'bob', A );
			expect( res.status ).toBe( 400 );
			expect( res.json.__type ).toBe( 'InvalidParameterException' );
		}
	} );

	it( 'refuses a malformed TIMESTAMP and one far from the server clock', async () => {
		const bad = await srpResponses(
			url(),
			POOL_ID,
			CLIENT_ID,
			'bob',
			PASSWORD,
			'2018-09-25T00:00:00Z'
		);
		expect(
			( await respond( url(), CLIENT_ID, bad.responses ) ).json.__type
		).toBe( 'InvalidParameterException' );
		const old = await srpResponses(
			url(),
			POOL_ID,
			CLIENT_ID,
			'bob',
			PASSWORD,
			'Tue Sep 25 00:00:00 UTC 2018'
		);
		const res = await respond( url(), CLIENT_ID, old.responses );
		expect( res.status ).toBe( 400 );
		expect( res.json.__type ).toBe( 'NotAuthorizedException' );
	} );
} );

describe( 'SRP session expiry', () => {
	let emu: Awaited< ReturnType< typeof privateEmulator > >;
	beforeAll( async () => {
		emu = await privateEmulator( SEED );
	} );
	afterAll( () => emu.dispose() );

	it( 'refuses a PASSWORD_VERIFIER answered after the session expired', async () => {
		const { responses } = await srpResponses(
			emu.url,
			POOL_ID,
			CLIENT_ID,
			'bob',
			PASSWORD
		);
		// Move the server 4 minutes ahead (sessions last 3); the claim's own TIMESTAMP stays "now".
		await setClock( 4 * 60_000, emu.url );
		const res = await respond( emu.url, CLIENT_ID, responses );
		expect( res.json ).toEqual( {
			__type: 'NotAuthorizedException',
			message: 'Invalid session for the user, session is expired.',
		} );
		await setClock( 0, emu.url );
		const fresh = await srpResponses(
			emu.url,
			POOL_ID,
			CLIENT_ID,
			'bob',
			PASSWORD
		);
		expect(
			( await respond( emu.url, CLIENT_ID, fresh.responses ) ).status
		).toBe( 200 );
	} );
} );
