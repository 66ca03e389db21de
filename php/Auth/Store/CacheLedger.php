<?php
/**
 * Ledger next to the cache it throttles.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth\Store;

/**
 * Claims kept where TransientCache keeps its entries: in a shared persistent object cache (wp_cache_add(), atomic
 * in Redis as SET NX) when there is one, else in the database ledger. So a record throttling the refresh of a
 * cached value is flushed, evicted or lost together with that value, and a flushed cache is refilled at once
 * rather than after the throttle runs out. Not for single-use tokens: those need OptionsLedger, which never forgets
 * early.
 */
final class CacheLedger implements Ledger {

	public const GROUP = 'cognito_blocks_ledger';

	/**
	 * Creates the ledger.
	 *
	 * @param Ledger $database Used while there is no shared object cache.
	 */
	public function __construct( private readonly Ledger $database ) {}

	/**
	 * Records a key unless it is already recorded and unexpired.
	 *
	 * @param string $key Short key.
	 * @param int    $ttl Seconds the record lasts.
	 */
	public function claim( string $key, int $ttl ): bool {
		if ( ObjectCache::shared() ) {
			return wp_cache_add( $key, 1, self::GROUP, max( 1, $ttl ) );
		}
		return $this->database->claim( $key, $ttl );
	}

	/**
	 * Removes a record.
	 *
	 * @param string $key Short key.
	 */
	public function release( string $key ): void {
		if ( ObjectCache::shared() ) {
			wp_cache_delete( $key, self::GROUP );
			return;
		}
		$this->database->release( $key );
	}
}
