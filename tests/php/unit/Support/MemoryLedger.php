<?php
/**
 * In-memory Ledger for tests.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Unit\Support;

use CognitoBlocks\Auth\Clock;
use CognitoBlocks\Auth\Store\Ledger;

/**
 * Claims that expire by an injected clock.
 */
final class MemoryLedger implements Ledger {

	/**
	 * Records: key => expires_at.
	 *
	 * @var array<string,int>
	 */
	public array $records = array();

	/**
	 * Creates the ledger.
	 *
	 * @param Clock $clock Time source.
	 */
	public function __construct( private readonly Clock $clock ) {
	}

	/**
	 * Records a key unless present and unexpired.
	 *
	 * @param string $key Key.
	 * @param int    $ttl Lifetime.
	 */
	public function claim( string $key, int $ttl ): bool {
		if ( isset( $this->records[ $key ] ) && $this->records[ $key ] > $this->clock->now() ) {
			return false;
		}
		$this->records[ $key ] = $this->clock->now() + max( 1, $ttl );
		return true;
	}

	/**
	 * Removes a record.
	 *
	 * @param string $key Key.
	 */
	public function release( string $key ): void {
		unset( $this->records[ $key ] );
	}
}
