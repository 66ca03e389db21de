<?php
/**
 * Token rejection: the sign-in behind the token is older than allowed
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth\Exception;

/**
 * Thrown when the sign-in behind the token is older than allowed.
 */
final class AuthTooOld extends TokenRejected {

	/**
	 * Short name of the failed check.
	 */
	public static function check(): string {
		return 'auth_time';
	}
}
