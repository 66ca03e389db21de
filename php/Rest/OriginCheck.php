<?php
/**
 * Same-origin check for requests that open a session.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Rest;

/**
 * Compares the request's Origin (or, when absent, its Referer) with the site's own origins. This stops a
 * cross-site page from posting an attacker's token to log a visitor into the attacker's account (login CSRF),
 * without a nonce in the page HTML, which full-page caches would serve stale. Pure, so it is unit-tested.
 */
final class OriginCheck {

	/**
	 * Whether the request comes from one of the allowed origins. Missing or unparsable headers fail.
	 *
	 * @param string|null $origin  Origin header.
	 * @param string|null $referer Referer header, used only when Origin is absent.
	 * @param string[]    $allowed Site URLs (home, siteurl); any path is ignored.
	 */
	public static function allows( ?string $origin, ?string $referer, array $allowed ): bool {
		$source = null !== $origin && '' !== $origin ? $origin : $referer;
		if ( null === $source || '' === $source ) {
			return false;
		}
		$candidate = self::normalise( $source );
		if ( null === $candidate ) {
			return false;
		}
		foreach ( $allowed as $url ) {
			if ( self::normalise( $url ) === $candidate ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Scheme, host and port, lowercased, with the default port made explicit.
	 *
	 * @param string $url URL or serialised origin.
	 * @return string|null Null for anything that is not an http(s) URL with a host ("null" origins included).
	 */
	public static function normalise( string $url ): ?string {
		$parts = parse_url( trim( $url ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions.parse_url_parse_url -- Pure code, no WordPress loaded in unit tests.
		if ( ! is_array( $parts ) || ! isset( $parts['scheme'], $parts['host'] ) ) {
			return null;
		}
		$scheme = strtolower( $parts['scheme'] );
		if ( 'http' !== $scheme && 'https' !== $scheme ) {
			return null;
		}
		$port = $parts['port'] ?? ( 'https' === $scheme ? 443 : 80 );
		return $scheme . '://' . strtolower( $parts['host'] ) . ':' . $port;
	}
}
