<?php
/**
 * What ties a WordPress session to its Cognito sign-in.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Sessions;

use CognitoBlocks\Settings\Config;

/**
 * The Cognito part of one WordPress session, kept in that session's own record (core's session tokens, user meta
 * `session_tokens`) under `cognito_blocks`: the sealed refresh token (if the browser handed one over), when the
 * session was last checked with Cognito, since when Cognito has been unreachable for it, and the latest moment it
 * may last (the refresh token's validity, or the sign-in plus the unbound maximum). Never in a cookie or option.
 */
final class SessionBinding {

	public const KEY = 'cognito_blocks';

	/**
	 * The binding the next session of this request gets (set by the hand-off just before the auth cookie).
	 *
	 * @var array<string,mixed>|null
	 */
	private static ?array $pending = null;

	/**
	 * Prepares the binding of the session the hand-off is about to open.
	 *
	 * @param Config      $config        Settings (validity, unbound maximum).
	 * @param int         $auth_time     The ID token's `auth_time` (when the person authenticated with Cognito).
	 * @param string|null $refresh_token The refresh token the browser handed over, if any.
	 * @param int         $now           Current time.
	 * @param string      $sub           The ID token's `sub`: a refresh token renewed for anyone else ends the session.
	 * @param bool        $hosted_ui     The sign-in went through the hosted UI (a single sign-on button), so signing
	 *                                   out may end the hosted UI's session too (Sso\HostedSignOut).
	 */
	public static function prepare( Config $config, int $auth_time, ?string $refresh_token, int $now, string $sub = '', bool $hosted_ui = false ): void {
		$bound         = null !== $refresh_token && '' !== $refresh_token && $config->bind_refresh_token();
		self::$pending = array(
			'refresh'       => $bound ? TokenVault::for_site()->seal( (string) $refresh_token ) : null,
			'sub'           => $sub,
			'hosted_ui'     => $hosted_ui,
			'checked'       => $now,
			'failing_since' => null,
			'auth_time'     => $auth_time,
			'ends'          => $bound ? $now + $config->refresh_token_days() * 86400 : $auth_time + $config->unbound_session_hours() * 3600,
		);
	}

	/**
	 * Forgets a prepared binding (the hand-off failed before a session was opened).
	 */
	public static function discard(): void {
		self::$pending = null;
	}

	/**
	 * `attach_session_information`: puts the prepared binding into the session core is creating.
	 *
	 * @param array<string,mixed> $session The new session's data.
	 * @return array<string,mixed>
	 */
	public static function attach( $session ): array {
		$session = (array) $session;
		if ( null !== self::$pending ) {
			$session[ self::KEY ] = self::$pending;
			self::$pending        = null;
		}
		return $session;
	}

	/**
	 * `auth_cookie_expiration`: a session the hand-off opens never outlives its binding's end; "Remember me"
	 * picks WordPress's long cookie only within that.
	 *
	 * @param int $length Seconds WordPress chose.
	 * @return int
	 */
	public static function cookie_length( $length ): int {
		if ( null === self::$pending ) {
			return (int) $length;
		}
		return max( 60, min( (int) $length, (int) self::$pending['ends'] - time() ) );
	}
}
