// @vitest-environment node
/**
 * The browser bundle's replacements for the `buffer` and `@aws-crypto/sha256-js` packages that
 * amazon-cognito-identity-js imports (src/auth/shims): the same results as Node's Buffer and node:crypto on the
 * calls the library makes, and the library really gets them.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import * as cognito from 'amazon-cognito-identity-js';
import { describe, expect, it, vi } from 'vitest';
import {
	BufferBytes,
	Buffer as ShimBuffer,
} from '../../../src/auth/shims/buffer';
import { Sha256 } from '../../../src/auth/shims/sha256';

const NodeBuffer = globalThis.Buffer;

/** The SRP helper the library exports but does not declare in its types. */
const { AuthenticationHelper } = cognito as unknown as {
	AuthenticationHelper: new ( pool: string ) => {
		hash: ( value: string ) => string;
		hexHash: ( hex: string ) => string;
		computehkdf: ( ikm: Uint8Array, salt: Uint8Array ) => Uint8Array;
	};
};
const hex = ( bytes: Uint8Array ) => NodeBuffer.from( bytes ).toString( 'hex' );

/** Random inputs of many lengths (0 to 300 bytes), plus the edge cases of each encoding. */
const samples = Array.from( { length: 60 }, ( _, i ) =>
	randomBytes( ( i * 37 ) % 301 )
);

describe( 'Buffer shim', () => {
	it( 'converts bytes to and from hex and base64 exactly like Node', () => {
		for ( const bytes of samples ) {
			const forHex = bytes.toString( 'hex' );
			const forBase64 = bytes.toString( 'base64' );
			expect( ShimBuffer.from( bytes ).toString( 'hex' ) ).toBe( forHex );
			expect( ShimBuffer.from( bytes ).toString( 'base64' ) ).toBe(
				forBase64
			);
			expect( hex( ShimBuffer.from( forHex, 'hex' ) ) ).toBe( forHex );
			expect( hex( ShimBuffer.from( forBase64, 'base64' ) ) ).toBe(
				forHex
			);
		}
	} );

	it( 'reads base64url and unpadded base64 (JWT segments) like Node', () => {
		for ( const bytes of samples ) {
			const url = bytes.toString( 'base64url' );
			expect( hex( ShimBuffer.from( url, 'base64' ) ) ).toBe(
				hex( NodeBuffer.from( url, 'base64' ) )
			);
		}
		for ( const odd of [
			'QQ',
			'QUI',
			'QUJD',
			'Q',
			'QU=I',
			'Q U J D',
			'',
		] ) {
			expect( hex( ShimBuffer.from( odd, 'base64' ) ) ).toBe(
				hex( NodeBuffer.from( odd, 'base64' ) )
			);
		}
	} );

	it( 'stops at the first non-hex pair and ignores an odd last digit, like Node', () => {
		for ( const odd of [ 'abc', 'ABCDEF', '0g12', '12zz34', '', 'f' ] ) {
			expect( hex( ShimBuffer.from( odd, 'hex' ) ) ).toBe(
				hex( NodeBuffer.from( odd, 'hex' ) )
			);
		}
	} );

	it( 'encodes and decodes UTF-8 like Node, the default encoding', () => {
		const text = 'Caldera Derived Key · ünïcödé · 日本 · 🙂 · \u0001';
		expect( hex( ShimBuffer.from( text ) ) ).toBe(
			NodeBuffer.from( text ).toString( 'hex' )
		);
		expect( ShimBuffer.from( text, 'utf8' ).toString( 'utf8' ) ).toBe(
			text
		);
		const invalid = Uint8Array.of( 0x41, 0xff, 0xc3 );
		expect( ShimBuffer.from( invalid ).toString() ).toBe(
			NodeBuffer.from( invalid ).toString()
		);
	} );

	it( 'concatenates into a new buffer and copies on from()', () => {
		const parts = [ samples[ 3 ], new Uint8Array( 0 ), samples[ 7 ] ];
		const joined = ShimBuffer.concat( parts );
		expect( joined ).toBeInstanceOf( BufferBytes );
		expect( hex( joined ) ).toBe( hex( NodeBuffer.concat( parts ) ) );

		const source = Uint8Array.of( 1, 2, 3 );
		const copy = ShimBuffer.from( source );
		source[ 0 ] = 9;
		expect( copy[ 0 ] ).toBe( 1 );
		// slice() keeps the type, so toString( 'hex' ) still works on a part.
		const part = copy.slice( 1 );
		expect( part ).toBeInstanceOf( BufferBytes );
		expect( ( part as BufferBytes ).toString( 'hex' ) ).toBe( '0203' );
	} );
} );

describe( 'Sha256 shim', () => {
	it( 'hashes bytes, strings and slices like node:crypto', () => {
		for ( const bytes of samples ) {
			const hash = new Sha256();
			hash.update( ShimBuffer.from( bytes ) );
			expect( hex( hash.digestSync() ) ).toBe(
				createHash( 'sha256' ).update( bytes ).digest( 'hex' )
			);
		}
		const text = 'us-east-1_Pool' + 'alice:' + 'pässword';
		const hash = new Sha256();
		hash.update( text );
		expect( hex( hash.digestSync() ) ).toBe(
			createHash( 'sha256' ).update( text, 'utf8' ).digest( 'hex' )
		);
		// A view into a larger buffer hashes only its own bytes.
		const whole = randomBytes( 64 );
		const view = whole.subarray( 10, 30 );
		const partial = new Sha256();
		partial.update( view );
		expect( hex( partial.digestSync() ) ).toBe(
			createHash( 'sha256' ).update( view ).digest( 'hex' )
		);
	} );

	it( 'is an HMAC-SHA-256 when given a key, over several updates', async () => {
		for ( const key of samples.slice( 0, 20 ) ) {
			const mac = new Sha256( key );
			mac.update( 'part one|' );
			mac.update( samples[ 5 ] );
			expect( hex( await mac.digest() ) ).toBe(
				createHmac( 'sha256', key )
					.update( 'part one|' )
					.update( samples[ 5 ] )
					.digest( 'hex' )
			);
		}
	} );
} );

describe( 'amazon-cognito-identity-js with the shims', () => {
	it( 'hashes through the shim (the alias applies inside the library)', () => {
		const digest = vi.spyOn( Sha256.prototype, 'digestSync' );
		const helper = new AuthenticationHelper( 'Pool' );
		digest.mockClear(); // the constructor hashes once too (SRP's k)
		expect( helper.hash( 'abc' ) ).toBe(
			createHash( 'sha256' ).update( 'abc' ).digest( 'hex' )
		);
		expect( helper.hexHash( 'ff00' ) ).toBe(
			createHash( 'sha256' )
				.update( NodeBuffer.from( 'ff00', 'hex' ) )
				.digest( 'hex' )
		);
		expect( digest ).toHaveBeenCalledTimes( 2 );
	} );

	it( 'derives the HKDF key like node:crypto', () => {
		const helper = new AuthenticationHelper( 'Pool' );
		const ikm = randomBytes( 32 );
		const salt = randomBytes( 16 );
		const prk = createHmac( 'sha256', salt ).update( ikm ).digest();
		const expected = createHmac( 'sha256', prk )
			.update( 'Caldera Derived Key\u0001' )
			.digest()
			.subarray( 0, 16 );
		expect(
			hex(
				helper.computehkdf(
					ShimBuffer.from( ikm ),
					ShimBuffer.from( salt )
				)
			)
		).toBe( expected.toString( 'hex' ) );
	} );
} );

describe( 'BigInteger shim', () => {
	/** A random hexadecimal number of `bits` bits, sometimes negative. */
	const randomHex = ( bits: number, signed = true ) => {
		const hexDigits = randomBytes( Math.ceil( bits / 8 ) )
			.toString( 'hex' )
			.replace( /^0+/, '' );
		const sign = signed && randomBytes( 1 )[ 0 ] < 96 ? '-' : '';
		return sign + ( hexDigits || '0' );
	};
	type Big = {
		toString: ( radix?: number ) => string;
		add: ( b: Big ) => Big;
		subtract: ( b: Big ) => Big;
		multiply: ( b: Big ) => Big;
		mod: ( b: Big ) => Big;
		abs: () => Big;
		compareTo: ( b: Big ) => number;
		equals: ( b: Big ) => boolean;
		modPow: (
			e: Big,
			m: Big,
			callback: ( error: unknown, result: Big ) => void
		) => unknown;
	};
	type BigClass = new ( hex: string, radix: number ) => Big;
	const pair = async (): Promise< [ BigClass, BigClass ] > => [
		( await import( '../../../src/auth/shims/big-integer' ) )
			.default as unknown as BigClass,
		( await import( 'amazon-cognito-identity-js/es/BigInteger.js' ) )
			.default as BigClass,
	];
	const powOf = ( base: Big, e: Big, m: Big ) => {
		let result: Big | undefined;
		base.modPow( e, m, ( error, value ) => {
			expect( error ).toBeNull();
			result = value;
		} );
		return result?.toString( 16 );
	};

	it( 'matches the library’s jsbn on every method SRP uses, on random values', async () => {
		const [ Shim, Jsbn ] = await pair();
		for ( let i = 0; i < 200; i++ ) {
			const [ a, b ] = [
				randomHex( 8 + i * 13 ),
				randomHex( 3 + i * 7 ),
			];
			// Odd, as SRP's prime modulus is (jsbn's Montgomery powers are only right for odd moduli).
			const m = randomHex( 16 + i * 11, false ).replace(
				/[02468ace]$/,
				'f'
			);
			const [ sa, sb, sm ] = [ a, b, m ].map(
				( h ) => new Shim( h, 16 )
			);
			const [ ja, jb, jm ] = [ a, b, m ].map(
				( h ) => new Jsbn( h, 16 )
			);
			const same = ( shim: Big, jsbn: Big ) =>
				expect( shim.toString( 16 ) ).toBe( jsbn.toString( 16 ) );
			same( sa, ja );
			same( sa.add( sb ), ja.add( jb ) );
			same( sa.subtract( sb ), ja.subtract( jb ) );
			same( sa.multiply( sb ), ja.multiply( jb ) );
			same( sa.mod( sm ), ja.mod( jm ) );
			same( sa.abs(), ja.abs() );
			expect( Math.sign( sa.compareTo( sb ) ) ).toBe(
				Math.sign( ja.compareTo( jb ) )
			);
			expect( sa.equals( new Shim( a, 16 ) ) ).toBe( true );
			expect( sa.equals( sb ) ).toBe( ja.equals( jb ) );
			const e = new Shim( randomHex( 40, false ), 16 );
			const je = new Jsbn( e.toString( 16 ), 16 );
			expect( powOf( sa, e, sm ) ).toBe( powOf( ja, je, jm ) );
		}
	} );

	it( 'computes SRP-sized powers (3072-bit modulus) like jsbn, negative bases included', async () => {
		const [ Shim, Jsbn ] = await pair();
		for ( let i = 0; i < 3; i++ ) {
			const m = randomHex( 3072, false ).replace( /[02468ace]$/, 'f' );
			const base = randomHex( 3100 );
			const e = randomHex( 1024 + 256, false );
			expect(
				powOf(
					new Shim( base, 16 ),
					new Shim( e, 16 ),
					new Shim( m, 16 )
				)
			).toBe(
				powOf(
					new Jsbn( base, 16 ),
					new Jsbn( e, 16 ),
					new Jsbn( m, 16 )
				)
			);
		}
	} );

	it( 'is what the library’s SRP helper gets (its padHex accepts only its own type)', async () => {
		const [ Shim ] = await pair();
		const helper = new AuthenticationHelper( 'Pool' ) as unknown as {
			padHex: ( value: unknown ) => string;
		};
		// The examples of the library's documentation of padHex (it prints them upper-case; toString gives lower).
		expect( helper.padHex( new Shim( '-ec', 16 ) ) ).toBe( 'ff14' );
		expect( helper.padHex( new Shim( '14', 16 ) ) ).toBe( '14' );
		expect( helper.padHex( new Shim( '-14', 16 ) ) ).toBe( 'ec' );
		expect( helper.padHex( new Shim( 'ec', 16 ) ) ).toBe( '00ec' );
	} );

	it( 'refuses anything but hexadecimal instead of guessing', async () => {
		const [ Shim ] = await pair();
		expect( () => new Shim( 'xyz', 16 ) ).toThrow( /hexadecimal/ );
		expect( () => new Shim( '10', 10 ) ).toThrow( /hexadecimal/ );
		expect( new Shim( '', 16 ).toString( 16 ) ).toBe( '0' );
	} );
} );
