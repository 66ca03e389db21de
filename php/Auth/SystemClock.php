<?php
/**
 * The real clock.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth;

/**
 * Reads the system time.
 */
final class SystemClock implements Clock {

	/**
	 * Current Unix time in seconds.
	 */
	public function now(): int {
		return time();
	}
}
