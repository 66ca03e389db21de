<?php
/**
 * Refresh tokens sealed for the session record.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Unit\Sessions;

use CognitoBlocks\Sessions\TokenVault;
use PHPUnit\Framework\TestCase;

final class TokenVaultTest extends TestCase {

	private const TOKEN = 'eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ.refresh-token-body.tag';

	private static function vault( string $fill = 'k' ): TokenVault {
		return new TokenVault( str_repeat( $fill, SODIUM_CRYPTO_SECRETBOX_KEYBYTES ) );
	}

	public function test_a_sealed_token_opens_again_and_holds_no_plaintext(): void {
		$sealed = self::vault()->seal( self::TOKEN );
		$this->assertSame( self::TOKEN, self::vault()->open( $sealed ) );
		$this->assertStringNotContainsString( 'refresh-token-body', $sealed );
		$this->assertStringNotContainsString( base64_encode( self::TOKEN ), $sealed );
		// What a database dump of the session record would hold.
		$record = serialize( array( 'cognito_blocks' => array( 'refresh' => $sealed ) ) );
		$this->assertStringNotContainsString( self::TOKEN, $record );
	}

	public function test_each_seal_uses_a_fresh_nonce(): void {
		$this->assertNotSame( self::vault()->seal( self::TOKEN ), self::vault()->seal( self::TOKEN ) );
	}

	public function test_another_key_a_tampered_value_or_junk_opens_to_nothing(): void {
		$sealed = self::vault()->seal( self::TOKEN );
		$this->assertNull( self::vault( 'x' )->open( $sealed ), 'other salts: unreadable' );
		$tampered = substr( $sealed, 0, -3 ) . ( 'A' === substr( $sealed, -3, 1 ) ? 'B' : 'A' ) . substr( $sealed, -2 );
		$this->assertNull( self::vault()->open( $tampered ) );
		foreach ( array( null, '', 'cbv1:', 'cbv1:!!!', self::TOKEN, 42 ) as $junk ) {
			$this->assertNull( self::vault()->open( $junk ) );
		}
	}

	public function test_a_key_of_the_wrong_length_is_refused(): void {
		$this->expectException( \InvalidArgumentException::class );
		new TokenVault( 'short' );
	}
}
