import { createSessionClient } from '../../../src/wp/session';
import { SessionError } from '../../../src/auth/session';

function jsonResponse( status: number, body: unknown ): Response {
	return new Response( JSON.stringify( body ), {
		status,
		headers: { 'Content-Type': 'application/json' },
	} );
}

describe( 'createSessionClient', () => {
	it( 'sends the refresh token with the hand-off unless the site does not bind sessions', async () => {
		const bodies: unknown[] = [];
		const fetchImpl = vi.fn(
			async ( _url: unknown, init?: RequestInit ) => {
				bodies.push( JSON.parse( String( init?.body ) ) );
				return jsonResponse( 200, { userId: 7, redirectTo: '/' } );
			}
		);
		const input = {
			idToken: 'a.b.c',
			refreshToken: 'r.e.f',
			remember: false,
			redirectTo: '',
		};
		const url = 'http://site.test/wp-json/cognito-blocks/v1/session';
		await createSessionClient( { url, fetchImpl } ).createSession( input );
		await createSessionClient( {
			url,
			fetchImpl,
			sendRefreshToken: false,
		} ).createSession( input );
		expect( bodies[ 0 ] ).toMatchObject( { refreshToken: 'r.e.f' } );
		expect( bodies[ 1 ] ).not.toHaveProperty( 'refreshToken' );
	} );

	it( 'posts the ID token as JSON with same-origin credentials and returns the validated redirect', async () => {
		const fetchImpl = vi.fn( async () =>
			jsonResponse( 200, {
				userId: 7,
				redirectTo: 'http://site.test/account/',
			} )
		);
		const client = createSessionClient( {
			url: 'http://site.test/wp-json/cognito-blocks/v1/session',
			fetchImpl,
		} );

		const result = await client.createSession( {
			idToken: 'a.b.c',
			remember: true,
			redirectTo: '/account/',
		} );

		expect( result ).toEqual( { redirectTo: 'http://site.test/account/' } );
		const [ url, init ] = fetchImpl.mock.calls[ 0 ] as unknown as [
			string,
			RequestInit,
		];
		expect( url ).toBe(
			'http://site.test/wp-json/cognito-blocks/v1/session'
		);
		expect( init.method ).toBe( 'POST' );
		expect( init.credentials ).toBe( 'same-origin' );
		expect( JSON.parse( String( init.body ) ) ).toEqual( {
			idToken: 'a.b.c',
			remember: true,
			redirectTo: '/account/',
		} );
	} );

	it( 'rejects with the WP_Error code and status of a failed request', async () => {
		const client = createSessionClient( {
			url: '/session',
			fetchImpl: async () =>
				jsonResponse( 429, {
					code: 'cognito_blocks_rate_limited',
					message: 'x',
					data: { status: 429 },
				} ),
		} );
		const error = await client
			.createSession( { idToken: 't', remember: false, redirectTo: '' } )
			.catch( ( e ) => e );
		expect( error ).toBeInstanceOf( SessionError );
		expect( error ).toMatchObject( {
			code: 'cognito_blocks_rate_limited',
			status: 429,
		} );
		expect( error.retryAfter ).toBeUndefined();
	} );

	it( 'passes on how long the server asked to wait: the body first, else Retry-After in seconds', async () => {
		const limited = ( body: unknown, retryAfter?: string ) =>
			createSessionClient( {
				url: '/session',
				fetchImpl: async () =>
					new Response( JSON.stringify( body ), {
						status: 429,
						headers: {
							'Content-Type': 'application/json',
							...( retryAfter && { 'Retry-After': retryAfter } ),
						},
					} ),
			} )
				.createSession( {
					idToken: 't',
					remember: false,
					redirectTo: '',
				} )
				.catch( ( e ) => e );
		const code = 'cognito_blocks_rate_limited';
		expect(
			( await limited( { code, data: { retryAfter: 300 } }, '10' ) )
				.retryAfter
		).toBe( 300 );
		expect( ( await limited( { code }, '90' ) ).retryAfter ).toBe( 90 );
		// An HTTP date or nonsense is not a number of seconds: no promise of when.
		expect(
			( await limited( { code }, 'Wed, 21 Oct 2026 07:28:00 GMT' ) )
				.retryAfter
		).toBeUndefined();
		expect(
			( await limited( { code, data: { retryAfter: -5 } } ) ).retryAfter
		).toBeUndefined();
	} );

	it( 'reports a network failure and a non-JSON error page with stable codes', async () => {
		const offline = createSessionClient( {
			url: '/session',
			fetchImpl: async () => {
				throw new TypeError( 'Failed to fetch' );
			},
		} );
		await expect(
			offline.createSession( {
				idToken: 't',
				remember: false,
				redirectTo: '',
			} )
		).rejects.toMatchObject( {
			code: 'network',
		} );

		const proxy = createSessionClient( {
			url: '/session',
			fetchImpl: async () =>
				new Response( '<html>Bad gateway</html>', { status: 502 } ),
		} );
		await expect(
			proxy.createSession( {
				idToken: 't',
				remember: false,
				redirectTo: '',
			} )
		).rejects.toMatchObject( {
			code: 'http_502',
			status: 502,
		} );
	} );

	it( 'gives up after the timeout instead of waiting forever', async () => {
		const client = createSessionClient( {
			url: '/session',
			timeoutMs: 20,
			fetchImpl: ( _url, init ) =>
				new Promise( ( _resolve, reject ) => {
					init?.signal?.addEventListener( 'abort', () =>
						reject( new DOMException( 'aborted', 'AbortError' ) )
					);
				} ),
		} );
		await expect(
			client.createSession( {
				idToken: 't',
				remember: false,
				redirectTo: '',
			} )
		).rejects.toMatchObject( {
			code: 'network',
		} );
	} );

	it( 'rejects a 200 answer without a redirect', async () => {
		const client = createSessionClient( {
			url: '/session',
			fetchImpl: async () => jsonResponse( 200, { userId: 1 } ),
		} );
		await expect(
			client.createSession( {
				idToken: 't',
				remember: false,
				redirectTo: '',
			} )
		).rejects.toMatchObject( {
			code: 'invalid_response',
		} );
	} );
} );
