<?php
/**
 * A clock that only moves when told to.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth;

/**
 * Fixed time for tests and for replaying a request at a known instant.
 */
final class FrozenClock implements Clock {

	/**
	 * Frozen Unix time.
	 *
	 * @var int
	 */
	private int $now;

	/**
	 * Freezes the clock.
	 *
	 * @param int $now Unix time to report.
	 */
	public function __construct( int $now ) {
		$this->now = $now;
	}

	/**
	 * The frozen time.
	 */
	public function now(): int {
		return $this->now;
	}

	/**
	 * Moves the clock forward (or back, with a negative number).
	 *
	 * @param int $seconds Seconds to add.
	 */
	public function advance( int $seconds ): void {
		$this->now += $seconds;
	}
}
