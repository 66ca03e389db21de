<?php
/**
 * RS256 signature verification against one JWK.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth;

use CognitoBlocks\Auth\Exception\InvalidSignature;
use CognitoBlocks\Auth\Exception\KeysUnavailable;
use CognitoBlocks\Auth\Exception\UnusableKey;
use Firebase\JWT\JWK;

/**
 * Checks that the JWK is an RSA signing key meant for RS256, then verifies with openssl. The algorithm is fixed
 * here; nothing in the token or the key can choose another.
 */
final class SignatureCheck {

	private const MIN_BITS = 2048;

	/**
	 * Verifies a signature. Without the JWK library it throws KeysUnavailable (see require_library()).
	 *
	 * @param array<string,mixed> $jwk           Key from the pool's key set.
	 * @param string              $signing_input Signed bytes.
	 * @param string              $signature     Raw signature.
	 * @throws UnusableKey      When the key is not an RSA RS256 signing key.
	 * @throws InvalidSignature When the signature does not verify.
	 */
	public static function verify( array $jwk, string $signing_input, string $signature ): void {
		self::require_library();
		self::check_key_parameters( $jwk );
		try {
			$key = JWK::parseKey( $jwk, 'RS256' );
		} catch ( \Throwable $e ) {
			throw new UnusableKey( 'a parsable RSA public key', get_class( $e ) ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- Log text, never printed.
		}
		$material = null === $key ? null : $key->getKeyMaterial();
		if ( ! $material instanceof \OpenSSLAsymmetricKey ) {
			throw new UnusableKey( 'an RSA public key', 'no key material' );
		}
		$details = openssl_pkey_get_details( $material );
		$bits    = is_array( $details ) ? (int) ( $details['bits'] ?? 0 ) : 0;
		if ( $bits < self::MIN_BITS ) {
			throw new UnusableKey( 'an RSA key of at least ' . self::MIN_BITS . ' bits', $bits . ' bits' );
		}
		if ( strlen( $signature ) !== intdiv( $bits + 7, 8 ) ) {
			throw new InvalidSignature( intdiv( $bits + 7, 8 ) . ' signature bytes', strlen( $signature ) . ' bytes' );
		}
		// Exactly 1 means valid: 0 is a bad signature and -1 an error, which must fail as well.
		$result = openssl_verify( $signing_input, $signature, $material, OPENSSL_ALGO_SHA256 );
		while ( false !== openssl_error_string() ) {
			// Drain openssl's error queue so a failure here cannot leak into unrelated later calls.
			continue;
		}
		if ( 1 !== $result ) {
			throw new InvalidSignature( 'a valid RS256 signature', 'openssl_verify returned ' . var_export( $result, true ) ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export, WordPress.Security.EscapeOutput.ExceptionNotEscaped -- Log text, never printed.
		}
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

	/**
	 * Fails closed, as "keys unavailable" (503, the visitor is not blamed), when the JWK library is missing: a
	 * checkout where `composer install` has not run. The plugin zip ships it in vendor/.
	 *
	 * @param string $library_class The class that must exist.
	 * @throws KeysUnavailable When it does not.
	 */
	public static function require_library( string $library_class = JWK::class ): void {
		if ( ! class_exists( $library_class ) ) {
			throw new KeysUnavailable( 'firebase/php-jwt is not installed: run `composer install` in the plugin folder' );
		}
	}
}
