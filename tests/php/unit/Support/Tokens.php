<?php
/**
 * Real RSA keys and signed tokens for tests.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Unit\Support;

/**
 * Generates a key pair once per process and signs compact JWS tokens with it, so tests exercise real RS256.
 */
final class Tokens {

	public const ISSUER = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_TestPool1';

	public const CLIENT = 'testclient123';

	public const KID = 'test-key-1';

	/**
	 * Cached key pairs by name.
	 *
	 * @var array<string,\OpenSSLAsymmetricKey>
	 */
	private static array $keys = array();

	/**
	 * A private key, generated on first use.
	 *
	 * @param string $name Key name; different names give different keys.
	 */
	public static function private_key( string $name = 'main' ): \OpenSSLAsymmetricKey {
		if ( ! isset( self::$keys[ $name ] ) ) {
			$key = openssl_pkey_new(
				array(
					'private_key_bits' => 2048,
					'private_key_type' => OPENSSL_KEYTYPE_RSA,
				)
			);
			if ( false === $key ) {
				throw new \RuntimeException( 'openssl_pkey_new failed' );
			}
			self::$keys[ $name ] = $key;
		}
		return self::$keys[ $name ];
	}

	/**
	 * The public key as PEM.
	 *
	 * @param string $name Key name.
	 */
	public static function public_pem( string $name = 'main' ): string {
		$details = openssl_pkey_get_details( self::private_key( $name ) );
		return is_array( $details ) ? (string) $details['key'] : '';
	}

	/**
	 * A public JWK.
	 *
	 * @param string               $name  Key name.
	 * @param string               $kid   Key id.
	 * @param array<string,string> $extra Members to add or override.
	 * @return array<string,string>
	 */
	public static function jwk( string $name = 'main', string $kid = self::KID, array $extra = array() ): array {
		$details = openssl_pkey_get_details( self::private_key( $name ) );
		$rsa     = is_array( $details ) ? $details['rsa'] : array();
		return array_merge(
			array(
				'kty' => 'RSA',
				'kid' => $kid,
				'use' => 'sig',
				'alg' => 'RS256',
				'n'   => self::b64( $rsa['n'] ),
				'e'   => self::b64( $rsa['e'] ),
			),
			$extra
		);
	}

	/**
	 * A JWKS document.
	 *
	 * @param array<int,array<string,string>> $jwks Keys.
	 */
	public static function jwks( array $jwks ): string {
		return (string) json_encode( array( 'keys' => $jwks ) );
	}

	/**
	 * Claims of a valid Cognito ID token at a given time.
	 *
	 * @param int                 $now       Current time.
	 * @param array<string,mixed> $overrides Claims to change; a null value removes the claim.
	 * @return array<string,mixed>
	 */
	public static function claims( int $now, array $overrides = array() ): array {
		$claims = array_merge(
			array(
				'sub'              => '3f1c2b7e-0000-4000-8000-00000000abcd',
				'email'            => 'ada@example.com',
				'email_verified'   => true,
				'iss'              => self::ISSUER,
				'cognito:username' => 'ada',
				'aud'              => self::CLIENT,
				'token_use'        => 'id',
				'auth_time'        => $now - 5,
				'iat'              => $now - 5,
				'exp'              => $now + 3595,
				'jti'              => bin2hex( random_bytes( 16 ) ),
			),
			$overrides
		);
		return array_filter( $claims, static fn( $value ) => null !== $value );
	}

	/**
	 * Signs claims with RS256.
	 *
	 * @param array<string,mixed> $claims Claims.
	 * @param array<string,mixed> $header Header members to change; a null value removes the member.
	 * @param string              $key    Key name.
	 */
	public static function sign( array $claims, array $header = array(), string $key = 'main' ): string {
		$header = array_filter( array_merge( array( 'kid' => self::KID, 'alg' => 'RS256' ), $header ), static fn( $value ) => null !== $value );
		$input  = self::b64( (string) json_encode( $header ) ) . '.' . self::b64( (string) json_encode( $claims ) );
		openssl_sign( $input, $signature, self::private_key( $key ), OPENSSL_ALGO_SHA256 );
		return $input . '.' . self::b64( (string) $signature );
	}

	/**
	 * Builds a token from raw parts (header and payload JSON text, raw signature).
	 *
	 * @param string $header_json  Header text.
	 * @param string $payload_json Payload text.
	 * @param string $signature    Raw signature bytes.
	 */
	public static function raw( string $header_json, string $payload_json, string $signature ): string {
		return self::b64( $header_json ) . '.' . self::b64( $payload_json ) . '.' . self::b64( $signature );
	}

	/**
	 * Unpadded base64url.
	 *
	 * @param string $bytes Bytes.
	 */
	public static function b64( string $bytes ): string {
		return rtrim( strtr( base64_encode( $bytes ), '+/', '-_' ), '=' );
	}
}
