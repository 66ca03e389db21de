/**
 * The random-bytes helper amazon-cognito-identity-js uses for SRP's private value: `new WordArray().random( n )`
 * then `toString()` as hex. The library's version builds words from a crypto-random-int helper with fallbacks
 * for engines without `crypto.getRandomValues`; every browser the plugin supports has it. The build swaps the
 * library's `./utils/WordArray` for this module (see `./aliases.js`).
 */
import { host } from '../host';
import { Buffer } from './buffer';

export default class WordArray {
	private readonly bytes: Uint8Array;

	constructor( bytes: Uint8Array = new Uint8Array( 0 ) ) {
		this.bytes = bytes;
	}

	/**
	 * Cryptographically random bytes (throws where no secure source exists, never falls back).
	 * @param nBytes How many.
	 */
	random( nBytes: number ): WordArray {
		return new WordArray(
			host.crypto.getRandomValues( new Uint8Array( nBytes ) )
		);
	}

	toString(): string {
		return Buffer.from( this.bytes ).toString( 'hex' );
	}
}
