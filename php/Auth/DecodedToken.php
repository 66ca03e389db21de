<?php
/**
 * A structurally valid, not yet verified token.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth;

/**
 * The parts of a JWS compact token after strict decoding. Nothing in it is trusted until the verifier says so.
 */
final class DecodedToken {

	/**
	 * Creates the value.
	 *
	 * @param array<string,mixed> $header        JOSE header.
	 * @param array<string,mixed> $claims        Payload claims.
	 * @param string              $signing_input The first two segments joined by a dot, as signed.
	 * @param string              $signature     Raw signature bytes.
	 */
	public function __construct(
		public readonly array $header,
		public readonly array $claims,
		public readonly string $signing_input,
		public readonly string $signature
	) {
	}
}
