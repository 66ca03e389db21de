/**
 * Server side of Cognito's SRP-6a variant.
 *
 * Every hash, padding and key-derivation step goes through the AuthenticationHelper that
 * amazon-cognito-identity-js itself exports, so the byte layout is the client's by construction: a server
 * that pads differently fails whenever a value starts with a high bit or a zero byte (~1 login in 256).
 * Only the modular exponentiations run natively (OpenSSL through Diffie-Hellman), because the client's
 * pure-JS BigInteger needs ~80 ms per 3072-bit exponentiation and the server does three per sign-in.
 */
import * as cognitoJs from 'amazon-cognito-identity-js';
import {
	createDiffieHellman,
	createHmac,
	randomBytes,
	timingSafeEqual,
} from 'node:crypto';

/* The helper's typings omit its primitives; this is the part of its surface the server uses. */
interface BigInt3072 {
	toString: ( radix: number ) => string;
	mod: ( m: BigInt3072 ) => BigInt3072;
	multiply: ( o: BigInt3072 ) => BigInt3072;
	add: ( o: BigInt3072 ) => BigInt3072;
	equals: ( o: BigInt3072 ) => boolean;
}
interface HelperPrimitives {
	N: BigInt3072;
	g: BigInt3072;
	k: BigInt3072;
	padHex: ( n: BigInt3072 ) => string;
	hash: ( data: string | Buffer ) => string;
	hexHash: ( hex: string ) => string;
	calculateU: ( A: BigInt3072, B: BigInt3072 ) => BigInt3072;
	computehkdf: ( ikm: Buffer, salt: Buffer ) => Buffer;
}

// Exported at runtime, but missing from the package's typings.
const { AuthenticationHelper } = cognitoJs as unknown as {
	AuthenticationHelper: new ( pool: string ) => HelperPrimitives;
};
const helper = new AuthenticationHelper( 'emulator' );
const BigInteger = (
	helper.N as unknown as {
		constructor: new ( s: string, radix: number ) => BigInt3072;
	}
 ).constructor;
const ZERO = new BigInteger( '0', 16 );
const N_BYTES = Buffer.from( helper.N.toString( 16 ), 'hex' );

const big = ( hex: string ): BigInt3072 => new BigInteger( hex, 16 );

/** base^exp mod N via OpenSSL: DH computeSecret(base) with private key exp is exactly that. */
function modPow( base: BigInt3072, exp: BigInt3072 ): BigInt3072 {
	const dh = createDiffieHellman( N_BYTES, Buffer.from( [ 2 ] ) );
	dh.setPrivateKey( Buffer.from( helper.padHex( exp ), 'hex' ) );
	return big(
		dh
			.computeSecret(
				Buffer.from( helper.padHex( base.mod( helper.N ) ), 'hex' )
			)
			.toString( 'hex' )
	);
}

/** x = H(salt | H(poolName | username | ":" | password)), as in the client's getPasswordAuthenticationKey. */
function privateX(
	poolName: string,
	username: string,
	password: string,
	saltHex: string
): BigInt3072 {
	const inner = helper.hash( `${ poolName }${ username }:${ password }` );
	return big( helper.hexHash( helper.padHex( big( saltHex ) ) + inner ) );
}

/** The pool name in every SRP hash is the part of the pool id after the underscore. */
export function srpPoolName( poolId: string ): string {
	return poolId.slice( poolId.indexOf( '_' ) + 1 );
}

export function makeVerifier(
	poolId: string,
	username: string,
	password: string
): { salt: string; verifier: string } {
	const salt = randomBytes( 16 ).toString( 'hex' );
	const x = privateX( srpPoolName( poolId ), username, password, salt );
	return { salt, verifier: modPow( helper.g, x ).toString( 16 ) };
}

/** For USER_PASSWORD_AUTH and the hosted UI: recompute the verifier from the offered password. */
export function passwordMatches(
	poolId: string,
	user: { username: string; salt: string; verifier: string },
	password: string
): boolean {
	const x = privateX(
		srpPoolName( poolId ),
		user.username,
		password,
		user.salt
	);
	return modPow( helper.g, x ).equals( big( user.verifier ) );
}

export interface SrpServerState {
	A: string;
	b: string;
	B: string;
}

/** Returns null when A ≡ 0 (mod N), which would let a client authenticate without the password. */
export function srpStart(
	verifierHex: string,
	AHex: string
): SrpServerState | null {
	if ( ! /^[0-9a-fA-F]+$/.test( AHex ) ) {
		return null;
	}
	const A = big( AHex );
	if ( A.mod( helper.N ).equals( ZERO ) ) {
		return null;
	}
	for (;;) {
		const b = big( randomBytes( 128 ).toString( 'hex' ) );
		const B = helper.k
			.multiply( big( verifierHex ) )
			.add( modPow( helper.g, b ) )
			.mod( helper.N );
		if ( ! B.equals( ZERO ) ) {
			return { A: AHex, b: b.toString( 16 ), B: B.toString( 16 ) };
		}
	}
}

export interface SrpClaim {
	poolId: string;
	username: string;
	verifier: string;
	srp: SrpServerState;
	secretBlock: string;
	timestamp: string;
	signature: string;
}

/** Checks PASSWORD_CLAIM_SIGNATURE: HMAC(hkdf(S, u), poolName | username | secretBlock | timestamp). */
export function srpVerifyClaim( claim: SrpClaim ): boolean {
	const A = big( claim.srp.A );
	const B = big( claim.srp.B );
	const u = helper.calculateU( A, B );
	if ( u.equals( ZERO ) ) {
		return false;
	}
	let S: BigInt3072;
	try {
		// S = (A · v^u)^b mod N — the same value the client derives as (B − k·g^x)^(a + u·x).
		const base = A.multiply( modPow( big( claim.verifier ), u ) ).mod(
			helper.N
		);
		S = modPow( base, big( claim.srp.b ) );
	} catch {
		// OpenSSL refuses degenerate bases (0, 1, N−1): only a hostile A produces them.
		return false;
	}
	const key = helper.computehkdf(
		Buffer.from( helper.padHex( S ), 'hex' ),
		Buffer.from( helper.padHex( u ), 'hex' )
	);
	const expected = createHmac( 'sha256', key )
		.update(
			Buffer.concat( [
				Buffer.from( srpPoolName( claim.poolId ), 'utf8' ),
				Buffer.from( claim.username, 'utf8' ),
				Buffer.from( claim.secretBlock, 'base64' ),
				Buffer.from( claim.timestamp, 'utf8' ),
			] )
		)
		.digest();
	const offered = Buffer.from( claim.signature, 'base64' );
	return (
		offered.length === expected.length &&
		timingSafeEqual( offered, expected )
	);
}

const WEEKDAYS = [ 'Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat' ];
const MONTHS = [
	'Jan',
	'Feb',
	'Mar',
	'Apr',
	'May',
	'Jun',
	'Jul',
	'Aug',
	'Sep',
	'Oct',
	'Nov',
	'Dec',
];

/**
 * Parses the client's TIMESTAMP ("Tue Sep 5 07:03:09 UTC 2018": day not zero-padded, as its DateHelper
 * writes it). Returns epoch ms or null when the format is wrong.
 */
export function parseSrpTimestamp( value: unknown ): number | null {
	const m =
		typeof value === 'string'
			? /^(\w{3}) (\w{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) UTC (\d{4})$/.exec(
					value
				)
			: null;
	if ( ! m ) {
		return null;
	}
	const [ , weekday = '', month = '', day, hh, mm, ss, year ] = m;
	if ( ! WEEKDAYS.includes( weekday ) || ! MONTHS.includes( month ) ) {
		return null;
	}
	const ms = Date.UTC(
		Number( year ),
		MONTHS.indexOf( month ),
		Number( day ),
		Number( hh ),
		Number( mm ),
		Number( ss )
	);
	return new Date( ms ).getUTCDay() === WEEKDAYS.indexOf( weekday )
		? ms
		: null;
}

/** Formats a time the way the client does, for tests and fake challenges. */
export function formatSrpTimestamp( ms: number ): string {
	const d = new Date( ms );
	const p = ( n: number ) => String( n ).padStart( 2, '0' );
	return `${ WEEKDAYS[ d.getUTCDay() ] } ${ MONTHS[ d.getUTCMonth() ] } ${ d.getUTCDate() } ${ p(
		d.getUTCHours()
	) }:${ p( d.getUTCMinutes() ) }:${ p( d.getUTCSeconds() ) } UTC ${ d.getUTCFullYear() }`;
}

/** A random B for fake challenges (PreventUserExistenceErrors): indistinguishable in shape from a real one. */
export function fakeSrpB(): string {
	return modPow(
		helper.g,
		big( randomBytes( 128 ).toString( 'hex' ) )
	).toString( 16 );
}
