<?php
/**
 * Token rejection: the header names an algorithm other than RS256
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth\Exception;

/**
 * Thrown when the header names an algorithm other than RS256.
 */
final class UnsupportedAlgorithm extends TokenRejected {

	/**
	 * Short name of the failed check.
	 */
	public static function check(): string {
		return 'alg';
	}
}
