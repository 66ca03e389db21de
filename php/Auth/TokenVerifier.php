<?php
/**
 * Verification of Cognito ID tokens.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth;

use CognitoBlocks\Auth\Exception\KeysUnavailable;
use CognitoBlocks\Auth\Exception\MalformedToken;
use CognitoBlocks\Auth\Exception\MissingKeyId;
use CognitoBlocks\Auth\Exception\TokenRejected;
use CognitoBlocks\Auth\Exception\TokenReplayed;
use CognitoBlocks\Auth\Exception\UnknownKeyId;
use CognitoBlocks\Auth\Exception\UnsupportedAlgorithm;
use CognitoBlocks\Auth\Store\Ledger;

/**
 * Runs every check, in an order where nothing from the token is used before it is safe to use: size and
 * encoding, then the algorithm (before any key is looked up), key id, key, signature, then the claims, and last
 * the single-use record of jti (so a rejected token never consumes it). There are no optional checks but one,
 * switched off only on purpose: a null `$max_age` leaves out the age of the sign-in (auth_time), for tokens of a
 * user who is already signed in (SessionServices::sync_verifier()); never for opening a session.
 */
final class TokenVerifier {

	/**
	 * Creates a verifier for one pool and app client.
	 *
	 * @param string    $issuer    Configured issuer.
	 * @param string    $client_id Configured app client id.
	 * @param int       $leeway    Allowed clock skew in seconds.
	 * @param int|null  $max_age   Maximum seconds since the user signed in (auth_time); null: any age (auth_time
	 *                             must still be present and not in the future).
	 * @param KeySource $keys      Signing keys.
	 * @param Ledger    $ledger    Shared single-use record of jti values.
	 * @param Clock     $clock     Time source.
	 * @throws \InvalidArgumentException When the issuer or client id is empty.
	 */
	public function __construct(
		private readonly string $issuer,
		private readonly string $client_id,
		private readonly int $leeway,
		private readonly ?int $max_age,
		private readonly KeySource $keys,
		private readonly Ledger $ledger,
		private readonly Clock $clock
	) {
		if ( '' === $issuer || '' === $client_id ) {
			throw new \InvalidArgumentException( 'A verifier needs an issuer and a client id.' );
		}
	}

	/**
	 * Verifies a token.
	 *
	 * @param string $token Compact JWS from the browser.
	 * @return array<string,mixed> The verified claims.
	 * @throws UnknownKeyId When the pool has no key with the token's kid; every other check throws its own
	 *                      TokenRejected subclass, and KeysUnavailable means the pool's keys cannot be obtained.
	 */
	public function verify( string $token ): array {
		$decoded = TokenDecoder::decode( $token );
		self::algorithm( $decoded->header );
		$kid = self::key_id( $decoded->header );

		$jwk = $this->keys->key( $kid );
		if ( null === $jwk ) {
			throw new UnknownKeyId( 'a kid of the pool\'s key set', UnknownKeyId::describe( $kid ) );
		}
		SignatureCheck::verify( $jwk, $decoded->signing_input, $decoded->signature );

		$claims = $decoded->claims;
		$now    = $this->clock->now();
		ClaimChecks::issuer( $claims, $this->issuer );
		ClaimChecks::audience( $claims, $this->client_id );
		ClaimChecks::token_use( $claims );
		ClaimChecks::expiry( $claims, $now, $this->leeway );
		ClaimChecks::not_before( $claims, $now, $this->leeway );
		ClaimChecks::issued_at( $claims, $now, $this->leeway );
		ClaimChecks::auth_time( $claims, $now, $this->leeway, $this->max_age );
		ClaimChecks::identifier( $claims, 'sub' );
		$this->single_use( $claims, $now );

		return $claims;
	}

	/**
	 * RS256 and nothing else; and no critical extensions, since none are understood.
	 *
	 * @param array<string,mixed> $header JOSE header.
	 * @throws UnsupportedAlgorithm When the algorithm is not RS256.
	 * @throws MalformedToken       When the header has critical extensions.
	 */
	private static function algorithm( array $header ): void {
		if ( 'RS256' !== ( $header['alg'] ?? null ) ) {
			throw new UnsupportedAlgorithm( '"RS256"', UnsupportedAlgorithm::describe( $header['alg'] ?? null ) );
		}
		if ( array_key_exists( 'crit', $header ) ) {
			throw new MalformedToken( 'no critical header extensions', 'crit' );
		}
	}

	/**
	 * The key id, which only selects among the pool's own keys (jku, x5u and embedded jwk are ignored).
	 *
	 * @param array<string,mixed> $header JOSE header.
	 * @throws MissingKeyId When absent or not a short string.
	 */
	private static function key_id( array $header ): string {
		$kid = $header['kid'] ?? null;
		if ( ! is_string( $kid ) || '' === $kid || strlen( $kid ) > 256 ) {
			throw new MissingKeyId( 'a kid string', MissingKeyId::describe( $kid ) );
		}
		return $kid;
	}

	/**
	 * Records jti until the token expires; a second use is a replay.
	 *
	 * @param array<string,mixed> $claims Verified claims.
	 * @param int                 $now    Current time.
	 * @throws TokenReplayed When the jti was already used.
	 */
	private function single_use( array $claims, int $now ): void {
		$jti = ClaimChecks::identifier( $claims, 'jti' );
		$exp = is_numeric( $claims['exp'] ) ? (int) $claims['exp'] : $now;
		$ttl = max( 1, $exp + $this->leeway - $now + 1 );
		if ( ! $this->ledger->claim( 'jti_' . hash( 'sha256', $this->issuer . "\n" . $jti ), $ttl ) ) {
			throw new TokenReplayed( 'an unused jti', 'a jti already used' );
		}
	}
}
