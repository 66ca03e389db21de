<?php
/**
 * Refresh tokens at rest.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Sessions;

/**
 * Encrypts a refresh token for the WordPress session record that holds it (libsodium's secretbox: XSalsa20 and
 * Poly1305, a fresh nonce per token), with a key derived from the site's salts, so a database dump or backup holds
 * no usable token and changing the salts (WordPress's "log everyone out") makes every stored one unreadable.
 */
final class TokenVault {

	private const PREFIX = 'cbv1:';

	/**
	 * Builds a vault.
	 *
	 * @param string $key SODIUM_CRYPTO_SECRETBOX_KEYBYTES bytes (see for_site()).
	 * @throws \InvalidArgumentException For a key of another length.
	 */
	public function __construct( private readonly string $key ) {
		if ( SODIUM_CRYPTO_SECRETBOX_KEYBYTES !== strlen( $key ) ) {
			throw new \InvalidArgumentException( 'A vault key is ' . SODIUM_CRYPTO_SECRETBOX_KEYBYTES . ' bytes.' );
		}
	}

	/**
	 * The site's vault: its key is a BLAKE2b hash of the auth and secure-auth salts under this purpose's label.
	 */
	public static function for_site(): self {
		return new self( sodium_crypto_generichash( wp_salt( 'auth' ) . wp_salt( 'secure_auth' ), 'cognito-blocks refresh token v1', SODIUM_CRYPTO_SECRETBOX_KEYBYTES ) );
	}

	/**
	 * The sealed form of a token, safe to store.
	 *
	 * @param string $token Plaintext token.
	 */
	public function seal( string $token ): string {
		$nonce = random_bytes( SODIUM_CRYPTO_SECRETBOX_NONCEBYTES );
		return self::PREFIX . sodium_bin2base64( $nonce . sodium_crypto_secretbox( $token, $nonce, $this->key ), SODIUM_BASE64_VARIANT_URLSAFE_NO_PADDING );
	}

	/**
	 * The token back; null for anything this vault did not seal (another key, tampered, not a sealed value).
	 *
	 * @param mixed $sealed A stored value.
	 */
	public function open( mixed $sealed ): ?string {
		if ( ! is_string( $sealed ) || ! str_starts_with( $sealed, self::PREFIX ) ) {
			return null;
		}
		try {
			$raw = sodium_base642bin( substr( $sealed, strlen( self::PREFIX ) ), SODIUM_BASE64_VARIANT_URLSAFE_NO_PADDING );
		} catch ( \SodiumException $e ) {
			return null;
		}
		if ( strlen( $raw ) <= SODIUM_CRYPTO_SECRETBOX_NONCEBYTES + SODIUM_CRYPTO_SECRETBOX_MACBYTES ) {
			return null;
		}
		$plain = sodium_crypto_secretbox_open( substr( $raw, SODIUM_CRYPTO_SECRETBOX_NONCEBYTES ), substr( $raw, 0, SODIUM_CRYPTO_SECRETBOX_NONCEBYTES ), $this->key );
		return false === $plain ? null : $plain;
	}
}
