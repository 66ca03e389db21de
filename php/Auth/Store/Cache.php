<?php
/**
 * Expiring key-value cache shared by every web server of the site.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth\Store;

/**
 * Best-effort cache: a lost entry costs a refetch or a recount, never a security decision.
 */
interface Cache {

	/**
	 * Reads an entry.
	 *
	 * @param string $key Short key (letters, digits, underscores).
	 * @return mixed The stored value, or null when absent or expired.
	 */
	public function get( string $key ): mixed;

	/**
	 * Writes an entry.
	 *
	 * @param string $key   Short key.
	 * @param mixed  $value JSON-serialisable value, not null.
	 * @param int    $ttl   Lifetime in seconds (at least 1).
	 */
	public function set( string $key, mixed $value, int $ttl ): void;

	/**
	 * Removes an entry.
	 *
	 * @param string $key Short key.
	 */
	public function delete( string $key ): void;
}
