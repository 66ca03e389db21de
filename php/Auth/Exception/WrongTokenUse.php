<?php
/**
 * Token rejection: the token is not an ID token
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth\Exception;

/**
 * Thrown when the token is not an ID token.
 */
final class WrongTokenUse extends TokenRejected {

	/**
	 * Short name of the failed check.
	 */
	public static function check(): string {
		return 'token_use';
	}
}
