/**
 * `Sha256` with the interface of `@aws-crypto/sha256-js`, on the noble-hashes package, for the browser bundle.
 *
 * amazon-cognito-identity-js hashes synchronously for SRP (SHA-256, and HMAC-SHA-256 when the constructor gets a
 * key). `@aws-crypto/sha256-js` brings its own SHA-256, tslib and a UTF-8 encoder (about 5 kB gzip);
 * noble-hashes (`@noble/hashes`) is an audited, dependency-free SHA-256 about half that size. The build aliases the
 * package to this file (see `./aliases.js`); `tests/unit/auth/shims.test.ts` checks it against node:crypto.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { host } from '../host';

type SourceData = string | ArrayBuffer | ArrayBufferView;

interface HashState {
	update: ( bytes: Uint8Array ) => unknown;
	digest: () => Uint8Array;
}

/** SHA-256's block size in bytes. */
const BLOCK = 64;

/**
 * HMAC-SHA-256 as RFC 2104 defines it, over noble's SHA-256: H( K ⊕ opad ‖ H( K ⊕ ipad ‖ message ) ), with a key
 * longer than a block hashed first. (noble's own hmac.js does the same plus cloning and key wiping for
 * long-lived instances, which one-shot SRP hashing never uses.)
 * @param key The HMAC key, any length.
 */
function hmacSha256( key: Uint8Array ): HashState {
	const block = new Uint8Array( BLOCK );
	block.set( key.length > BLOCK ? sha256( key ) : key );
	const inner = sha256.create().update( block.map( ( b ) => b ^ 0x36 ) );
	const outer = sha256.create().update( block.map( ( b ) => b ^ 0x5c ) );
	return {
		update: ( bytes ) => inner.update( bytes ),
		digest: () => outer.update( inner.digest() ).digest(),
	};
}

function toBytes( data: SourceData ): Uint8Array {
	if ( typeof data === 'string' ) {
		return new host.TextEncoder().encode( data );
	}
	if ( ArrayBuffer.isView( data ) ) {
		return new Uint8Array( data.buffer, data.byteOffset, data.byteLength );
	}
	return new Uint8Array( data );
}

export class Sha256 {
	private readonly state: HashState;

	/**
	 * With a key, an HMAC-SHA-256; without, a plain SHA-256.
	 * @param secret The HMAC key (bytes or a UTF-8 string).
	 */
	constructor( secret?: SourceData ) {
		this.state =
			secret === undefined
				? sha256.create()
				: hmacSha256( toBytes( secret ) );
	}

	update( data: SourceData ): void {
		this.state.update( toBytes( data ) );
	}

	digestSync(): Uint8Array {
		return this.state.digest();
	}

	digest(): Promise< Uint8Array > {
		return Promise.resolve( this.digestSync() );
	}
}
