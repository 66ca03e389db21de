<?php
/**
 * Tests of the signature check against one JWK.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Unit\Auth;

use CognitoBlocks\Auth\Exception\InvalidSignature;
use CognitoBlocks\Auth\Exception\UnusableKey;
use CognitoBlocks\Auth\SignatureCheck;
use CognitoBlocks\Tests\Unit\Support\Tokens;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;

final class SignatureCheckTest extends TestCase {

	private const INPUT = 'header.payload';

	private static function signature( string $input = self::INPUT ): string {
		openssl_sign( $input, $signature, Tokens::private_key(), OPENSSL_ALGO_SHA256 );
		return (string) $signature;
	}

	public function test_a_signature_made_with_openssl_verifies(): void {
		SignatureCheck::verify( Tokens::jwk(), self::INPUT, self::signature() );
		$this->addToAssertionCount( 1 );
	}

	public function test_use_and_alg_may_be_left_out(): void {
		$jwk = Tokens::jwk();
		unset( $jwk['use'], $jwk['alg'] );

		SignatureCheck::verify( $jwk, self::INPUT, self::signature() );
		$this->addToAssertionCount( 1 );
	}

	public function test_a_signature_of_other_bytes_is_invalid(): void {
		$this->expectException( InvalidSignature::class );
		SignatureCheck::verify( Tokens::jwk(), self::INPUT, self::signature( 'other.bytes' ) );
	}

	/**
	 * Each is refused as UnusableKey, the refusal an unparsable key always had, and PHP says nothing.
	 *
	 * @param array<string,mixed> $jwk Key.
	 */
	#[DataProvider( 'malformed_jwks' )]
	public function test_malformed_jwks_are_refused_without_warnings( array $jwk ): void {
		$warnings = array();
		set_error_handler( // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_set_error_handler -- Collects what PHP reports.
			static function ( int $level, string $message ) use ( &$warnings ): bool {
				$warnings[] = $level . ': ' . $message;
				return true;
			}
		);
		try {
			SignatureCheck::verify( $jwk, self::INPUT, self::signature() );
			$this->fail( 'Key accepted' );
		} catch ( UnusableKey $e ) {
			$this->assertStringStartsWith( 'jwk: expected ', $e->getMessage() );
		} finally {
			restore_error_handler();
		}
		$this->assertSame( array(), $warnings );
		$this->assertFalse( openssl_error_string(), 'OpenSSL errors are left behind' );
	}

	/**
	 * @return array<string,array{0:array<string,mixed>}>
	 */
	public static function malformed_jwks(): array {
		$n = Tokens::jwk()['n'];
		return array(
			'empty'                  => array( array() ),
			'missing n'              => array( self::changed( array( 'n' => null ) ) ),
			'missing e'              => array( self::changed( array( 'e' => null ) ) ),
			'empty n'                => array( self::changed( array( 'n' => '' ) ) ),
			'n not a string'         => array( self::changed( array( 'n' => 12345 ) ) ),
			'n in standard base64'   => array( self::changed( array( 'n' => strtr( $n, '-_', '+/' ) . '+/' ) ) ),
			'n padded'               => array( self::changed( array( 'n' => $n . '==' ) ) ),
			'n with a space'         => array( self::changed( array( 'n' => substr( $n, 0, 10 ) . ' ' . substr( $n, 10 ) ) ) ),
			'n of impossible length' => array( self::changed( array( 'n' => $n . 'AAA' ) ) ),
			'e not base64url'        => array( self::changed( array( 'e' => 'AQ*B' ) ) ),
			'n of 1032 bits'         => array( self::changed( array( 'n' => substr( $n, 0, 172 ) ) ) ),
			'missing kty'            => array( self::changed( array( 'kty' => null ) ) ),
			'kty EC'                 => array( self::changed( array( 'kty' => 'EC' ) ) ),
			'kty oct'                => array( self::changed( array( 'kty' => 'oct', 'k' => 'c2VjcmV0' ) ) ),
			'private key'            => array( self::changed( array( 'd' => 'AQAB' ) ) ),
			'use enc'                => array( self::changed( array( 'use' => 'enc' ) ) ),
			'alg RS512'              => array( self::changed( array( 'alg' => 'RS512' ) ) ),
		);
	}

	/**
	 * The test key with some members changed.
	 *
	 * @param array<string,mixed> $changes Members to set; a null value removes the member.
	 * @return array<string,mixed>
	 */
	private static function changed( array $changes ): array {
		return array_filter( array_merge( Tokens::jwk(), $changes ), static fn( $value ) => null !== $value );
	}
}
