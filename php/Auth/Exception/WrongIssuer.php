<?php
/**
 * Token rejection: the issuer is not the configured pool
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth\Exception;

/**
 * Thrown when the issuer is not the configured pool.
 */
final class WrongIssuer extends TokenRejected {

	/**
	 * Short name of the failed check.
	 */
	public static function check(): string {
		return 'iss';
	}
}
