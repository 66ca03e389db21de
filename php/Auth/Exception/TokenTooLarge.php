<?php
/**
 * Token rejection: the token is longer than the size cap
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth\Exception;

/**
 * Thrown when the token is longer than the size cap.
 */
final class TokenTooLarge extends TokenRejected {

	/**
	 * Short name of the failed check.
	 */
	public static function check(): string {
		return 'size';
	}
}
