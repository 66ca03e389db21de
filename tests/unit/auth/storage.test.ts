import { describe, expect, it } from 'vitest';
import {
	COGNITO_KEY_PREFIX,
	MemoryStorage,
	clearIfSignedOut,
	createTokenStorage,
	hasSignedOutCookie,
	wrapStorage,
	type StorageLike,
} from '../../../src/auth/storage';

const TOKEN_KEY = `${ COGNITO_KEY_PREFIX }client.alice.idToken`;

function seeded(): MemoryStorage {
	const backend = new MemoryStorage();
	backend.setItem( TOKEN_KEY, 'id.jwt' );
	backend.setItem( `${ COGNITO_KEY_PREFIX }client.LastAuthUser`, 'alice' );
	backend.setItem( 'theme-preference', 'dark' );
	return backend;
}

const broken: StorageLike = {
	length: 0,
	key: () => null,
	getItem: () => null,
	setItem: () => {
		throw new Error( 'QuotaExceededError' );
	},
	removeItem: () => undefined,
};

describe( 'token storage', () => {
	it( 'uses sessionStorage by default', () => {
		const session = new MemoryStorage();
		const local = new MemoryStorage();
		createTokenStorage( undefined, { session, local } ).setItem(
			TOKEN_KEY,
			'x'
		);
		expect( session.getItem( TOKEN_KEY ) ).toBe( 'x' );
		expect( local.getItem( TOKEN_KEY ) ).toBeNull();
	} );

	it( 'uses localStorage or memory when configured', () => {
		const session = new MemoryStorage();
		const local = new MemoryStorage();
		createTokenStorage( 'local', { session, local } ).setItem(
			TOKEN_KEY,
			'x'
		);
		expect( local.getItem( TOKEN_KEY ) ).toBe( 'x' );

		const memory = createTokenStorage( 'memory', { session, local } );
		memory.setItem( 'k', 'v' );
		expect( memory.getItem( 'k' ) ).toBe( 'v' );
		expect( session.length + local.length ).toBe( 1 );
	} );

	it( 'falls back to memory when the browser storage is unavailable', () => {
		const storage = createTokenStorage( 'session', { session: broken } );
		storage.setItem( TOKEN_KEY, 'x' );
		expect( storage.getItem( TOKEN_KEY ) ).toBe( 'x' );
		expect(
			createTokenStorage( 'local', {} ).getItem( TOKEN_KEY )
		).toBeNull();
	} );

	it( 'clears Cognito tokens only, never the rest of the site storage', () => {
		const backend = seeded();
		wrapStorage( backend ).clear();
		expect( backend.getItem( TOKEN_KEY ) ).toBeNull();
		expect(
			backend.getItem( `${ COGNITO_KEY_PREFIX }client.LastAuthUser` )
		).toBeNull();
		expect( backend.getItem( 'theme-preference' ) ).toBe( 'dark' );
	} );
} );

describe( 'clearIfSignedOut', () => {
	it( 'drops tokens when WordPress has set the signed-out cookie', () => {
		const backend = seeded();
		expect(
			clearIfSignedOut(
				'a=1; cognito_blocks_signed_out=1; b=2',
				wrapStorage( backend )
			)
		).toBe( true );
		expect( backend.getItem( TOKEN_KEY ) ).toBeNull();
	} );

	it( 'keeps tokens otherwise', () => {
		const backend = seeded();
		for ( const cookies of [
			'',
			'a=1',
			'cognito_blocks_signed_out=',
			'xcognito_blocks_signed_out=1',
			'cognito_blocks_signed_outx=1',
		] ) {
			expect(
				clearIfSignedOut( cookies, wrapStorage( backend ) ),
				cookies
			).toBe( false );
		}
		expect( backend.getItem( TOKEN_KEY ) ).toBe( 'id.jwt' );
	} );

	it( 'parses the cookie wherever it sits in the string', () => {
		expect(
			hasSignedOutCookie( 'cognito_blocks_signed_out=1700000000' )
		).toBe( true );
		expect(
			hasSignedOutCookie(
				'wordpress_test_cookie=WP%20Cookie%20check;cognito_blocks_signed_out=1'
			)
		).toBe( true );
	} );
} );
