<?php
/**
 * The claim checks of the verification pipeline.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth;

use CognitoBlocks\Auth\Exception\AuthTooOld;
use CognitoBlocks\Auth\Exception\IssuedInFuture;
use CognitoBlocks\Auth\Exception\MissingClaim;
use CognitoBlocks\Auth\Exception\TokenExpired;
use CognitoBlocks\Auth\Exception\TokenNotYetValid;
use CognitoBlocks\Auth\Exception\WrongAudience;
use CognitoBlocks\Auth\Exception\WrongIssuer;
use CognitoBlocks\Auth\Exception\WrongTokenUse;

/**
 * One small function per claim rule; each throws its own rejection. Time comparisons allow $leeway seconds of
 * clock skew in the token's favour and are inclusive at the edge.
 */
final class ClaimChecks {

	/**
	 * The issuer equals the configured one (never derived from the token).
	 *
	 * @param array<string,mixed> $claims Claims.
	 * @param string              $issuer Configured issuer.
	 * @throws WrongIssuer When it differs.
	 */
	public static function issuer( array $claims, string $issuer ): void {
		if ( '' === $issuer || ( $claims['iss'] ?? null ) !== $issuer ) {
			throw new WrongIssuer( '"' . $issuer . '"', WrongIssuer::describe( $claims['iss'] ?? null ) );
		}
	}

	/**
	 * The audience is the configured app client (a string, or an array that contains it).
	 *
	 * @param array<string,mixed> $claims    Claims.
	 * @param string              $client_id Configured app client id.
	 * @throws WrongAudience When it differs.
	 */
	public static function audience( array $claims, string $client_id ): void {
		$aud = $claims['aud'] ?? null;
		$ok  = is_string( $aud ) ? $aud === $client_id : ( is_array( $aud ) && array_is_list( $aud ) && in_array( $client_id, $aud, true ) );
		if ( '' === $client_id || ! $ok ) {
			throw new WrongAudience( '"' . $client_id . '"', WrongAudience::describe( $aud ) );
		}
	}

	/**
	 * An ID token, not an access token.
	 *
	 * @param array<string,mixed> $claims Claims.
	 * @throws WrongTokenUse When token_use is not "id".
	 */
	public static function token_use( array $claims ): void {
		if ( 'id' !== ( $claims['token_use'] ?? null ) ) {
			throw new WrongTokenUse( '"id"', WrongTokenUse::describe( $claims['token_use'] ?? null ) );
		}
	}

	/**
	 * Not expired.
	 *
	 * @param array<string,mixed> $claims Claims.
	 * @param int                 $now    Current time.
	 * @param int                 $leeway Allowed skew.
	 * @throws TokenExpired When expired (MissingClaim when exp is missing).
	 */
	public static function expiry( array $claims, int $now, int $leeway ): void {
		$exp = self::time( $claims, 'exp' );
		if ( $now > $exp + $leeway ) {
			throw new TokenExpired( 'now <= ' . $exp . ' + ' . $leeway, 'now = ' . $now );
		}
	}

	/**
	 * Already valid, when the token says from when.
	 *
	 * @param array<string,mixed> $claims Claims.
	 * @param int                 $now    Current time.
	 * @param int                 $leeway Allowed skew.
	 * @throws TokenNotYetValid When nbf is in the future (MissingClaim when it is not a time).
	 */
	public static function not_before( array $claims, int $now, int $leeway ): void {
		if ( ! array_key_exists( 'nbf', $claims ) ) {
			return;
		}
		$nbf = self::time( $claims, 'nbf' );
		if ( $now + $leeway < $nbf ) {
			throw new TokenNotYetValid( 'nbf <= ' . $now . ' + ' . $leeway, 'nbf = ' . $nbf );
		}
	}

	/**
	 * Not issued in the future.
	 *
	 * @param array<string,mixed> $claims Claims.
	 * @param int                 $now    Current time.
	 * @param int                 $leeway Allowed skew.
	 * @throws IssuedInFuture When iat is in the future (MissingClaim when missing).
	 */
	public static function issued_at( array $claims, int $now, int $leeway ): void {
		$iat = self::time( $claims, 'iat' );
		if ( $iat > $now + $leeway ) {
			throw new IssuedInFuture( 'iat <= ' . $now . ' + ' . $leeway, 'iat = ' . $iat );
		}
	}

	/**
	 * The sign-in behind the token is recent, so an old stolen ID token cannot open a session.
	 *
	 * @param array<string,mixed> $claims  Claims.
	 * @param int                 $now     Current time.
	 * @param int                 $leeway  Allowed skew.
	 * @param int|null            $max_age Maximum seconds since auth_time; null only where the token's owner is
	 *                                     already signed in (see TokenVerifier): then auth_time must still be a
	 *                                     time and not in the future, but may be of any age.
	 * @throws AuthTooOld     When the sign-in is too old (MissingClaim when unknown).
	 * @throws IssuedInFuture When it is in the future.
	 */
	public static function auth_time( array $claims, int $now, int $leeway, ?int $max_age ): void {
		$auth_time = self::time( $claims, 'auth_time' );
		if ( null !== $max_age && $now - $auth_time > $max_age + $leeway ) {
			throw new AuthTooOld( 'auth_time >= ' . ( $now - $max_age - $leeway ), 'auth_time = ' . $auth_time );
		}
		if ( $auth_time > $now + $leeway ) {
			throw new IssuedInFuture( 'auth_time <= ' . $now . ' + ' . $leeway, 'auth_time = ' . $auth_time );
		}
	}

	/**
	 * A non-empty string claim (sub, jti).
	 *
	 * @param array<string,mixed> $claims Claims.
	 * @param string              $name   Claim name.
	 * @return string The claim.
	 * @throws MissingClaim When missing, empty, too long or not a string.
	 */
	public static function identifier( array $claims, string $name ): string {
		$value = $claims[ $name ] ?? null;
		if ( ! is_string( $value ) || '' === $value || strlen( $value ) > 255 ) {
			throw new MissingClaim( $name . ' as a string of 1-255 bytes', MissingClaim::describe( $value ) );
		}
		return $value;
	}

	/**
	 * A NumericDate claim as whole seconds.
	 *
	 * @param array<string,mixed> $claims Claims.
	 * @param string              $name   Claim name.
	 * @throws MissingClaim When missing or not a number.
	 */
	private static function time( array $claims, string $name ): int {
		$value = $claims[ $name ] ?? null;
		if ( is_int( $value ) ) {
			return $value;
		}
		if ( is_float( $value ) && is_finite( $value ) && abs( $value ) < 1e15 ) {
			return (int) floor( $value );
		}
		throw new MissingClaim( $name . ' as a number', MissingClaim::describe( $value ) );
	}
}
