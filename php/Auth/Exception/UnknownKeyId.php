<?php
/**
 * Token rejection: the key id is not in the pool's key set
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth\Exception;

/**
 * Thrown when the key id is not in the pool's key set.
 */
final class UnknownKeyId extends TokenRejected {

	/**
	 * Short name of the failed check.
	 */
	public static function check(): string {
		return 'key';
	}
}
