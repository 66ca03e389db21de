<?php
/**
 * Token rejection: the audience is not the configured app client
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth\Exception;

/**
 * Thrown when the audience is not the configured app client.
 */
final class WrongAudience extends TokenRejected {

	/**
	 * Short name of the failed check.
	 */
	public static function check(): string {
		return 'aud';
	}
}
