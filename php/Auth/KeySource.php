<?php
/**
 * Where verification keys come from.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth;

use CognitoBlocks\Auth\Exception\KeysUnavailable;

/**
 * Looks up one JSON Web Key of the configured pool by key id.
 */
interface KeySource {

	/**
	 * Finds a key.
	 *
	 * @param string $kid Key id from the token header.
	 * @return array<string,mixed>|null The JWK, or null when the pool has no such key.
	 * @throws KeysUnavailable When the key set cannot be obtained at all.
	 */
	public function key( string $kid ): ?array;
}
