/** RFC 6238 TOTP (30 s step, 6 digits, HMAC-SHA-1) with RFC 4648 base32 secrets, as authenticator apps use. */
import { createHmac, randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const TOTP_STEP_MS = 30_000;

export function base32Encode( bytes: Buffer ): string {
	let bits = 0;
	let value = 0;
	let out = '';
	for ( const byte of bytes ) {
		value = ( value << 8 ) | byte;
		bits += 8;
		while ( bits >= 5 ) {
			out += ALPHABET[ ( value >>> ( bits - 5 ) ) & 31 ];
			bits -= 5;
		}
	}
	if ( bits > 0 ) {
		out += ALPHABET[ ( value << ( 5 - bits ) ) & 31 ];
	}
	return out;
}

export function base32Decode( text: string ): Buffer {
	const clean = text.toUpperCase().replace( /[\s=-]/g, '' );
	const bytes: number[] = [];
	let bits = 0;
	let value = 0;
	for ( const ch of clean ) {
		const idx = ALPHABET.indexOf( ch );
		if ( idx < 0 ) {
			throw new Error( `Invalid base32 character "${ ch }"` );
		}
		value = ( value << 5 ) | idx;
		bits += 5;
		if ( bits >= 8 ) {
			bytes.push( ( value >>> ( bits - 8 ) ) & 0xff );
			bits -= 8;
		}
	}
	return Buffer.from( bytes );
}

/** A fresh 160-bit secret, the size RFC 4226 recommends; 32 base32 characters. */
export function newTotpSecret(): string {
	return base32Encode( randomBytes( 20 ) );
}

function hotp( key: Buffer, counter: number ): string {
	const msg = Buffer.alloc( 8 );
	msg.writeBigUInt64BE( BigInt( counter ) );
	const mac = createHmac( 'sha1', key ).update( msg ).digest();
	const offset = ( mac[ mac.length - 1 ] ?? 0 ) & 0x0f;
	const bin = mac.readUInt32BE( offset ) & 0x7fffffff;
	return String( bin % 1_000_000 ).padStart( 6, '0' );
}

/** The 6-digit code for `secretBase32` at time `atMs` (default: now). */
export function totp(
	secretBase32: string,
	atMs: number = Date.now()
): string {
	return hotp(
		base32Decode( secretBase32 ),
		Math.floor( atMs / TOTP_STEP_MS )
	);
}

/** Accepts the current step and one step either side, to absorb clock drift between phone and server. */
export function totpMatches(
	secretBase32: string,
	code: unknown,
	atMs: number
): boolean {
	if ( typeof code !== 'string' || ! /^\d{6}$/.test( code ) ) {
		return false;
	}
	return [ -1, 0, 1 ].some(
		( d ) => totp( secretBase32, atMs + d * TOTP_STEP_MS ) === code
	);
}
