<?php
/**
 * Tests of the connection test's hosted UI line: the hosted UI domain setting against the authorization endpoint
 * the pool's OpenID configuration names.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Unit\Admin;

use CognitoBlocks\Admin\ConnectionTest;
use CognitoBlocks\Settings\Config;
use PHPUnit\Framework\TestCase;

/**
 * ConnectionTest::hosted_ui().
 */
final class ConnectionTestHostedUiTest extends TestCase {

	private const DOMAIN = 'https://example.auth.eu-west-1.amazoncognito.com';

	/**
	 * Settings of a configured pool with a hosted UI domain.
	 *
	 * @param string $domain The hosted UI domain setting.
	 */
	private static function config( string $domain ): Config {
		return new Config(
			array(
				'user_pool_id'     => 'eu-west-1_Abc123',
				'client_id'        => 'abcdefghij0123456789klmnop',
				'hosted_ui_domain' => $domain,
			)
		);
	}

	/**
	 * The pool's OpenID configuration, as Cognito writes it.
	 *
	 * @param string|null $authorize Its authorization endpoint; null for a pool without a domain.
	 * @return array<string,mixed>
	 */
	private static function discovery( ?string $authorize ): array {
		$config = self::config( self::DOMAIN );
		return array_filter(
			array(
				'issuer'                 => $config->issuer(),
				'jwks_uri'               => $config->jwks_url(),
				'authorization_endpoint' => $authorize,
			)
		);
	}

	/**
	 * Without a hosted UI domain, or without the pool's configuration, there is nothing to compare.
	 */
	public function test_no_domain_or_no_discovery_gives_no_line(): void {
		$this->assertNull( ConnectionTest::hosted_ui( self::config( '' ), self::discovery( self::DOMAIN . '/oauth2/authorize' ) ) );
		$this->assertNull( ConnectionTest::hosted_ui( self::config( self::DOMAIN ), null ), 'the discovery line already reports the unreachable pool' );
	}

	/**
	 * The domain the pool announces passes, with or without a trailing slash and in any case.
	 */
	public function test_the_pools_own_domain_passes(): void {
		$line = ConnectionTest::hosted_ui( self::config( self::DOMAIN . '/' ), self::discovery( self::DOMAIN . '/oauth2/authorize' ) );
		$this->assertNotNull( $line );
		$this->assertSame( 'hosted_ui', $line['id'] );
		$this->assertTrue( $line['ok'] );
		$this->assertStringContainsString( self::DOMAIN . '/oauth2/authorize', $line['detail'] );

		$upper = ConnectionTest::hosted_ui( self::config( 'https://EXAMPLE.auth.eu-west-1.amazoncognito.com' ), self::discovery( self::DOMAIN . '/oauth2/authorize' ) );
		$this->assertTrue( $upper['ok'] ?? false, 'host names compare case-insensitively' );
	}

	/**
	 * Another domain fails, naming the pool's endpoint and the one the setting gives.
	 */
	public function test_another_domain_fails_naming_both_endpoints(): void {
		$line = ConnectionTest::hosted_ui( self::config( 'https://other.auth.eu-west-1.amazoncognito.com' ), self::discovery( self::DOMAIN . '/oauth2/authorize' ) );
		$this->assertNotNull( $line );
		$this->assertFalse( $line['ok'] );
		$this->assertSame( "The hosted UI domain is not the pool's", $line['label'] );
		$this->assertStringContainsString( self::DOMAIN . '/oauth2/authorize', $line['detail'] );
		$this->assertStringContainsString( 'https://other.auth.eu-west-1.amazoncognito.com/oauth2/authorize', $line['detail'] );
	}

	/**
	 * A pool whose configuration names no authorization endpoint has no hosted UI.
	 */
	public function test_a_pool_without_a_domain_fails(): void {
		$line = ConnectionTest::hosted_ui( self::config( self::DOMAIN ), self::discovery( null ) );
		$this->assertNotNull( $line );
		$this->assertFalse( $line['ok'] );
		$this->assertSame( 'The pool has no hosted UI', $line['label'] );
		$this->assertStringContainsString( self::DOMAIN, $line['detail'] );

		$odd = ConnectionTest::hosted_ui( self::config( self::DOMAIN ), array( 'authorization_endpoint' => 42 ) );
		$this->assertFalse( $odd['ok'] ?? true );
	}
}
