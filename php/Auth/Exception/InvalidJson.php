<?php
/**
 * Token rejection: the header or payload is not a JSON object
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth\Exception;

/**
 * Thrown when the header or payload is not a JSON object.
 */
final class InvalidJson extends TokenRejected {

	/**
	 * Short name of the failed check.
	 */
	public static function check(): string {
		return 'json';
	}
}
