<?php
/**
 * An OpenSSL public key from the n and e of an RSA JWK.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth;

use CognitoBlocks\Auth\Exception\InvalidEncoding;
use CognitoBlocks\Auth\Exception\UnusableKey;

/**
 * Builds the key OpenSSL reads from a JWK's modulus and exponent. This is our own code rather than a JWT library's
 * because PHP classes are global: when another plugin loads an older copy of a library first, its code is what runs
 * here, and an incompatible copy made sign-in a fatal error.
 *
 * The DER is a SubjectPublicKeyInfo (RFC 5280 §4.1.2.7) holding an RSAPublicKey (RFC 8017 §A.1.1):
 *
 *     SEQUENCE {
 *       SEQUENCE { OBJECT IDENTIFIER rsaEncryption (1.2.840.113549.1.1.1), NULL }
 *       BIT STRING { 0 unused bits, SEQUENCE { INTEGER n, INTEGER e } }
 *     }
 */
final class RsaPublicKey {

	/**
	 * The AlgorithmIdentifier above, encoded: SEQUENCE { OID rsaEncryption, NULL }.
	 */
	private const RSA_ENCRYPTION = '300d06092a864886f70d0101010500';

	private const INTEGER = 0x02;

	private const BIT_STRING = 0x03;

	private const SEQUENCE = 0x30;

	/**
	 * The key of a JWK's "n" and "e" (unsigned big-endian integers in unpadded base64url, RFC 7518 §6.3.1).
	 *
	 * @param string $n Modulus.
	 * @param string $e Public exponent.
	 * @throws UnusableKey When either is not strict base64url or OpenSSL does not take the key.
	 */
	public static function from_jwk( string $n, string $e ): \OpenSSLAsymmetricKey {
		try {
			$der = self::der( TokenDecoder::base64url( $n, 'n' ), TokenDecoder::base64url( $e, 'e' ) );
		} catch ( InvalidEncoding $error ) {
			throw new UnusableKey( 'n and e in base64url', $error->actual() ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- Log text, never printed.
		}
		$key = openssl_pkey_get_public( self::pem( $der ) );
		self::clear_openssl_errors();
		if ( false === $key ) {
			throw new UnusableKey( 'a parsable RSA public key', 'a key OpenSSL refuses' );
		}
		return $key;
	}

	/**
	 * The DER SubjectPublicKeyInfo of a modulus and an exponent.
	 *
	 * @param string $modulus  Unsigned big-endian bytes.
	 * @param string $exponent Unsigned big-endian bytes.
	 */
	public static function der( string $modulus, string $exponent ): string {
		$rsa_public_key = self::tlv( self::SEQUENCE, self::integer( $modulus ) . self::integer( $exponent ) );
		// The BIT STRING's first byte counts the unused bits of its last byte: none, the key is whole bytes.
		$bit_string = self::tlv( self::BIT_STRING, "\x00" . $rsa_public_key );
		return self::tlv( self::SEQUENCE, (string) hex2bin( self::RSA_ENCRYPTION ) . $bit_string );
	}

	/**
	 * Empties OpenSSL's error queue, so a failure here cannot surface in an unrelated later openssl_error_string().
	 */
	public static function clear_openssl_errors(): void {
		while ( false !== openssl_error_string() ) {
			continue;
		}
	}

	/**
	 * PEM armour: the DER in base64, 64 characters a line.
	 *
	 * @param string $der DER bytes.
	 */
	private static function pem( string $der ): string {
		return "-----BEGIN PUBLIC KEY-----\n" . chunk_split( base64_encode( $der ), 64, "\n" ) . "-----END PUBLIC KEY-----\n"; // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- PEM is base64.
	}

	/**
	 * A DER INTEGER. DER integers are signed, so an unsigned value whose high bit is set gets a leading 0x00 to
	 * stay positive.
	 *
	 * @param string $unsigned Unsigned big-endian bytes.
	 */
	private static function integer( string $unsigned ): string {
		if ( '' !== $unsigned && ord( $unsigned[0] ) >= 0x80 ) {
			$unsigned = "\x00" . $unsigned;
		}
		return self::tlv( self::INTEGER, $unsigned );
	}

	/**
	 * Tag, length, value. A length under 128 is one byte; a longer one is 0x80 plus the number of length bytes,
	 * then the length in that many big-endian bytes (a 2048-bit modulus: 0x82 0x01 0x01).
	 *
	 * @param int    $tag   Tag byte.
	 * @param string $value Contents.
	 */
	private static function tlv( int $tag, string $value ): string {
		$length = strlen( $value );
		if ( $length < 0x80 ) {
			return chr( $tag ) . chr( $length ) . $value;
		}
		$length_bytes = ltrim( pack( 'N', $length ), "\x00" );
		return chr( $tag ) . chr( 0x80 | strlen( $length_bytes ) ) . $length_bytes . $value;
	}
}
