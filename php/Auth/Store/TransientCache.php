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
 *
 * One exception: a persistent object cache that has lost its server. Redis Object Cache then keeps each request's
 * values in that request's memory only, so nothing would be shared and the key set would have to be fetched on
 * every sign-in (and the fetch throttle would refuse most of them). While the cache reports itself disconnected,
 * entries go to the options table instead (not autoloaded, with their expiry time), which every web server shares.
 */
final class TransientCache implements Cache {

	public const PREFIX = 'cognito_blocks_';

	/** Options used while the object cache is down. */
	public const FALLBACK_PREFIX = 'cognito_blocks_c_';

	/**
	 * Reads an entry.
	 *
	 * @param string $key Short key.
	 */
	public function get( string $key ): mixed {
		if ( ObjectCache::down() ) {
			$value = get_option( self::FALLBACK_PREFIX . $key );
			if ( ! is_array( $value ) || ! is_int( $value['expires'] ?? null ) || $value['expires'] <= time() ) {
				return null;
			}
		} else {
			$value = get_transient( self::PREFIX . $key );
		}
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
		if ( ObjectCache::down() ) {
			update_option(
				self::FALLBACK_PREFIX . $key,
				array(
					'v'       => $value,
					'expires' => time() + max( 1, $ttl ),
				),
				false
			);
			return;
		}
		set_transient( self::PREFIX . $key, array( 'v' => $value ), max( 1, $ttl ) );
	}

	/**
	 * Removes an entry.
	 *
	 * @param string $key Short key.
	 */
	public function delete( string $key ): void {
		delete_option( self::FALLBACK_PREFIX . $key );
		delete_transient( self::PREFIX . $key );
	}
}
