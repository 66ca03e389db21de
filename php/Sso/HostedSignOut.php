<?php
/**
 * Signing out of the hosted UI together with WordPress.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Sso;

use CognitoBlocks\Sessions\SessionBinding;
use CognitoBlocks\Settings\Settings;

/**
 * When a session was opened through a single sign-on button and the `hosted_ui_sign_out` setting is on, core's
 * sign-out (wp-login.php?action=logout) ends with the hosted UI's /logout instead of the usual screen: the hosted
 * UI forgets its own session (so the next button press asks for the password again, here and on every other site
 * of the pool) and sends the browser back to this site's "You are now logged out" screen.
 *
 * The session record says how it was opened; it is read before core destroys it.
 */
final class HostedSignOut {

	/**
	 * The hosted UI's sign-out address for the session being ended, once known; null otherwise.
	 *
	 * @var string|null
	 */
	private static ?string $destination = null;

	/**
	 * Whether the current WordPress session was opened through the hosted UI.
	 */
	public static function current_session_used_hosted_ui(): bool {
		$user_id = get_current_user_id();
		$token   = wp_get_session_token();
		if ( 0 === $user_id || '' === $token ) {
			return false;
		}
		$session = \WP_Session_Tokens::get_instance( $user_id )->get( $token );
		$binding = is_array( $session ) ? ( $session[ SessionBinding::KEY ] ?? null ) : null;
		return is_array( $binding ) && true === ( $binding['hosted_ui'] ?? false );
	}

	/**
	 * Where the browser goes to end the hosted UI's session too; null when it need not (setting off, or the
	 * session was not opened through the hosted UI).
	 */
	public static function destination(): ?string {
		$config = Settings::current();
		if ( ! HostedUi::enabled( $config ) || ! $config->hosted_ui_sign_out() || ! self::current_session_used_hosted_ui() ) {
			return null;
		}
		return HostedUi::logout_url( $config );
	}

	/**
	 * `login_form_logout` (before core checks the nonce and ends the session): notes where to go afterwards.
	 */
	public static function before_logout(): void {
		self::$destination = self::destination();
	}

	/**
	 * `logout_redirect`: the hosted UI's sign-out when the ended session came through it.
	 *
	 * @param string|mixed $redirect Core's destination.
	 * @return string|mixed
	 */
	public static function redirect( mixed $redirect ): mixed {
		if ( null === self::$destination ) {
			return $redirect;
		}
		$host = wp_parse_url( self::$destination, PHP_URL_HOST );
		if ( is_string( $host ) ) {
			// wp_safe_redirect() follows only allowed hosts; this one for this redirect alone.
			add_filter(
				'allowed_redirect_hosts',
				static fn( $hosts ): array => array_merge( (array) $hosts, array( $host ) )
			);
		}
		return self::$destination;
	}
}
