<?php
/**
 * Test that another plugin's copy of a JWT library cannot break token checks.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Unit\Auth;

use CognitoBlocks\Auth\Exception\InvalidSignature;
use CognitoBlocks\Auth\FrozenClock;
use CognitoBlocks\Auth\JwksCache;
use CognitoBlocks\Auth\TokenVerifier;
use CognitoBlocks\Tests\Unit\Support\FakeHttp;
use CognitoBlocks\Tests\Unit\Support\MemoryCache;
use CognitoBlocks\Tests\Unit\Support\MemoryLedger;
use CognitoBlocks\Tests\Unit\Support\Tokens;
use PHPUnit\Framework\Attributes\PreserveGlobalState;
use PHPUnit\Framework\Attributes\RunInSeparateProcess;
use PHPUnit\Framework\TestCase;

final class LibraryCollisionTest extends TestCase {

	/**
	 * A fresh process, so the old copy is the first Firebase\JWT\JWK PHP sees, as when another plugin loads first.
	 */
	#[RunInSeparateProcess]
	#[PreserveGlobalState( false )]
	public function test_an_old_php_jwt_loaded_first_leaves_signature_checks_working(): void {
		$this->assertFalse( class_exists( 'Firebase\\JWT\\JWK', false ), 'Loaded before the test could load the old copy' );
		require dirname( __DIR__, 3 ) . '/php/fixtures/old-php-jwt/JWK.php';
		$this->assertSame( 1, ( new \ReflectionMethod( 'Firebase\\JWT\\JWK', 'parseKey' ) )->getNumberOfParameters() );

		$now      = 1750000000;
		$clock    = new FrozenClock( $now );
		$ledger   = new MemoryLedger( $clock );
		$keys     = new JwksCache( Tokens::ISSUER . '/.well-known/jwks.json', new FakeHttp( Tokens::jwks( array( Tokens::jwk() ) ) ), new MemoryCache( $clock ), $ledger, $clock );
		$verifier = new TokenVerifier( Tokens::ISSUER, Tokens::CLIENT, 60, 600, $keys, $ledger, $clock );

		$token  = Tokens::sign( Tokens::claims( $now, array( 'sub' => 'user-1' ) ) );
		$claims = $verifier->verify( $token );
		$this->assertSame( 'user-1', $claims['sub'] );

		$this->expectException( InvalidSignature::class );
		$verifier->verify( Tokens::sign( Tokens::claims( $now ), array(), 'other' ) );
	}
}
