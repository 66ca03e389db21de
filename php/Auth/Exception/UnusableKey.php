<?php
/**
 * Token rejection: the matching JWK is not an RSA signing key for RS256
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth\Exception;

/**
 * Thrown when the matching JWK is not an RSA signing key for RS256.
 */
final class UnusableKey extends TokenRejected {

	/**
	 * Short name of the failed check.
	 */
	public static function check(): string {
		return 'jwk';
	}
}
