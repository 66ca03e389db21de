<?php
/**
 * The pool's signing keys cannot be obtained.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth\Exception;

/**
 * Thrown when no key set is cached and the JWKS endpoint cannot be reached or answers garbage. Not a token
 * rejection: the token may be fine, the site just cannot check it now (503, not 401).
 */
final class KeysUnavailable extends \RuntimeException {
}
