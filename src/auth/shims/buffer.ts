/**
 * The part of Node's `Buffer` that amazon-cognito-identity-js uses, for the browser bundle.
 *
 * The library imports `Buffer` from the `buffer` package (a full Node polyfill, about 6 kB gzip with its
 * helpers) for a handful of conversions: hex, base64 (also the base64url of JWT segments) and UTF-8 to bytes
 * and back, and concatenation. The build aliases `buffer` to this file (see `./aliases.js`); behaviour on those
 * calls matches Node's, which `tests/unit/auth/shims.test.ts` checks against the real `Buffer`.
 */
import { host } from '../host';

export type BufferEncoding = 'hex' | 'base64' | 'utf8' | 'utf-8';

const HEX_PAIR = /^[0-9a-f]{2}$/i;

function hexToBytes( hex: string ): number[] {
	const bytes: number[] = [];
	// Like Node: pairs are read until the first one that is not hex; an odd last digit is ignored.
	for ( let i = 0; i + 1 < hex.length; i += 2 ) {
		const pair = hex.slice( i, i + 2 );
		if ( ! HEX_PAIR.test( pair ) ) {
			break;
		}
		bytes.push( parseInt( pair, 16 ) );
	}
	return bytes;
}

function base64ToBytes( text: string ): number[] {
	// Like Node: base64 and base64url alike, padding optional, other characters skipped, stop at "=".
	let clean = text
		.split( '=' )[ 0 ]
		.replace( /[^A-Za-z0-9+/\-_]/g, '' )
		.replace( /-/g, '+' )
		.replace( /_/g, '/' );
	if ( clean.length % 4 === 1 ) {
		clean = clean.slice( 0, -1 );
	}
	clean += '='.repeat( ( 4 - ( clean.length % 4 ) ) % 4 );
	return Array.from( host.atob( clean ), ( char ) => char.charCodeAt( 0 ) );
}

function bytesToBase64( bytes: Uint8Array ): string {
	let binary = '';
	// In slices, so a long input never overflows the argument list of fromCharCode.
	for ( let i = 0; i < bytes.length; i += 0x8000 ) {
		binary += String.fromCharCode( ...bytes.subarray( i, i + 0x8000 ) );
	}
	return host.btoa( binary );
}

/** Bytes that print themselves as Node's Buffer does: `toString( 'hex' | 'base64' | 'utf8' )`. */
export class BufferBytes extends Uint8Array {
	override toString( encoding: BufferEncoding = 'utf8' ): string {
		if ( encoding === 'hex' ) {
			return Array.from( this, ( byte ) =>
				byte.toString( 16 ).padStart( 2, '0' )
			).join( '' );
		}
		if ( encoding === 'base64' ) {
			return bytesToBase64( this );
		}
		return new host.TextDecoder().decode( this );
	}
}

export const Buffer = {
	from(
		value: string | ArrayLike< number >,
		encoding: BufferEncoding = 'utf8'
	): BufferBytes {
		if ( typeof value !== 'string' ) {
			return new BufferBytes( value );
		}
		if ( encoding === 'hex' ) {
			return new BufferBytes( hexToBytes( value ) );
		}
		if ( encoding === 'base64' ) {
			return new BufferBytes( base64ToBytes( value ) );
		}
		return new BufferBytes( new host.TextEncoder().encode( value ) );
	},

	concat( list: readonly Uint8Array[] ): BufferBytes {
		const result = new BufferBytes(
			list.reduce( ( total, part ) => total + part.length, 0 )
		);
		let offset = 0;
		for ( const part of list ) {
			result.set( part, offset );
			offset += part.length;
		}
		return result;
	},
};
