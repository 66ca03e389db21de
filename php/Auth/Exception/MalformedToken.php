<?php
/**
 * Token rejection: the token is not three non-empty dot-separated segments
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth\Exception;

/**
 * Thrown when the token is not three non-empty dot-separated segments.
 */
final class MalformedToken extends TokenRejected {

	/**
	 * Short name of the failed check.
	 */
	public static function check(): string {
		return 'structure';
	}
}
