/**
 * Which web pages may use the emulator through a developer's browser: only the site it serves may call the
 * public API (CORS names no other origin); the admin operations, the outbox and the clock answer no web page at
 * all, while command-line clients (no Origin) keep working.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	startEmulator,
	type RunningEmulator,
} from '../../dev/cognito-emulator/src/index';
import { SEED } from './seed';

const SITE = 'http://127.0.0.1:8888';
const EVIL = 'https://attacker.example';

let emulator: RunningEmulator;
let dataDir: string;

beforeAll( async () => {
	dataDir = mkdtempSync( join( tmpdir(), 'cognito-emulator-origins-' ) );
	emulator = await startEmulator( {
		port: 0,
		dataDir,
		seed: SEED,
		quiet: true,
		allowedOrigins: [ SITE ],
	} );
} );

afterAll( async () => {
	await emulator.close();
	rmSync( dataDir, { recursive: true, force: true } );
} );

function call( operation: string, headers: Record< string, string > = {} ) {
	return fetch( `${ emulator.url }/`, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/x-amz-json-1.1',
			'X-Amz-Target': `AWSCognitoIdentityProviderService.${ operation }`,
			...headers,
		},
		body: JSON.stringify( {
			UserPoolId: emulator.poolId,
			ClientId: emulator.clientId,
			AuthFlow: 'USER_SRP_AUTH',
			AuthParameters: { USERNAME: 'nobody', SRP_A: 'ab' },
		} ),
	} );
}

const preflight = ( origin: string ) =>
	fetch( `${ emulator.url }/`, {
		method: 'OPTIONS',
		headers: {
			Origin: origin,
			'Access-Control-Request-Method': 'POST',
			'Access-Control-Request-Headers': 'x-amz-target,content-type',
		},
	} );

describe( 'browser origins', () => {
	it( 'lets the site it serves call the public API, and names no other origin', async () => {
		const allowed = await preflight( SITE );
		expect( allowed.headers.get( 'access-control-allow-origin' ) ).toBe(
			SITE
		);
		expect(
			allowed.headers.get( 'access-control-allow-credentials' )
		).toBe( 'true' );

		for ( const origin of [
			EVIL,
			'http://127.0.0.1:9999',
			'http://127.0.0.1:8888.attacker.example',
			'null',
		] ) {
			const refused = await preflight( origin );
			expect(
				refused.headers.get( 'access-control-allow-origin' ),
				origin
			).toBeNull();
			const answer = await call( 'InitiateAuth', { Origin: origin } );
			expect(
				answer.headers.get( 'access-control-allow-origin' ),
				origin
			).toBeNull();
		}
		// The site's own call gets its answer readable.
		const own = await call( 'InitiateAuth', { Origin: SITE } );
		expect( own.headers.get( 'access-control-allow-origin' ) ).toBe( SITE );
	} );

	it( 'lets the site call the token endpoint from its pages (preflight and answer), and no other page', async () => {
		const tokenPreflight = ( origin: string ) =>
			fetch( `${ emulator.url }/oauth2/token`, {
				method: 'OPTIONS',
				headers: {
					Origin: origin,
					'Access-Control-Request-Method': 'POST',
					'Access-Control-Request-Headers': 'content-type',
				},
			} );
		const exchange = ( origin: string ) =>
			fetch( `${ emulator.url }/oauth2/token`, {
				method: 'POST',
				headers: {
					Origin: origin,
					'Content-Type': 'application/x-www-form-urlencoded',
				},
				body: new URLSearchParams( {
					grant_type: 'authorization_code',
					client_id: emulator.clientId!,
					code: 'expired-or-unknown',
					redirect_uri: 'http://127.0.0.1:1/a/callback',
					code_verifier: 'x'.repeat( 43 ),
				} ),
			} );
		const allowed = await tokenPreflight( SITE );
		expect( allowed.status ).toBe( 204 );
		expect( allowed.headers.get( 'access-control-allow-origin' ) ).toBe(
			SITE
		);
		expect(
			allowed.headers.get( 'access-control-allow-methods' )
		).toContain( 'POST' );
		expect( allowed.headers.get( 'access-control-allow-headers' ) ).toMatch(
			/content-type/i
		);
		const answer = await exchange( SITE );
		expect( answer.status ).toBe( 400 );
		expect( answer.headers.get( 'access-control-allow-origin' ) ).toBe(
			SITE
		);
		expect( await answer.json() ).toEqual( { error: 'invalid_grant' } );
		for ( const origin of [ EVIL, 'http://127.0.0.1:9999' ] ) {
			expect(
				( await tokenPreflight( origin ) ).headers.get(
					'access-control-allow-origin'
				),
				origin
			).toBeNull();
			expect(
				( await exchange( origin ) ).headers.get(
					'access-control-allow-origin'
				),
				origin
			).toBeNull();
		}
	} );

	it( 'answers no web page on admin operations, the outbox or the clock, even the site itself', async () => {
		const signed = {
			Authorization:
				'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/cognito-idp/aws4_request, SignedHeaders=host, Signature=00',
		};
		for ( const origin of [ SITE, EVIL ] ) {
			const admin = await call( 'AdminGetUser', {
				...signed,
				Origin: origin,
			} );
			expect( admin.status, origin ).toBe( 400 );
			expect( ( await admin.json() ).__type ).toMatch(
				/AccessDenied|Forbidden|NotAuthorized/
			);
			for ( const path of [ '/_emulator/outbox', '/_emulator/clock' ] ) {
				const hook = await fetch( `${ emulator.url }${ path }`, {
					headers: { Origin: origin },
				} );
				expect( hook.status, `${ path } from ${ origin }` ).toBe( 403 );
			}
		}
		// A page's no-cors form post carries Fetch Metadata instead of a readable answer: refused as well.
		const posted = await fetch( `${ emulator.url }/_emulator/clock`, {
			method: 'POST',
			headers: {
				'Sec-Fetch-Site': 'cross-site',
				'Content-Type': 'text/plain',
			},
			body: JSON.stringify( { offsetMs: 1e9 } ),
		} );
		expect( posted.status ).toBe( 403 );

		// Command-line clients (tests, the SDKs) and the developer opening the URL still get through.
		const outbox = await fetch( `${ emulator.url }/_emulator/outbox` );
		expect( outbox.status ).toBe( 200 );
		const clock = await fetch( `${ emulator.url }/_emulator/clock`, {
			headers: { 'Sec-Fetch-Site': 'none' },
		} );
		expect( ( await clock.json() ).offsetMs ).toBe( 0 );
		const admin = await call( 'AdminGetUser', signed );
		expect( ( await admin.json() ).__type ).not.toMatch(
			/AccessDenied|Forbidden/
		);
	} );
} );
