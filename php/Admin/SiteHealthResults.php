<?php
/**
 * Site Health results from what was measured.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Admin;

use CognitoBlocks\Settings\Config;

/**
 * One function per test: measurements in, a Site Health result out (`label`, `status` good / recommended /
 * critical, `badge`, `description`, `actions`, `test`), as `site_status_tests` callbacks and async REST routes
 * return them. No I/O here; SiteHealth measures.
 */
final class SiteHealthResults {

	/**
	 * Offsets above this many seconds, though inside the leeway, are worth fixing before they grow.
	 */
	private const CLOCK_WARN = 30;

	/**
	 * Configuration complete: pool, app client and a region to find the pool in.
	 *
	 * @param Config $config Effective settings.
	 * @return array<string,mixed>
	 */
	public static function configuration( Config $config ): array {
		if ( $config->is_configured() ) {
			return self::result(
				'configuration',
				'good',
				__( 'Cognito sign-in is configured', 'cognito-blocks' ),
				/* translators: %s: issuer URL of the user pool. */
				sprintf( __( 'Tokens are accepted from the user pool %s only.', 'cognito-blocks' ), $config->issuer() )
			);
		}
		return self::result(
			'configuration',
			'critical',
			__( 'Cognito sign-in is not configured', 'cognito-blocks' ),
			__( 'Nobody can sign in with the sign-in forms until the user pool ID and app client ID (and the region, when the pool ID does not start with it) are set, in the plugin settings or as COGNITO_BLOCKS_* constants in wp-config.php.', 'cognito-blocks' )
		);
	}

	/**
	 * The pool's key set.
	 *
	 * @param string                                 $url  The key set URL; empty when not configured.
	 * @param array<string,array<string,mixed>>|null $keys Parsed keys by kid; null when fetching or parsing failed.
	 * @return array<string,mixed>
	 */
	public static function keys( string $url, ?array $keys ): array {
		if ( '' === $url ) {
			return self::result( 'keys', 'recommended', __( 'The signing keys were not checked', 'cognito-blocks' ), __( 'Configure the user pool first.', 'cognito-blocks' ) );
		}
		if ( null === $keys ) {
			return self::result(
				'keys',
				'critical',
				__( 'The user pool\'s signing keys cannot be fetched', 'cognito-blocks' ),
				/* translators: %s: URL of the key set. */
				sprintf( __( 'This server could not read a key set from %s. Without it no token can be verified and nobody can sign in (keys fetched earlier keep working for a while). Check the user pool ID, region and endpoint, and that this server may make outgoing HTTPS requests.', 'cognito-blocks' ), $url )
			);
		}
		return self::result(
			'keys',
			'good',
			__( 'The user pool\'s signing keys can be fetched', 'cognito-blocks' ),
			/* translators: 1: number of keys, 2: URL of the key set. */
			sprintf( _n( '%1$d signing key was read from %2$s.', '%1$d signing keys were read from %2$s.', count( $keys ), 'cognito-blocks' ), count( $keys ), $url )
		);
	}

	/**
	 * The server clock against Cognito's.
	 *
	 * @param int|null $remote Time of Cognito's `Date` header; null when it could not be read.
	 * @param int      $now    This server's time.
	 * @param int      $leeway The `leeway` setting, in seconds.
	 * @return array<string,mixed>
	 */
	public static function clock( ?int $remote, int $now, int $leeway ): array {
		if ( null === $remote ) {
			return self::result( 'clock', 'recommended', __( 'The server clock could not be compared with Cognito\'s', 'cognito-blocks' ), __( 'The user pool did not answer with a date. Configure the pool and check that its key set can be fetched.', 'cognito-blocks' ) );
		}
		$offset = $now - $remote;
		/* translators: %d: seconds the server clock is ahead (positive) or behind (negative). */
		$measured = sprintf( __( 'This server\'s clock differs from Cognito\'s by %d seconds.', 'cognito-blocks' ), $offset );
		if ( abs( $offset ) > $leeway ) {
			return self::result(
				'clock',
				'critical',
				__( 'The server clock is too far from Cognito\'s', 'cognito-blocks' ),
				/* translators: 1: the measured difference, 2: the leeway in seconds. */
				sprintf( __( '%1$s Tokens are checked with a leeway of %2$d seconds, so fresh tokens are refused as not yet valid or already expired. Synchronise the server clock (NTP).', 'cognito-blocks' ), $measured, $leeway )
			);
		}
		if ( abs( $offset ) > self::CLOCK_WARN ) {
			return self::result( 'clock', 'recommended', __( 'The server clock drifts from Cognito\'s', 'cognito-blocks' ), $measured . ' ' . __( 'That is still inside the leeway, but synchronise the server clock (NTP) before it grows.', 'cognito-blocks' ) );
		}
		return self::result( 'clock', 'good', __( 'The server clock agrees with Cognito', 'cognito-blocks' ), $measured );
	}

	/**
	 * HTTPS.
	 *
	 * @param bool $https Whether the site's addresses use HTTPS.
	 * @return array<string,mixed>
	 */
	public static function https( bool $https ): array {
		if ( $https ) {
			return self::result( 'https', 'good', __( 'Sign-in cookies are sent over HTTPS only', 'cognito-blocks' ), __( 'The site uses HTTPS, so the session cookies opened from a Cognito sign-in are marked Secure.', 'cognito-blocks' ) );
		}
		return self::result(
			'https',
			'critical',
			__( 'Sign-in happens without HTTPS', 'cognito-blocks' ),
			__( 'The site\'s address starts with http://. ID tokens and the session cookies they open then travel unencrypted and the cookies cannot be marked Secure: anyone on the network can read them and take over the session. Serve the site over HTTPS.', 'cognito-blocks' )
		);
	}

	/**
	 * A shared persistent object cache.
	 *
	 * @param bool $external Whether the site has a persistent object cache.
	 * @param bool $down     Whether it has lost its server.
	 * @return array<string,mixed>
	 */
	public static function object_cache( bool $external, bool $down ): array {
		$why = __( 'When several web servers serve the site, they must share the pool\'s key set and the count of rejected sign-ins. Without a persistent object cache both are kept in the database, which works but costs database writes on busy sites; single-use tokens are always recorded in the database.', 'cognito-blocks' );
		if ( $external && ! $down ) {
			return self::result( 'object_cache', 'good', __( 'Cognito sign-in shares its cache between web servers', 'cognito-blocks' ), __( 'The key set and the rejected sign-in counts are kept in the persistent object cache, which every web server shares.', 'cognito-blocks' ) );
		}
		if ( $down ) {
			return self::result( 'object_cache', 'critical', __( 'The persistent object cache is unreachable', 'cognito-blocks' ), __( 'The object cache cannot reach its server, so each request keeps its own copy. Sign-in goes on: the key set and rejected sign-in counts have moved to the database until the cache is back. Restore the cache server.', 'cognito-blocks' ) . ' ' . $why );
		}
		return self::result( 'object_cache', 'recommended', __( 'Use a persistent object cache if several web servers serve this site', 'cognito-blocks' ), $why );
	}

	/**
	 * What token signatures are verified with.
	 *
	 * @param bool $openssl  Whether PHP's OpenSSL extension with SHA-256 is available.
	 * @param bool $firebase Whether another plugin loaded a copy of firebase/php-jwt (unused by this plugin).
	 * @return array<string,mixed>
	 */
	public static function signatures( bool $openssl, bool $firebase ): array {
		if ( ! $openssl ) {
			return self::result( 'signatures', 'critical', __( 'Token signatures cannot be verified', 'cognito-blocks' ), __( 'The plugin verifies RS256 signatures with PHP\'s OpenSSL extension, which is missing or lacks SHA-256. Nobody can sign in until it is installed.', 'cognito-blocks' ) );
		}
		$description = __( 'ID tokens are verified with PHP\'s OpenSSL extension (RS256 only), not with a JWT library, so another plugin\'s copy of a JWT library cannot change how tokens are checked.', 'cognito-blocks' );
		if ( $firebase ) {
			$description .= ' ' . __( 'Another plugin has loaded firebase/php-jwt; it is not used for Cognito sign-in.', 'cognito-blocks' );
		}
		return self::result( 'signatures', 'good', __( 'Token signatures can be verified', 'cognito-blocks' ), $description );
	}

	/**
	 * Sessions following Cognito.
	 *
	 * @param bool     $on       Whether sessions are bound and checked (bind_refresh_token and an interval).
	 * @param int      $interval Seconds between a session's checks.
	 * @param int|null $reached  When a check last reached Cognito (null: never).
	 * @param int|null $outage   Since when checks have been failing (null: they are not).
	 * @param int      $now      Current time.
	 * @return array<string,mixed>
	 */
	public static function revalidation( bool $on, int $interval, ?int $reached, ?int $outage, int $now ): array {
		if ( ! $on ) {
			return self::result( 'revalidation', 'recommended', __( 'WordPress sessions do not follow Cognito', 'cognito-blocks' ), __( 'A session opened from Cognito lasts by WordPress\'s rules alone (capped by the longest session without a refresh token): disabling a user or signing them out everywhere in Cognito does not sign them out here. Turn on "Tie WordPress sessions to Cognito" and set a check interval.', 'cognito-blocks' ) );
		}
		/* translators: %s: how long ago, e.g. "5 mins". */
		$last = null === $reached ? __( 'No check has reached Cognito yet (the first runs once a session is older than the interval).', 'cognito-blocks' ) : sprintf( __( 'The last check reached Cognito %s ago.', 'cognito-blocks' ), human_time_diff( $reached, $now ) );
		if ( null !== $outage ) {
			/* translators: %s: how long, e.g. "5 mins". */
			return self::result( 'revalidation', 'critical', __( 'Session checks cannot reach Cognito', 'cognito-blocks' ), sprintf( __( 'For %s, checks of signed-in sessions have not reached Cognito; sessions continue for the grace period and then end.', 'cognito-blocks' ), human_time_diff( $outage, $now ) ) . ' ' . $last );
		}
		/* translators: %d: seconds. */
		return self::result( 'revalidation', 'good', __( 'WordPress sessions follow Cognito', 'cognito-blocks' ), sprintf( __( 'Each session opened from Cognito is checked with it at most every %d seconds on a signed-in request; a user disabled, deleted or signed out everywhere in Cognito is signed out here at the next check.', 'cognito-blocks' ), $interval ) . ' ' . $last );
	}

	/**
	 * One result in core's shape.
	 *
	 * @param string $test        Test name without the prefix.
	 * @param string $status      good, recommended or critical.
	 * @param string $label       Translated heading.
	 * @param string $description Translated explanation (plain text).
	 * @return array<string,mixed>
	 */
	private static function result( string $test, string $status, string $label, string $description ): array {
		return array(
			'label'       => $label,
			'status'      => $status,
			'badge'       => array(
				'label' => __( 'Cognito sign-in', 'cognito-blocks' ),
				'color' => 'blue',
			),
			'description' => '<p>' . esc_html( $description ) . '</p>',
			'actions'     => '',
			'test'        => 'cognito_blocks_' . $test,
		);
	}
}
