<?php
/**
 * Token rejection: the RS256 signature does not verify
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth\Exception;

/**
 * Thrown when the RS256 signature does not verify.
 */
final class InvalidSignature extends TokenRejected {

	/**
	 * Short name of the failed check.
	 */
	public static function check(): string {
		return 'signature';
	}
}
