<?php
/**
 * Tests of the JWK to OpenSSL key conversion.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Unit\Auth;

use CognitoBlocks\Auth\RsaPublicKey;
use CognitoBlocks\Tests\Unit\Support\Tokens;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;

final class RsaPublicKeyTest extends TestCase {

	public function test_the_key_verifies_an_rs256_signature_made_with_openssl(): void {
		$jwk = Tokens::jwk( 'conversion' );
		openssl_sign( 'signed bytes', $signature, Tokens::private_key( 'conversion' ), OPENSSL_ALGO_SHA256 );

		$key = RsaPublicKey::from_jwk( $jwk['n'], $jwk['e'] );

		$this->assertSame( 1, openssl_verify( 'signed bytes', (string) $signature, $key, OPENSSL_ALGO_SHA256 ) );
		$this->assertSame( 0, openssl_verify( 'other bytes', (string) $signature, $key, OPENSSL_ALGO_SHA256 ) );
	}

	public function test_the_der_is_the_one_openssl_exports_for_the_same_key(): void {
		$exported = openssl_pkey_get_details( Tokens::private_key( 'conversion' ) );

		$this->assertIsArray( $exported );
		$this->assertSame( bin2hex( self::pem_body( $exported['key'] ) ), bin2hex( RsaPublicKey::der( $exported['rsa']['n'], $exported['rsa']['e'] ) ) );
	}

	/**
	 * The hashes are of the DER firebase/php-jwt 7.2.1 built for the same n and e, recorded before it was removed.
	 *
	 * @param string $e      Exponent, base64url.
	 * @param string $sha256 Hash of the old library's DER.
	 * @param string $head   The DER's first bytes: lengths and the INTEGER n with its leading 0x00.
	 */
	#[DataProvider( 'old_library_keys' )]
	public function test_the_der_is_the_one_the_old_library_built( string $e, string $sha256, string $head ): void {
		$modulus = self::high_bit_modulus();
		$der     = RsaPublicKey::der( $modulus, (string) base64_decode( strtr( $e, '-_', '+/' ) ) );

		$this->assertSame( $sha256, hash( 'sha256', $der ) );
		$this->assertStringStartsWith( $head, bin2hex( $der ) );

		$details = openssl_pkey_get_details( RsaPublicKey::from_jwk( Tokens::b64( $modulus ), $e ) );
		$this->assertIsArray( $details );
		$this->assertSame( 2048, $details['bits'] );
		$this->assertSame( bin2hex( $modulus ), bin2hex( $details['rsa']['n'] ) );
		$this->assertSame( bin2hex( (string) base64_decode( strtr( $e, '-_', '+/' ) ) ), bin2hex( $details['rsa']['e'] ) );
	}

	/**
	 * @return array<string,array{0:string,1:string,2:string}>
	 */
	public static function old_library_keys(): array {
		// SEQUENCE (0x82: two length bytes), AlgorithmIdentifier, BIT STRING, SEQUENCE, INTEGER of 257 bytes: 0x00 0xc5...
		return array(
			'3-byte exponent (AQAB)' => array( 'AQAB', '8c7642f4bfa3c00970f575f108e3cf26398d29b7722cee766ebab8299d12e482', '30820122300d06092a864886f70d01010105000382010f003082010a02820101' . '00c5' ),
			'1-byte exponent (Aw)'   => array( 'Aw', '3d3b626ec8ba257cb98c9eb32bf825a76650fc87ab55b795ffe6b46bf943456a', '30820120300d06092a864886f70d01010105000382010d003082010802820101' . '00c5' ),
		);
	}

	public function test_a_modulus_without_the_high_bit_gets_no_leading_zero(): void {
		$modulus = "\x45" . substr( self::high_bit_modulus(), 1 );

		$this->assertStringContainsString( '0282010045', bin2hex( RsaPublicKey::der( $modulus, "\x01\x00\x01" ) ) );
		$this->assertStringEndsWith( '0203010001', bin2hex( RsaPublicKey::der( $modulus, "\x01\x00\x01" ) ) );
	}

	/**
	 * A fixed 2048-bit value with the high bit set (0xc5...), so the hashes above stay the same.
	 */
	private static function high_bit_modulus(): string {
		$bytes = '';
		for ( $i = 0; $i < 8; $i++ ) {
			$bytes .= hash( 'sha256', 'cognito-blocks modulus ' . $i, true );
		}
		return "\xC5" . substr( $bytes, 1 );
	}

	/**
	 * The DER inside a PEM.
	 *
	 * @param string $pem PEM text.
	 */
	private static function pem_body( string $pem ): string {
		return (string) base64_decode( (string) preg_replace( '/-----[A-Z ]+-----|\s+/', '', $pem ), true );
	}
}
