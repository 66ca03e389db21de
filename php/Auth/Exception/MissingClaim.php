<?php
/**
 * Token rejection: a required claim is missing or has the wrong type
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth\Exception;

/**
 * Thrown when a required claim is missing or has the wrong type.
 */
final class MissingClaim extends TokenRejected {

	/**
	 * Short name of the failed check.
	 */
	public static function check(): string {
		return 'claim';
	}
}
