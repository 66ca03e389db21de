<?php
/**
 * Token rejection: a segment is not strict, canonical base64url
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth\Exception;

/**
 * Thrown when a segment is not strict, canonical base64url.
 */
final class InvalidEncoding extends TokenRejected {

	/**
	 * Short name of the failed check.
	 */
	public static function check(): string {
		return 'base64url';
	}
}
