<?php
/**
 * Derivation of a new user's login name.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Users;

/**
 * Picks a unique, sanitised login from the token: preferred_username, else the email's local part, else the
 * Cognito username, else "user"; a numeric suffix (then a random one) makes it unique. A derived login never holds
 * an "@", so it can never be an email address: wp-login.php takes a name as a login before trying it as an email,
 * and a login equal to someone's address (now or once they register with it) would stand in for them.
 */
final class LoginName {

	private const MAX_LENGTH = 50;

	/**
	 * Derives a login.
	 *
	 * @param array<string,mixed>   $claims Verified claims.
	 * @param callable(string):bool $taken  Whether a login is already used (or not allowed).
	 * @throws \RuntimeException When no free login is found (practically unreachable).
	 */
	public static function derive( array $claims, callable $taken ): string {
		$base = self::base( $claims );
		if ( ! $taken( $base ) ) {
			return $base;
		}
		for ( $i = 2; $i <= 20; $i++ ) {
			$candidate = self::suffixed( $base, (string) $i );
			if ( ! $taken( $candidate ) ) {
				return $candidate;
			}
		}
		for ( $i = 0; $i < 10; $i++ ) {
			$candidate = self::suffixed( $base, bin2hex( random_bytes( 3 ) ) );
			if ( ! $taken( $candidate ) ) {
				return $candidate;
			}
		}
		throw new \RuntimeException( 'No free login name.' );
	}

	/**
	 * The sanitised login before uniqueness.
	 *
	 * @param array<string,mixed> $claims Verified claims.
	 */
	public static function base( array $claims ): string {
		$candidates = array(
			$claims['preferred_username'] ?? null,
			$claims['email'] ?? null,
			$claims['cognito:username'] ?? null,
		);
		foreach ( $candidates as $candidate ) {
			$login = is_string( $candidate ) ? self::sanitize( $candidate ) : '';
			if ( '' !== $login ) {
				return $login;
			}
		}
		return 'user';
	}

	/**
	 * Lowercase ASCII letters, digits and . _ - (a subset of what WordPress allows in strict mode), from the text
	 * before its first "@" (an email address gives its local part).
	 *
	 * @param string $raw Untrusted text.
	 */
	public static function sanitize( string $raw ): string {
		$local = explode( '@', $raw, 2 )[0];
		$login = (string) preg_replace( '/[^a-z0-9_.\-]/', '', strtolower( $local ) );
		$login = trim( $login, '._-' );
		return rtrim( substr( $login, 0, self::MAX_LENGTH ), '._-' );
	}

	/**
	 * Appends a suffix, keeping within the length limit.
	 *
	 * @param string $base   Login.
	 * @param string $suffix Suffix.
	 */
	private static function suffixed( string $base, string $suffix ): string {
		return substr( $base, 0, self::MAX_LENGTH - strlen( $suffix ) - 1 ) . '-' . $suffix;
	}
}
