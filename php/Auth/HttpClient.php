<?php
/**
 * Minimal HTTP GET.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth;

/**
 * Injected into the key cache so tests never reach the network.
 */
interface HttpClient {

	/**
	 * Fetches a URL.
	 *
	 * @param string $url Absolute URL.
	 * @return string|null The body of a 200 response; null on any failure.
	 */
	public function get( string $url ): ?string;
}
