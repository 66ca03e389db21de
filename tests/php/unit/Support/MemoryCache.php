<?php
/**
 * In-memory Cache for tests.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Unit\Support;

use CognitoBlocks\Auth\Clock;
use CognitoBlocks\Auth\Store\Cache;

/**
 * Expiring cache driven by an injected clock.
 */
final class MemoryCache implements Cache {

	/**
	 * Entries: key => [value, expires_at].
	 *
	 * @var array<string,array{0:mixed,1:int}>
	 */
	public array $entries = array();

	/**
	 * Creates the cache.
	 *
	 * @param Clock $clock Time source.
	 */
	public function __construct( private readonly Clock $clock ) {
	}

	/**
	 * Reads an entry.
	 *
	 * @param string $key Key.
	 */
	public function get( string $key ): mixed {
		if ( ! isset( $this->entries[ $key ] ) || $this->entries[ $key ][1] <= $this->clock->now() ) {
			return null;
		}
		return $this->entries[ $key ][0];
	}

	/**
	 * Writes an entry.
	 *
	 * @param string $key   Key.
	 * @param mixed  $value Value.
	 * @param int    $ttl   Lifetime.
	 */
	public function set( string $key, mixed $value, int $ttl ): void {
		$this->entries[ $key ] = array( $value, $this->clock->now() + $ttl );
	}

	/**
	 * Removes an entry.
	 *
	 * @param string $key Key.
	 */
	public function delete( string $key ): void {
		unset( $this->entries[ $key ] );
	}
}
