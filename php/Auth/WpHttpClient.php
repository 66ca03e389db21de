<?php
/**
 * HTTP GET through the WordPress HTTP API.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth;

/**
 * Uses wp_remote_get() so proxies and HTTP filters configured for the site apply. Not wp_safe_remote_get(): an
 * endpoint override may point at a private address on purpose (an emulator or a VPC endpoint), and the URL comes
 * from the site's own settings, never from a request.
 */
final class WpHttpClient implements HttpClient {

	private const MAX_BYTES = 65536;

	/**
	 * Fetches a URL.
	 *
	 * @param string $url Absolute URL.
	 */
	public function get( string $url ): ?string {
		$response = wp_remote_get(
			$url,
			array(
				'timeout'             => 5,
				'redirection'         => 0,
				'limit_response_size' => self::MAX_BYTES,
				'headers'             => array( 'Accept' => 'application/json' ),
			)
		);
		$ok       = ! is_wp_error( $response ) && 200 === (int) wp_remote_retrieve_response_code( $response );

		/**
		 * Fires after every request for a pool's signing keys (JWKS), e.g. to count fetches or alert on failures.
		 *
		 * @param string $url The JWKS URL.
		 * @param bool   $ok  Whether the response was a 200.
		 */
		do_action( 'cognito_blocks_jwks_fetched', $url, $ok );

		return $ok ? wp_remote_retrieve_body( $response ) : null;
	}
}
