<?php
/**
 * Cache on WordPress transients.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth\Store;

/**
 * Transients live in the persistent object cache when the site has one, else in the options table; either way
 * every web server of the site sees them.
 */
final class TransientCache implements Cache {

	private const PREFIX = 'cognito_blocks_';

	/**
	 * Reads an entry.
	 *
	 * @param string $key Short key.
	 */
	public function get( string $key ): mixed {
		$value = get_transient( self::PREFIX . $key );
		// Values are wrapped so a stored false is told apart from a miss.
		return is_array( $value ) && array_key_exists( 'v', $value ) ? $value['v'] : null;
	}

	/**
	 * Writes an entry.
	 *
	 * @param string $key   Short key.
	 * @param mixed  $value Value.
	 * @param int    $ttl   Lifetime in seconds.
	 */
	public function set( string $key, mixed $value, int $ttl ): void {
		set_transient( self::PREFIX . $key, array( 'v' => $value ), max( 1, $ttl ) );
	}

	/**
	 * Removes an entry.
	 *
	 * @param string $key Short key.
	 */
	public function delete( string $key ): void {
		delete_transient( self::PREFIX . $key );
	}
}
