<?php
/**
 * Token rejection: the token is not valid yet
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth\Exception;

/**
 * Thrown when the token is not valid yet.
 */
final class TokenNotYetValid extends TokenRejected {

	/**
	 * Short name of the failed check.
	 */
	public static function check(): string {
		return 'nbf';
	}
}
