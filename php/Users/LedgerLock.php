<?php
/**
 * Mutex on the shared ledger.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Users;

use CognitoBlocks\Auth\Store\Ledger;

/**
 * Portable mutex: an atomic ledger claim that expires on its own, so a crashed process blocks others for at
 * most $hold seconds.
 */
final class LedgerLock implements Lock {

	/**
	 * Creates the lock.
	 *
	 * @param Ledger $ledger Atomic claims.
	 * @param int    $hold   Seconds a claim lasts if never released.
	 */
	public function __construct( private readonly Ledger $ledger, private readonly int $hold = 30 ) {
	}

	/**
	 * Waits for the lock, polling.
	 *
	 * @param string $name    Lock name.
	 * @param int    $timeout Seconds.
	 */
	public function acquire( string $name, int $timeout ): bool {
		$deadline = microtime( true ) + $timeout;
		do {
			if ( $this->ledger->claim( 'lock_' . $name, $this->hold ) ) {
				return true;
			}
			usleep( random_int( 20000, 60000 ) );
		} while ( microtime( true ) < $deadline );
		return false;
	}

	/**
	 * Releases the lock.
	 *
	 * @param string $name Lock name.
	 */
	public function release( string $name ): void {
		$this->ledger->release( 'lock_' . $name );
	}
}
