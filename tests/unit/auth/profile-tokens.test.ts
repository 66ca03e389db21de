/**
 * The profile's token helpers: reading a JWT's claims, expiry with a margin, and the token cache in
 * amazon-cognito-identity-js's key layout (so the account forms' sign-in and the profile share one session).
 */
import { describe, expect, it } from 'vitest';
import {
	CognitoAccessToken,
	CognitoIdToken,
	CognitoRefreshToken,
	CognitoUser,
	CognitoUserPool,
	CognitoUserSession,
} from 'amazon-cognito-identity-js';
import {
	decodeClaims,
	isExpired,
	tokenCache,
} from '../../../src/auth/profile/tokens';
import { MemoryStorage, wrapStorage } from '../../../src/auth/storage';
import { jwt } from './profile-fakes';

const PREFIX = 'CognitoIdentityServiceProvider.client1';

describe( 'decodeClaims', () => {
	it( 'reads the payload of a base64url JWT, UTF-8 included', () => {
		// "?>" and "~~" encode to "/" and "+" in base64: the URL-safe alphabet must be accepted.
		const token = jwt( {
			sub: 'sub-1',
			exp: 2000,
			name: 'Zoë Ünal ?>~~',
			identities: [ { providerName: 'Google' } ],
		} );
		expect( token.split( '.' )[ 1 ] ).toMatch( /[-_]/ );
		expect( token ).not.toContain( '=' );
		expect( decodeClaims( token ) ).toEqual( {
			sub: 'sub-1',
			exp: 2000,
			name: 'Zoë Ünal ?>~~',
			identities: [ { providerName: 'Google' } ],
		} );
	} );

	it( 'decodes payloads of every padding length', () => {
		for ( const sub of [ 'a', 'ab', 'abc', 'abcd' ] ) {
			expect( decodeClaims( jwt( { sub } ) )?.sub ).toBe( sub );
		}
	} );

	it.each( [
		[ 'no payload', 'just-one-part' ],
		[ 'an empty payload', 'header..sig' ],
		[ 'invalid base64', 'h.%%%%.s' ],
		[ 'a payload that is not JSON', `h.${ btoa( 'not json' ) }.s` ],
		[ 'a JSON string', `h.${ btoa( '"sub"' ) }.s` ],
		[ 'null', `h.${ btoa( 'null' ) }.s` ],
		[ 'claims without a sub', jwt( { exp: 2000 } ) ],
		[ 'a numeric sub', jwt( { sub: 42 } ) ],
	] )( 'returns null for %s', ( _label, token ) => {
		expect( decodeClaims( token ) ).toBeNull();
	} );
} );

describe( 'isExpired', () => {
	const token = jwt( { sub: 's', exp: 1_000 } ); // 1000 s after the epoch

	it( 'counts a token as expired 30 seconds before its exp by default', () => {
		expect( isExpired( token, 969_999 ) ).toBe( false );
		expect( isExpired( token, 970_000 ) ).toBe( true );
		expect( isExpired( token, 2_000_000 ) ).toBe( true );
	} );

	it( 'takes another margin', () => {
		expect( isExpired( token, 999_999, 0 ) ).toBe( false );
		expect( isExpired( token, 1_000_000, 0 ) ).toBe( true );
		expect( isExpired( token, 899_999, 100 ) ).toBe( false );
		expect( isExpired( token, 900_000, 100 ) ).toBe( true );
	} );

	it( 'counts an unreadable token, or one without exp, as expired', () => {
		expect( isExpired( 'garbage', 0 ) ).toBe( true );
		expect( isExpired( jwt( { sub: 's' } ), 0 ) ).toBe( true );
		expect( isExpired( jwt( { sub: 's', exp: '9999' } ), 0 ) ).toBe( true );
	} );
} );

describe( 'tokenCache', () => {
	const tokens = {
		username: 'ada',
		idToken: 'id-1',
		accessToken: 'access-1',
		refreshToken: 'refresh-1',
	};

	it( 'writes the library’s keys under the app client and reads them back', () => {
		const backend = new MemoryStorage();
		const cache = tokenCache( wrapStorage( backend ), 'client1' );
		cache.write( tokens );
		expect( backend.getItem( `${ PREFIX }.LastAuthUser` ) ).toBe( 'ada' );
		expect( backend.getItem( `${ PREFIX }.ada.idToken` ) ).toBe( 'id-1' );
		expect( backend.getItem( `${ PREFIX }.ada.accessToken` ) ).toBe(
			'access-1'
		);
		expect( backend.getItem( `${ PREFIX }.ada.refreshToken` ) ).toBe(
			'refresh-1'
		);
		expect( backend.getItem( `${ PREFIX }.ada.clockDrift` ) ).toBe( '0' );
		expect( cache.read() ).toEqual( tokens );
	} );

	it( 'reads nothing without a last user, an ID token or an access token', () => {
		const backend = new MemoryStorage();
		const cache = tokenCache( wrapStorage( backend ), 'client1' );
		expect( cache.read() ).toBeNull();

		cache.write( tokens );
		backend.removeItem( `${ PREFIX }.ada.idToken` );
		expect( cache.read() ).toBeNull();

		cache.write( tokens );
		backend.removeItem( `${ PREFIX }.ada.accessToken` );
		expect( cache.read() ).toBeNull();

		cache.write( tokens );
		backend.removeItem( `${ PREFIX }.LastAuthUser` );
		expect( cache.read() ).toBeNull();
	} );

	it( 'reads an empty refresh token when none is stored', () => {
		const backend = new MemoryStorage();
		const cache = tokenCache( wrapStorage( backend ), 'client1' );
		cache.write( tokens );
		backend.removeItem( `${ PREFIX }.ada.refreshToken` );
		expect( cache.read() ).toEqual( { ...tokens, refreshToken: '' } );
	} );

	it( 'keeps the caches of two app clients apart', () => {
		const storage = wrapStorage( new MemoryStorage() );
		tokenCache( storage, 'client1' ).write( tokens );
		expect( tokenCache( storage, 'client2' ).read() ).toBeNull();
		tokenCache( storage, 'client2' ).write( {
			...tokens,
			username: 'bob',
		} );
		expect( tokenCache( storage, 'client1' ).read()?.username ).toBe(
			'ada'
		);
	} );

	it( 'shares one session with amazon-cognito-identity-js, both ways', () => {
		const storage = wrapStorage( new MemoryStorage() );
		const pool = new CognitoUserPool( {
			UserPoolId: 'local_pool1',
			ClientId: 'client1',
			Storage: storage,
		} );
		const later = Math.floor( Date.now() / 1000 ) + 3600;
		const idToken = jwt( { sub: 'sub-ada', exp: later, iat: later - 60 } );
		const accessToken = jwt( {
			sub: 'sub-ada',
			exp: later,
			iat: later - 60,
		} );

		// What the library caches after its own sign-in, the profile reads.
		const user = new CognitoUser( {
			Username: 'ada',
			Pool: pool,
			Storage: storage,
		} );
		user.setSignInUserSession(
			new CognitoUserSession( {
				IdToken: new CognitoIdToken( { IdToken: idToken } ),
				AccessToken: new CognitoAccessToken( {
					AccessToken: accessToken,
				} ),
				RefreshToken: new CognitoRefreshToken( {
					RefreshToken: 'refresh-lib',
				} ),
			} )
		);
		const cache = tokenCache( storage, 'client1' );
		expect( cache.read() ).toEqual( {
			username: 'ada',
			idToken,
			accessToken,
			refreshToken: 'refresh-lib',
		} );

		// What the profile writes after a refresh, the library takes as its session.
		cache.write( {
			username: 'ada',
			idToken,
			accessToken,
			refreshToken: 'refresh-profile',
		} );
		const current = pool.getCurrentUser();
		expect( current?.getUsername() ).toBe( 'ada' );
		let restored: CognitoUserSession | null = null;
		current?.getSession(
			( error: Error | null, value: CognitoUserSession | null ) => {
				expect( error ).toBeNull();
				restored = value;
			}
		);
		const session = restored as CognitoUserSession | null;
		expect( session?.isValid() ).toBe( true );
		expect( session?.getRefreshToken().getToken() ).toBe(
			'refresh-profile'
		);
		expect( session?.getIdToken().getJwtToken() ).toBe( idToken );
	} );
} );
