<?php
/**
 * Source of the current time.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth;

/**
 * Injected wherever time matters, so tests can freeze it.
 */
interface Clock {

	/**
	 * Current Unix time in seconds.
	 */
	public function now(): int;
}
