<?php
/**
 * RS256 signature verification against one JWK.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth;

use CognitoBlocks\Auth\Exception\InvalidSignature;
use CognitoBlocks\Auth\Exception\UnusableKey;

/**
 * Checks that the JWK is an RSA signing key meant for RS256, turns it into an OpenSSL key (RsaPublicKey, no JWT
 * library) and verifies with openssl. The algorithm is fixed here; nothing in the token or the key can choose another.
 */
final class SignatureCheck {

	private const MIN_BITS = 2048;

	/**
	 * Verifies a signature.
	 *
	 * @param array<string,mixed> $jwk           Key from the pool's key set.
	 * @param string              $signing_input Signed bytes.
	 * @param string              $signature     Raw signature.
	 * @throws InvalidSignature When the signature does not verify (UnusableKey, from key(), when the key is not an
	 *                          RSA RS256 signing key).
	 */
	public static function verify( array $jwk, string $signing_input, string $signature ): void {
		list( $material, $bits ) = self::key( $jwk );
		if ( strlen( $signature ) !== intdiv( $bits + 7, 8 ) ) {
			throw new InvalidSignature( intdiv( $bits + 7, 8 ) . ' signature bytes', strlen( $signature ) . ' bytes' );
		}
		// Exactly 1 means valid: 0 is a bad signature and -1 an error, which must fail as well.
		$result = openssl_verify( $signing_input, $signature, $material, OPENSSL_ALGO_SHA256 );
		RsaPublicKey::clear_openssl_errors();
		if ( 1 !== $result ) {
			throw new InvalidSignature( 'a valid RS256 signature', 'openssl_verify returned ' . var_export( $result, true ) ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export, WordPress.Security.EscapeOutput.ExceptionNotEscaped -- Log text, never printed.
		}
	}

	/**
	 * Whether a key of the pool's key set could verify a token (an RSA RS256 signing key of enough bits).
	 *
	 * @param array<string,mixed> $jwk Key from the pool's key set.
	 */
	public static function usable( array $jwk ): bool {
		try {
			self::key( $jwk );
			return true;
		} catch ( UnusableKey $unusable ) {
			return false;
		}
	}

	/**
	 * The OpenSSL key of a JWK and its size.
	 *
	 * @param array<string,mixed> $jwk Key.
	 * @return array{\OpenSSLAsymmetricKey,int}
	 * @throws UnusableKey When the key is not an RSA RS256 signing key of at least MIN_BITS.
	 */
	private static function key( array $jwk ): array {
		self::check_key_parameters( $jwk );
		$material = RsaPublicKey::from_jwk( $jwk['n'], $jwk['e'] );
		$details  = openssl_pkey_get_details( $material );
		$bits     = is_array( $details ) ? (int) ( $details['bits'] ?? 0 ) : 0;
		if ( $bits < self::MIN_BITS ) {
			throw new UnusableKey( 'an RSA key of at least ' . self::MIN_BITS . ' bits', $bits . ' bits' );
		}
		return array( $material, $bits );
	}

	/**
	 * Checks the JWK members that say what the key is for.
	 *
	 * @param array<string,mixed> $jwk Key.
	 * @throws UnusableKey When the key is not meant for RS256 signatures.
	 */
	private static function check_key_parameters( array $jwk ): void {
		if ( 'RSA' !== ( $jwk['kty'] ?? null ) ) {
			throw new UnusableKey( 'kty "RSA"', UnusableKey::describe( $jwk['kty'] ?? null ) );
		}
		if ( array_key_exists( 'use', $jwk ) && 'sig' !== $jwk['use'] ) {
			throw new UnusableKey( 'use "sig"', UnusableKey::describe( $jwk['use'] ) );
		}
		if ( array_key_exists( 'alg', $jwk ) && 'RS256' !== $jwk['alg'] ) {
			throw new UnusableKey( 'alg "RS256"', UnusableKey::describe( $jwk['alg'] ) );
		}
		if ( ! is_string( $jwk['n'] ?? null ) || ! is_string( $jwk['e'] ?? null ) || array_key_exists( 'd', $jwk ) ) {
			throw new UnusableKey( 'an RSA public key with n and e', 'other members' );
		}
	}
}
