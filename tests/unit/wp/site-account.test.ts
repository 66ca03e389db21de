/**
 * The profile's REST client: the signed-in user's nonce from admin-ajax (fetched once, renewed once when
 * WordPress says it expired), and the requests behind whoami, sync, signOut and deleteAccount.
 */
import { describe, expect, it, vi } from 'vitest';
import { normalizeError } from '../../../src/auth/errors';
import { SessionError } from '../../../src/auth/session';
import { createSiteAccountService } from '../../../src/wp/site-account';
import { SITE } from '../auth/profile-fakes';

const SESSION_URL = 'http://site.test/wp-json/cognito-blocks/v1/session';
const ACCOUNT_URL = 'http://site.test/wp-json/cognito-blocks/v1/account';
const NONCE_URL = 'http://site.test/wp-admin/admin-ajax.php?action=rest-nonce';

type Reply = Response | Error;

function json( status: number, body: unknown ): Response {
	return new Response( JSON.stringify( body ), {
		status,
		headers: { 'Content-Type': 'application/json' },
	} );
}

const nonce = ( value: string ) => new Response( value, { status: 200 } );

/** GET /session's answer: the same fields as the SiteAccount it becomes. */
const ME = { ...SITE };

/**
 * A service over a fetch that answers admin-ajax with `nonces` (in order) and the REST routes with `replies`.
 * @param nonces
 * @param replies
 */
function setup( nonces: Reply[], replies: Reply[] ) {
	const calls: Array< {
		url: string;
		method: string;
		headers: Record< string, string >;
		body: unknown;
		credentials?: RequestCredentials;
	} > = [];
	const fetchImpl = vi.fn( async ( url: string, init: RequestInit = {} ) => {
		calls.push( {
			url,
			method: init.method ?? 'GET',
			headers: ( init.headers ?? {} ) as Record< string, string >,
			body:
				typeof init.body === 'string'
					? JSON.parse( init.body )
					: undefined,
			credentials: init.credentials,
		} );
		const reply = ( url === NONCE_URL ? nonces : replies ).shift();
		if ( ! reply ) {
			throw new Error( `unscripted request to ${ url }` );
		}
		if ( reply instanceof Error ) {
			throw reply;
		}
		return reply;
	} );
	const service = createSiteAccountService( {
		sessionUrl: SESSION_URL,
		accountUrl: ACCOUNT_URL,
		nonceUrl: NONCE_URL,
		fetchImpl: fetchImpl as unknown as typeof fetch,
	} );
	const rest = () => calls.filter( ( call ) => call.url !== NONCE_URL );
	const nonceCalls = () => calls.filter( ( call ) => call.url === NONCE_URL );
	return { service, calls, rest, nonceCalls };
}

describe( 'createSiteAccountService', () => {
	it( 'fetches the nonce from admin-ajax with the cookies and sends it as X-WP-Nonce', async () => {
		const { service, calls } = setup(
			[ nonce( ' 0a1b2c3d4e\n' ) ],
			[ json( 200, ME ) ]
		);
		await expect( service.whoami() ).resolves.toEqual( SITE );
		expect( calls ).toHaveLength( 2 );
		expect( calls[ 0 ] ).toMatchObject( {
			url: NONCE_URL,
			credentials: 'same-origin',
		} );
		expect( calls[ 1 ] ).toMatchObject( {
			url: SESSION_URL,
			method: 'GET',
			credentials: 'same-origin',
			headers: { 'X-WP-Nonce': '0a1b2c3d4e' },
			body: undefined,
		} );
	} );

	it( 'fetches the nonce only once for every later request', async () => {
		const { service, nonceCalls, rest } = setup(
			[ nonce( '0a1b2c3d4e' ) ],
			[
				json( 200, ME ),
				json( 200, { email: 'ada@new.test', displayName: 'Ada' } ),
				json( 200, { signedOut: true } ),
				json( 200, { deleted: true } ),
			]
		);
		await service.whoami();
		await service.sync( 'id.jwt' );
		await service.signOut( { everywhere: false } );
		await service.deleteAccount( 'id.jwt' );
		expect( nonceCalls() ).toHaveLength( 1 );
		expect(
			rest().map( ( call ) => call.headers[ 'X-WP-Nonce' ] )
		).toEqual( [ '0a1b2c3d4e', '0a1b2c3d4e', '0a1b2c3d4e', '0a1b2c3d4e' ] );
	} );

	it( 'shares one nonce request between requests made at once', async () => {
		const { service, nonceCalls } = setup(
			[ nonce( '0a1b2c3d4e' ) ],
			[ json( 200, ME ), json( 200, ME ) ]
		);
		await Promise.all( [ service.whoami(), service.whoami() ] );
		expect( nonceCalls() ).toHaveLength( 1 );
	} );

	it.each( [
		[ 'the "0" of a visitor who is not signed in', nonce( '0' ) ],
		[ 'a 400 answer', new Response( '-1', { status: 400 } ) ],
		[ 'an HTML page', nonce( '<html>login</html>' ) ],
	] )(
		'reads %s as cognito_blocks_not_signed_in, without calling the route',
		async ( _label, answer ) => {
			const { service, rest } = setup( [ answer ], [] );
			const error = await service.whoami().catch( ( e: unknown ) => e );
			expect( error ).toBeInstanceOf( SessionError );
			expect( error ).toMatchObject( {
				code: 'cognito_blocks_not_signed_in',
				status: 401,
			} );
			expect( normalizeError( error ).code ).toBe( 'session_rejected' );
			expect( rest() ).toHaveLength( 0 );
		}
	);

	it( 'asks for a nonce again after "not signed in" (the visitor may have signed in since)', async () => {
		const { service, nonceCalls } = setup(
			[ nonce( '0' ), nonce( '0a1b2c3d4e' ) ],
			[ json( 200, ME ) ]
		);
		await expect( service.whoami() ).rejects.toMatchObject( {
			code: 'cognito_blocks_not_signed_in',
		} );
		await expect( service.whoami() ).resolves.toMatchObject( {
			userId: 7,
		} );
		expect( nonceCalls() ).toHaveLength( 2 );
	} );

	it( 'renews an expired nonce once and sends the request again with it', async () => {
		const { service, nonceCalls, rest } = setup(
			[ nonce( 'aaaaaaaaaa' ), nonce( 'bbbbbbbbbb' ) ],
			[
				json( 403, {
					code: 'rest_cookie_invalid_nonce',
					message: 'Cookie check failed',
					data: { status: 403 },
				} ),
				json( 200, { email: 'ada@example.test', displayName: 'Ada' } ),
			]
		);
		await expect( service.sync( 'id.jwt' ) ).resolves.toEqual( {
			email: 'ada@example.test',
			displayName: 'Ada',
		} );
		expect( nonceCalls() ).toHaveLength( 2 );
		expect( rest() ).toHaveLength( 2 );
		expect( rest()[ 0 ]?.headers[ 'X-WP-Nonce' ] ).toBe( 'aaaaaaaaaa' );
		expect( rest()[ 1 ] ).toMatchObject( {
			method: 'PUT',
			headers: { 'X-WP-Nonce': 'bbbbbbbbbb' },
			body: { idToken: 'id.jwt' },
		} );
	} );

	it( 'gives up after one renewal', async () => {
		const invalid = () =>
			json( 403, { code: 'rest_cookie_invalid_nonce', message: 'x' } );
		const { service, nonceCalls, rest } = setup(
			[ nonce( 'aaaaaaaaaa' ), nonce( 'bbbbbbbbbb' ) ],
			[ invalid(), invalid() ]
		);
		await expect( service.whoami() ).rejects.toMatchObject( {
			code: 'rest_cookie_invalid_nonce',
			status: 403,
		} );
		expect( nonceCalls() ).toHaveLength( 2 );
		expect( rest() ).toHaveLength( 2 );
	} );

	it( 'passes other WordPress errors on without renewing the nonce', async () => {
		const { service, nonceCalls, rest } = setup(
			[ nonce( 'aaaaaaaaaa' ) ],
			[
				json( 403, {
					code: 'cognito_blocks_wrong_user',
					message: 'x',
				} ),
			]
		);
		await expect( service.sync( 'id.jwt' ) ).rejects.toMatchObject( {
			code: 'cognito_blocks_wrong_user',
			status: 403,
		} );
		expect( nonceCalls() ).toHaveLength( 1 );
		expect( rest() ).toHaveLength( 1 );
	} );

	it( 'reports a nonce request that never reached the site as a network error', async () => {
		const { service, rest } = setup(
			[ new TypeError( 'Failed to fetch' ) ],
			[]
		);
		const error = await service.whoami().catch( ( e: unknown ) => e );
		expect( error ).toMatchObject( { code: 'network' } );
		expect( normalizeError( error ).code ).toBe( 'network' );
		expect( rest() ).toHaveLength( 0 );
	} );

	it( 'reads the account defensively', async () => {
		const { service } = setup(
			[ nonce( '0a1b2c3d4e' ) ],
			[
				json( 200, {
					userId: 7,
					displayName: 42,
					linked: 'yes',
					sub: '',
					accountDeletion: 'erase',
				} ),
				json( 200, { displayName: 'Ada' } ),
			]
		);
		await expect( service.whoami() ).resolves.toEqual( {
			userId: 7,
			displayName: '',
			email: '',
			linked: false,
			sub: null,
			username: '',
			accountDeletion: null,
		} );
		await expect( service.whoami() ).rejects.toMatchObject( {
			code: 'invalid_response',
		} );
	} );

	it( 'reads what deleting the account would do on this site', async () => {
		const { service } = setup(
			[ nonce( '0a1b2c3d4e' ) ],
			[
				json( 200, { ...ME, accountDeletion: 'unlink' } ),
				json( 200, { ...ME, accountDeletion: null } ),
			]
		);
		expect( ( await service.whoami() ).accountDeletion ).toBe( 'unlink' );
		expect( ( await service.whoami() ).accountDeletion ).toBeNull();
	} );

	it( 'sends the ID token in the PUT body and returns the fields WordPress took', async () => {
		const { service, rest } = setup(
			[ nonce( '0a1b2c3d4e' ) ],
			[ json( 200, { email: 'ada@new.test', displayName: 7 } ) ]
		);
		await expect( service.sync( 'id.fresh' ) ).resolves.toEqual( {
			email: 'ada@new.test',
			displayName: '',
		} );
		expect( rest()[ 0 ] ).toMatchObject( {
			url: SESSION_URL,
			method: 'PUT',
			headers: { 'Content-Type': 'application/json' },
			body: { idToken: 'id.fresh' },
		} );
	} );

	it( 'signs out with DELETE /session: this browser, everywhere, or everywhere but here', async () => {
		const ok = () => json( 200, { signedOut: true } );
		const { service, rest } = setup(
			[ nonce( '0a1b2c3d4e' ) ],
			[ ok(), ok(), ok() ]
		);
		await service.signOut( { everywhere: false } );
		await service.signOut( { everywhere: true } );
		await service.signOut( { everywhere: true, keepThis: true } );
		expect(
			rest().map( ( call ) => [ call.url, call.method, call.body ] )
		).toEqual( [
			[ SESSION_URL, 'DELETE', {} ],
			[ SESSION_URL, 'DELETE', { everywhere: true, keepThis: false } ],
			[ SESSION_URL, 'DELETE', { everywhere: true, keepThis: true } ],
		] );
	} );

	it( 'deletes the account with DELETE /account and the fresh ID token', async () => {
		const { service, rest } = setup(
			[ nonce( '0a1b2c3d4e' ) ],
			[ json( 200, { deleted: true } ) ]
		);
		await service.deleteAccount( 'id.just-now' );
		expect( rest()[ 0 ] ).toMatchObject( {
			url: ACCOUNT_URL,
			method: 'DELETE',
			headers: { 'X-WP-Nonce': '0a1b2c3d4e' },
			body: { idToken: 'id.just-now' },
		} );
	} );

	it( 'keeps the status and code of a failed deletion', async () => {
		const { service } = setup(
			[ nonce( '0a1b2c3d4e' ) ],
			[
				json( 403, {
					code: 'cognito_blocks_delete_not_allowed',
					message: 'x',
				} ),
			]
		);
		await expect( service.deleteAccount( 'id.jwt' ) ).rejects.toMatchObject(
			{
				code: 'cognito_blocks_delete_not_allowed',
				status: 403,
			}
		);
	} );
} );
