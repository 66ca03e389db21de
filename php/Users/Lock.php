<?php
/**
 * A site-wide mutex.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Users;

/**
 * Serialises work on one name across all PHP processes and web servers of the site.
 */
interface Lock {

	/**
	 * Waits for the lock.
	 *
	 * @param string $name    Lock name.
	 * @param int    $timeout Seconds to wait at most.
	 * @return bool Whether the lock is now held.
	 */
	public function acquire( string $name, int $timeout ): bool;

	/**
	 * Releases a held lock.
	 *
	 * @param string $name Lock name.
	 */
	public function release( string $name ): void;
}
