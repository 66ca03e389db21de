<?php
/**
 * Strict decoding of a compact JWS.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth;

use CognitoBlocks\Auth\Exception\InvalidEncoding;
use CognitoBlocks\Auth\Exception\InvalidJson;
use CognitoBlocks\Auth\Exception\MalformedToken;
use CognitoBlocks\Auth\Exception\TokenTooLarge;

/**
 * Splits and decodes a token, rejecting anything a lenient parser might accept: oversized input, padding or
 * characters outside the base64url alphabet, non-canonical encodings, invalid UTF-8, and JSON that is not an
 * object.
 */
final class TokenDecoder {

	public const MAX_BYTES = 16384;

	private const MAX_JSON_DEPTH = 32;

	/**
	 * Decodes a token.
	 *
	 * @param string $token Compact JWS.
	 * @throws TokenTooLarge  When the token exceeds the size cap.
	 * @throws MalformedToken When it is not three non-empty segments.
	 */
	public static function decode( string $token ): DecodedToken {
		$size = strlen( $token );
		if ( $size > self::MAX_BYTES ) {
			throw new TokenTooLarge( 'at most ' . self::MAX_BYTES . ' bytes', $size . ' bytes' );
		}
		$parts = explode( '.', $token );
		if ( 3 !== count( $parts ) ) {
			throw new MalformedToken( '3 segments', count( $parts ) . ' segments' );
		}
		foreach ( array( 'header', 'payload', 'signature' ) as $index => $name ) {
			if ( '' === $parts[ $index ] ) {
				throw new MalformedToken( 'non-empty segments', 'empty ' . $name );
			}
		}

		$header    = self::json( self::base64url( $parts[0], 'header' ), 'header' );
		$claims    = self::json( self::base64url( $parts[1], 'payload' ), 'payload' );
		$signature = self::base64url( $parts[2], 'signature' );

		return new DecodedToken( $header, $claims, $parts[0] . '.' . $parts[1], $signature );
	}

	/**
	 * Strict, canonical base64url (RFC 7515 §2: no padding, no other characters).
	 *
	 * @param string $segment Encoded segment.
	 * @param string $name    Segment name for the log.
	 * @throws InvalidEncoding When the segment is not canonical base64url.
	 */
	public static function base64url( string $segment, string $name ): string {
		if ( 1 !== preg_match( '/^[A-Za-z0-9_-]+$/D', $segment ) || 1 === strlen( $segment ) % 4 ) {
			throw new InvalidEncoding( 'unpadded base64url ' . $name, 'other characters or length' );
		}
		$decoded = base64_decode( strtr( $segment, '-_', '+/' ), true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- JWS segments are base64url.
		// Re-encoding catches non-zero trailing bits, which would make two different strings decode to one value.
		if ( false === $decoded || rtrim( strtr( base64_encode( $decoded ), '+/', '-_' ), '=' ) !== $segment ) { // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- Canonical form check.
			throw new InvalidEncoding( 'canonical base64url ' . $name, 'non-canonical encoding' );
		}
		return $decoded;
	}

	/**
	 * A JSON object.
	 *
	 * @param string $json Decoded segment.
	 * @param string $name Segment name for the log.
	 * @return array<string,mixed>
	 * @throws InvalidJson When the text is not a JSON object.
	 */
	private static function json( string $json, string $name ): array {
		if ( ! str_starts_with( ltrim( $json, " \t\n\r" ), '{' ) ) {
			throw new InvalidJson( 'a JSON object in the ' . $name, 'something else' );
		}
		try {
			$value = json_decode( $json, true, self::MAX_JSON_DEPTH, JSON_THROW_ON_ERROR | JSON_BIGINT_AS_STRING );
		} catch ( \JsonException $e ) {
			throw new InvalidJson( 'a JSON object in the ' . $name, 'invalid JSON (' . $e->getMessage() . ')' ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- Log text, never printed.
		}
		if ( ! is_array( $value ) ) {
			throw new InvalidJson( 'a JSON object in the ' . $name, gettype( $value ) );
		}
		return $value;
	}
}
