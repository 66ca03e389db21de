<?php
/**
 * Token rejection: the token has expired
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth\Exception;

/**
 * Thrown when the token has expired.
 */
final class TokenExpired extends TokenRejected {

	/**
	 * Short name of the failed check.
	 */
	public static function check(): string {
		return 'exp';
	}
}
