<?php
/**
 * Atomic "first one wins" records shared by every web server of the site.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth\Store;

/**
 * Records keys for a while, atomically: of several concurrent claims of one key exactly one succeeds. Backs
 * single-use token ids, fetch throttles and mutexes, where a check-then-set race would be a security bug.
 */
interface Ledger {

	/**
	 * Records a key unless it is already recorded and unexpired.
	 *
	 * @param string $key Short key (letters, digits, underscores).
	 * @param int    $ttl Seconds the record lasts (at least 1).
	 * @return bool True when this call recorded it; false when it was already there.
	 */
	public function claim( string $key, int $ttl ): bool;

	/**
	 * Removes a record (releasing a mutex). Removing an absent key is not an error.
	 *
	 * @param string $key Short key.
	 */
	public function release( string $key ): void;
}
