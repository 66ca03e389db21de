<?php
/**
 * Where revalidation meets WordPress.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Sessions;

use CognitoBlocks\Auth\Store\OptionsLedger;
use CognitoBlocks\Auth\SystemClock;
use CognitoBlocks\Rest\SignedOutCookie;
use CognitoBlocks\Settings\Settings;

/**
 * Runs the Revalidator on every kind of signed-in request (front end, wp-admin, REST, admin-ajax: they all
 * determine the current user from the auth cookie), ends a session Cognito no longer backs, and tells the
 * visitor on the next page why they were signed out.
 */
final class SessionGuard {

	/** Cookie naming why the last session ended (read once, on the next page). */
	public const ENDED_COOKIE = 'cognito_blocks_session_ended';

	/**
	 * The user this request's check already decided on (the filter runs more than once per request).
	 *
	 * @var array<int,int>
	 */
	private static array $decided = array();

	/**
	 * Why the previous session ended, read from the cookie on this page.
	 *
	 * @var string
	 */
	private static string $ended = '';

	/**
	 * `determine_current_user`, after core's cookie checks: the user, or 0 once their session has ended.
	 *
	 * @param int|false $user_id The user core found.
	 * @return int|false
	 */
	public static function current_user( $user_id ) {
		if ( ! is_int( $user_id ) || $user_id <= 0 ) {
			return $user_id;
		}
		if ( isset( self::$decided[ $user_id ] ) ) {
			return self::$decided[ $user_id ];
		}
		self::$decided[ $user_id ] = $user_id;
		$config                    = Settings::current();
		$token                     = wp_get_session_token();
		if ( ! $config->is_configured() || '' === $token ) {
			return $user_id;
		}
		$clock   = new SystemClock();
		$outcome = ( new Revalidator( $config, new CognitoRefresh( $config ), new OptionsLedger( $clock ), TokenVault::for_site(), $clock ) )->check( $user_id, $token );
		if ( null === $outcome ) {
			return $user_id;
		}
		\WP_Session_Tokens::get_instance( $user_id )->destroy( $token );
		self::$decided[ $user_id ] = 0;
		if ( ! headers_sent() ) {
			wp_clear_auth_cookie();
			SignedOutCookie::set();
			setcookie( self::ENDED_COOKIE, $outcome->reason, time() + 600, COOKIEPATH ? COOKIEPATH : '/', COOKIE_DOMAIN ? COOKIE_DOMAIN : '', is_ssl(), true );
		}
		/**
		 * Fires when revalidation ended a WordPress session because Cognito no longer backs it.
		 *
		 * @param int    $user_id The user whose session ended.
		 * @param string $reason  revoked, disabled, deleted, expired or outage.
		 */
		do_action( 'cognito_blocks_session_revoked', $user_id, $outcome->reason );
		return 0;
	}

	/**
	 * `template_redirect` and `login_init`: takes the "session ended" cookie (headers can still be sent here).
	 */
	public static function take_notice(): void {
		$reason = isset( $_COOKIE[ self::ENDED_COOKIE ] ) ? sanitize_key( wp_unslash( $_COOKIE[ self::ENDED_COOKIE ] ) ) : '';
		if ( '' === $reason ) {
			return;
		}
		self::$ended = $reason;
		if ( ! headers_sent() ) {
			setcookie( self::ENDED_COOKIE, '', time() - YEAR_IN_SECONDS, COOKIEPATH ? COOKIEPATH : '/', COOKIE_DOMAIN ? COOKIE_DOMAIN : '', is_ssl(), true );
		}
	}

	/**
	 * `wp_body_open`: the notice on the page after a session ended.
	 */
	public static function print_notice(): void {
		if ( '' !== self::$ended && ! is_user_logged_in() ) {
			printf( '<div class="cognito-blocks-session-ended" role="status"><p>%s</p></div>', esc_html( self::message( self::$ended ) ) );
		}
	}

	/**
	 * `login_message`: the same notice on wp-login.php.
	 *
	 * @param string $message Messages so far.
	 */
	public static function login_message( $message ): string {
		if ( '' === self::$ended ) {
			return (string) $message;
		}
		return (string) $message . sprintf( '<div class="notice notice-info message"><p>%s</p></div>', esc_html( self::message( self::$ended ) ) );
	}

	/**
	 * Why a session ended, in plain words.
	 *
	 * @param string $reason An Outcome reason.
	 */
	public static function message( string $reason ): string {
		switch ( $reason ) {
			case Outcome::DISABLED:
				return __( 'You were signed out because your account has been disabled. Contact the site if you think this is a mistake.', 'cognito-blocks' );
			case Outcome::DELETED:
				return __( 'You were signed out because your account no longer exists.', 'cognito-blocks' );
			case Outcome::EXPIRED:
				return __( 'You were signed out because your sign-in expired. Please sign in again.', 'cognito-blocks' );
			case Outcome::OUTAGE:
				return __( 'You were signed out because your sign-in could not be checked for a while. Please sign in again.', 'cognito-blocks' );
			default:
				return __( 'You were signed out because your account was signed out everywhere. Please sign in again.', 'cognito-blocks' );
		}
	}

	/**
	 * Forgets what this request decided (tests run many "requests" in one process).
	 */
	public static function reset(): void {
		self::$decided = array();
		self::$ended   = '';
	}
}
