<?php
/**
 * Token rejection: the header has no usable key id
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth\Exception;

/**
 * Thrown when the header has no usable key id.
 */
final class MissingKeyId extends TokenRejected {

	/**
	 * Short name of the failed check.
	 */
	public static function check(): string {
		return 'kid';
	}
}
