<?php
/**
 * Token rejection: the token claims to be issued in the future
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth\Exception;

/**
 * Thrown when the token claims to be issued in the future.
 */
final class IssuedInFuture extends TokenRejected {

	/**
	 * Short name of the failed check.
	 */
	public static function check(): string {
		return 'iat';
	}
}
