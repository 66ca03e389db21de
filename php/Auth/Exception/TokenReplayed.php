<?php
/**
 * Token rejection: the token has already been used
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth\Exception;

/**
 * Thrown when the token has already been used.
 */
final class TokenReplayed extends TokenRejected {

	/**
	 * Short name of the failed check.
	 */
	public static function check(): string {
		return 'jti';
	}
}
