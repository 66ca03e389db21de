// @vitest-environment node
/**
 * The real gateway and runner against the local Cognito emulator: SRP, challenges, codes from the emulator's
 * outbox. Only the WordPress session is faked. Everything stays on 127.0.0.1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	startEmulator,
	totp,
	type SeedObject,
} from '../../../dev/cognito-emulator/src/index';
import { createCognitoGateway } from '../../../src/auth/cognito-gateway';
import { toFacade } from '../../../src/auth/facade';
import {
	createAuthRunner,
	type AuthRunner,
} from '../../../src/auth/account-flow';
import { createTokenStorage } from '../../../src/auth/storage';
import type { AuthStep, UserEvent } from '../../../src/auth/types';
import { fakeSession } from './fakes';

const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const SEED: SeedObject = {
	pool: { id: 'us-east-1_FlowTest1', name: 'flow-test' },
	client: { id: 'flowtestclient', name: 'web' },
	users: [
		{
			username: 'alice',
			password: 'Alice1!pass',
			attributes: { email: 'alice@example.test', email_verified: true },
		},
		{
			username: 'carol',
			password: 'Carol1!pass',
			status: 'unconfirmed',
			attributes: { email: 'carol@example.test' },
		},
		{
			username: 'frank',
			password: 'Temp1!pass',
			status: 'force-change-password',
			attributes: { email: 'frank@example.test' },
		},
		{
			username: 'tina',
			password: 'Tina1!pass',
			totpSecret: TOTP_SECRET,
			attributes: { email: 'tina@example.test' },
		},
		{
			username: 'rose',
			password: 'Rose1!pass',
			attributes: { email: 'rose@example.test', email_verified: true },
		},
	],
};

let emulator: Awaited< ReturnType< typeof startEmulator > >;
let dataDir: string;

beforeAll( async () => {
	dataDir = mkdtempSync( join( tmpdir(), 'cognito-blocks-flow-' ) );
	emulator = await startEmulator( {
		port: 0,
		dataDir,
		seed: SEED,
		quiet: true,
	} );
} );

afterAll( async () => {
	await emulator?.close();
	rmSync( dataDir, { recursive: true, force: true } );
} );

function flow(
	step: 'signIn' | 'signUp' | 'forgotPassword' = 'signIn',
	target = emulator,
	seed = SEED
) {
	const gateway = createCognitoGateway( {
		userPoolId: seed.pool.id!,
		clientId: seed.client!.id!,
		endpoint: `${ target.url }/`,
		storage: createTokenStorage( 'memory' ),
		timeoutMs: 5_000,
	} );
	const session = fakeSession( '/done/' );
	const runner = createAuthRunner( {
		gateway,
		session,
		initial: { step, totpIssuer: 'Flow Test' },
	} );
	return { runner, session, facade: () => toFacade( runner.getState() ) };
}

/** Sends an event and waits until the form is no longer busy. */
async function submit( runner: AuthRunner, event: UserEvent ): Promise< void > {
	runner.send( event );
	for ( let i = 0; i < 200 && runner.getState().request; i++ ) {
		await new Promise( ( resolve ) => setTimeout( resolve, 10 ) );
	}
}

async function latestCode( username: string ): Promise< string > {
	const response = await fetch(
		`${ emulator.url }/_emulator/outbox?username=${ encodeURIComponent( username ) }`
	);
	const entries = ( await response.json() ) as Array< { code: string } >;
	const code = entries.at( -1 )?.code;
	if ( ! code ) {
		throw new Error( `no code for ${ username }` );
	}
	return code;
}

function claims( idToken: string ): Record< string, unknown > {
	return JSON.parse(
		Buffer.from( idToken.split( '.' )[ 1 ] ?? '', 'base64url' ).toString(
			'utf8'
		)
	);
}

function expectDone( f: ReturnType< typeof flow >, username: string ) {
	expect( f.facade().error ).toBeUndefined();
	expect( f.facade().step ).toBe< AuthStep >( 'done' );
	const idToken =
		f.session.createSession.mock.calls[ 0 ]?.[ 0 ].idToken ?? '';
	expect( claims( idToken ) ).toMatchObject( {
		'cognito:username': username,
		token_use: 'id',
		aud: SEED.client!.id,
	} );
}

describe( 'flow against the Cognito emulator', () => {
	it( 'signs in with SRP', async () => {
		const f = flow();
		await submit( f.runner, {
			type: 'SUBMIT_SIGN_IN',
			username: 'alice',
			password: 'Alice1!pass',
		} );
		expectDone( f, 'alice' );
	} );

	it( 'words a wrong password and an unknown user the same', async () => {
		const wrong = flow();
		await submit( wrong.runner, {
			type: 'SUBMIT_SIGN_IN',
			username: 'alice',
			password: 'Wrong1!pass',
		} );
		const unknown = flow();
		await submit( unknown.runner, {
			type: 'SUBMIT_SIGN_IN',
			username: 'nobody',
			password: 'Wrong1!pass',
		} );
		expect( wrong.facade().error?.code ).toBe( 'not_authorized' );
		expect( unknown.facade().error ).toEqual( wrong.facade().error );
	} );

	it( 'signs up, confirms with the emailed code and signs in', async () => {
		const f = flow( 'signUp' );
		await submit( f.runner, {
			type: 'SUBMIT_SIGN_UP',
			username: 'newbie',
			password: 'Newbie1!pass',
			attributes: { email: 'newbie@example.test' },
		} );
		expect( f.facade().step ).toBe( 'confirmSignUp' );
		await submit( f.runner, {
			type: 'SUBMIT_CODE',
			code: await latestCode( 'newbie' ),
		} );
		expectDone( f, 'newbie' );
	} );

	it( 'routes an unconfirmed user through the confirm step', async () => {
		const f = flow();
		await submit( f.runner, {
			type: 'SUBMIT_SIGN_IN',
			username: 'carol',
			password: 'Carol1!pass',
		} );
		expect( f.facade() ).toMatchObject( {
			step: 'confirmSignUp',
			error: { code: 'user_not_confirmed' },
		} );
		await submit( f.runner, {
			type: 'SUBMIT_CODE',
			code: await latestCode( 'carol' ),
		} );
		expectDone( f, 'carol' );
	} );

	it( 'sets a new password for a user created with a temporary one', async () => {
		const f = flow();
		await submit( f.runner, {
			type: 'SUBMIT_SIGN_IN',
			username: 'frank',
			password: 'Temp1!pass',
		} );
		expect( f.facade().step ).toBe( 'newPassword' );
		await submit( f.runner, {
			type: 'SUBMIT_NEW_PASSWORD',
			newPassword: 'Frank1!final',
		} );
		expectDone( f, 'frank' );
	} );

	it( 'asks a TOTP user for the authenticator code', async () => {
		const f = flow();
		await submit( f.runner, {
			type: 'SUBMIT_SIGN_IN',
			username: 'tina',
			password: 'Tina1!pass',
		} );
		expect( f.facade().step ).toBe( 'totpMfa' );
		await submit( f.runner, {
			type: 'SUBMIT_CODE',
			code: totp( TOTP_SECRET ),
		} );
		expectDone( f, 'tina' );
	} );

	it( 'resets a forgotten password and signs in with the new one', async () => {
		const f = flow( 'forgotPassword' );
		await submit( f.runner, {
			type: 'SUBMIT_FORGOT_PASSWORD',
			username: 'rose',
		} );
		expect( f.facade().step ).toBe( 'confirmResetPassword' );
		await submit( f.runner, {
			type: 'SUBMIT_RESET_PASSWORD',
			code: await latestCode( 'rose' ),
			newPassword: 'Rose2!pass',
		} );
		expectDone( f, 'rose' );
	} );
} );

const MFA_SEED: SeedObject = {
	pool: { id: 'us-east-1_MfaOnPool1', name: 'mfa-on', mfa: 'ON' },
	client: { id: 'mfaonclient', name: 'web' },
	users: [
		{
			username: 'sam',
			password: 'Sam1!passwd',
			attributes: { email: 'sam@example.test', email_verified: true },
		},
	],
};

describe( 'pool that requires MFA, and an outage', () => {
	let mfaDir: string;
	let mfaEmulator: Awaited< ReturnType< typeof startEmulator > >;

	beforeAll( async () => {
		mfaDir = mkdtempSync( join( tmpdir(), 'cognito-blocks-mfa-' ) );
		mfaEmulator = await startEmulator( {
			port: 0,
			dataDir: mfaDir,
			seed: MFA_SEED,
			quiet: true,
		} );
	} );

	afterAll( async () => {
		await mfaEmulator?.close();
		rmSync( mfaDir, { recursive: true, force: true } );
	} );

	it( 'sets up TOTP during sign-in (MFA_SETUP), then signs in with the next code', async () => {
		const f = flow( 'signIn', mfaEmulator, MFA_SEED );
		await submit( f.runner, {
			type: 'SUBMIT_SIGN_IN',
			username: 'sam',
			password: 'Sam1!passwd',
		} );
		const { step, context } = f.facade();
		expect( step ).toBe( 'totpSetup' );
		expect( context.otpauthUri ).toMatch(
			/^otpauth:\/\/totp\/Flow%20Test:sam\?secret=[A-Z2-7]+&issuer=Flow%20Test$/
		);
		await submit( f.runner, {
			type: 'SUBMIT_CODE',
			code: totp( context.totpSecret ?? '' ),
		} );
		expect( f.facade().error ).toBeUndefined();
		expect( f.facade().step ).toBe( 'done' );
	} );

	it( 'reports the emulator going away as a network error, and the retry works once it is back', async () => {
		const f = flow( 'signIn', mfaEmulator, MFA_SEED );
		const port = Number( new URL( mfaEmulator.url ).port );
		await mfaEmulator.close();

		await submit( f.runner, {
			type: 'SUBMIT_SIGN_IN',
			username: 'sam',
			password: 'Sam1!passwd',
		} );
		expect( f.facade() ).toMatchObject( {
			step: 'signIn',
			busy: false,
			canRetry: true,
			error: { code: 'network' },
		} );

		mfaEmulator = await startEmulator( {
			port,
			dataDir: mfaDir,
			seed: MFA_SEED,
			quiet: true,
		} );
		await submit( f.runner, { type: 'RETRY' } );
		// sam enrolled TOTP in the previous test, so the retry reaches the TOTP step.
		expect( f.facade() ).toMatchObject( {
			step: 'totpMfa',
			canRetry: false,
		} );
		expect( f.facade().error ).toBeUndefined();
	} );
} );
