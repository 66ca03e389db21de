<?php
/**
 * The binding between a WordPress user and a Cognito identity.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Users;

/**
 * A Cognito identity is (issuer, sub): sub alone is unique only within one pool. The pair is stored hashed in one
 * user meta value so a single indexed meta lookup finds the user; issuer and sub are kept readable beside it.
 */
final class Identity {

	public const META_KEY    = 'cognito_blocks_identity';
	public const META_SUB    = 'cognito_blocks_sub';
	public const META_ISSUER = 'cognito_blocks_issuer';

	/**
	 * The stored identity key.
	 *
	 * @param string $issuer Token issuer.
	 * @param string $sub    Token subject.
	 * @return string 64 hex characters.
	 */
	public static function key( string $issuer, string $sub ): string {
		return hash( 'sha256', $issuer . "\n" . $sub );
	}

	/**
	 * Whether email_verified says yes. Cognito sends a boolean in ID tokens, but some pools and older tokens send
	 * the string "true"; anything else, including "1" or "yes", is no.
	 *
	 * @param array<string,mixed> $claims Verified claims.
	 */
	public static function email_verified( array $claims ): bool {
		$value = $claims['email_verified'] ?? null;
		return true === $value || 'true' === $value;
	}
}
