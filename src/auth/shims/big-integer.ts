/**
 * The big-number type amazon-cognito-identity-js uses for SRP, on the platform's native `BigInt`.
 *
 * The library ships a cut-down copy of jsbn (about 3 kB gzip) and uses a dozen of its methods: hexadecimal in
 * and out, add/subtract/multiply, `mod`, `modPow` (callback style), `compareTo`, `equals`, `abs`. Native BigInt
 * does the same arithmetic in less code and about five times faster (`npm run bench`, client-srp section: the
 * browser's SRP maths for one sign-in).
 * The build swaps the library's `./BigInteger` module for this one (see `./aliases.js`);
 * `tests/unit/auth/shims.test.ts` checks every method against the library's own copy on random values.
 */

const HEX = /^\s*(-?)([0-9a-f]*)\s*$/i;

/**
 * `a mod m` in [0, m) for m > 0, as jsbn's `mod` (JavaScript's `%` keeps the sign of `a`).
 * @param a
 * @param m
 */
function modulo( a: bigint, m: bigint ): bigint {
	const r = a % m;
	return r < 0n ? r + m : r;
}

export default class BigInteger {
	static ZERO: BigInteger;
	static ONE: BigInteger;

	readonly value: bigint;

	/**
	 * From a hexadecimal string (the only radix the library uses), or from a native value.
	 * @param source
	 * @param radix
	 */
	constructor( source: string | bigint, radix = 16 ) {
		if ( typeof source === 'bigint' ) {
			this.value = source;
			return;
		}
		const match = radix === 16 ? HEX.exec( source ) : null;
		if ( ! match ) {
			throw new Error( 'BigInteger: expected a hexadecimal number' );
		}
		const magnitude = BigInt( `0x${ match[ 2 ] || '0' }` );
		this.value = match[ 1 ] ? -magnitude : magnitude;
	}

	toString( radix = 16 ): string {
		return this.value.toString( radix );
	}

	abs(): BigInteger {
		return new BigInteger( this.value < 0n ? -this.value : this.value );
	}

	compareTo( other: BigInteger ): number {
		if ( this.value === other.value ) {
			return 0;
		}
		return this.value < other.value ? -1 : 1;
	}

	equals( other: BigInteger ): boolean {
		return this.value === other.value;
	}

	add( other: BigInteger ): BigInteger {
		return new BigInteger( this.value + other.value );
	}

	subtract( other: BigInteger ): BigInteger {
		return new BigInteger( this.value - other.value );
	}

	multiply( other: BigInteger ): BigInteger {
		return new BigInteger( this.value * other.value );
	}

	mod( m: BigInteger ): BigInteger {
		return new BigInteger( modulo( this.value, m.value ) );
	}

	/**
	 * `this^e mod m` by square-and-multiply over e's bits (e ≥ 0, m > 0; a negative base is reduced first, as
	 * jsbn does). The library passes a Node-style callback; the result is also returned.
	 * @param e        The exponent.
	 * @param m        The modulus.
	 * @param callback Called with ( null, result ).
	 */
	modPow(
		e: BigInteger,
		m: BigInteger,
		callback?: ( error: Error | null, result: BigInteger ) => void
	): BigInteger {
		let base = modulo( this.value, m.value );
		let exponent = e.value;
		let result = 1n;
		while ( exponent > 0n ) {
			if ( exponent & 1n ) {
				result = ( result * base ) % m.value;
			}
			base = ( base * base ) % m.value;
			exponent >>= 1n;
		}
		const answer = new BigInteger( result );
		callback?.( null, answer );
		return answer;
	}
}

BigInteger.ZERO = new BigInteger( 0n );
BigInteger.ONE = new BigInteger( 1n );
