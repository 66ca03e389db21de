<?php
/**
 * Tells the front end that the WordPress session ended.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Rest;

/**
 * On any WordPress logout (wp-login.php, the admin bar, the session endpoint) a short-lived cookie readable by
 * scripts is set; the front end sees it, drops the Cognito tokens it holds and deletes the cookie. A sign-in
 * clears it so fresh tokens are not dropped.
 */
final class SignedOutCookie {

	public const NAME = 'cognito_blocks_signed_out';

	private const LIFETIME = 300;

	/**
	 * The `wp_logout` action.
	 */
	public static function set(): void {
		self::write( '1', time() + self::LIFETIME );
	}

	/**
	 * The `wp_login` action.
	 */
	public static function clear(): void {
		if ( isset( $_COOKIE[ self::NAME ] ) ) {
			unset( $_COOKIE[ self::NAME ] );
			self::write( '', time() - YEAR_IN_SECONDS );
		}
	}

	/**
	 * Sends the cookie (not HttpOnly: the front end must read it; it carries no secret).
	 *
	 * @param string $value   Value.
	 * @param int    $expires Expiry time.
	 */
	private static function write( string $value, int $expires ): void {
		if ( headers_sent() ) {
			return;
		}
		setcookie(
			self::NAME,
			$value,
			array(
				'expires'  => $expires,
				'path'     => COOKIEPATH ? COOKIEPATH : '/',
				'domain'   => COOKIE_DOMAIN ? COOKIE_DOMAIN : '',
				'secure'   => is_ssl(),
				'httponly' => false,
				'samesite' => 'Lax',
			)
		);
	}
}
