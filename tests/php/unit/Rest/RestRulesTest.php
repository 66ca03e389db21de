<?php
/**
 * Tests of the origin check and the rate limiter.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Unit\Rest;

use CognitoBlocks\Auth\FrozenClock;
use CognitoBlocks\Rest\OriginCheck;
use CognitoBlocks\Rest\RateLimiter;
use CognitoBlocks\Tests\Unit\Support\MemoryCache;
use PHPUnit\Framework\TestCase;

final class RestRulesTest extends TestCase {

	private const SITE = array( 'https://example.com/', 'https://example.com/wp/' );

	public function test_same_origin_is_allowed(): void {
		$this->assertTrue( OriginCheck::allows( 'https://example.com', null, self::SITE ) );
		$this->assertTrue( OriginCheck::allows( 'https://EXAMPLE.com:443', null, self::SITE ) );
		$this->assertTrue( OriginCheck::allows( null, 'https://example.com/page/?x=1', self::SITE ) );
		$this->assertTrue( OriginCheck::allows( '', 'https://example.com/page/', self::SITE ) );
	}

	public function test_other_origins_are_refused(): void {
		foreach ( array( 'https://evil.com', 'http://example.com', 'https://example.com:8443', 'https://example.com.evil.com', 'null', 'https://sub.example.com' ) as $origin ) {
			$this->assertFalse( OriginCheck::allows( $origin, 'https://example.com/', self::SITE ), $origin );
		}
	}

	public function test_missing_headers_fail_closed(): void {
		$this->assertFalse( OriginCheck::allows( null, null, self::SITE ) );
		$this->assertFalse( OriginCheck::allows( '', '', self::SITE ) );
		$this->assertFalse( OriginCheck::allows( null, 'not a url', self::SITE ) );
	}

	public function test_origin_wins_over_referer(): void {
		$this->assertFalse( OriginCheck::allows( 'https://evil.com', 'https://example.com/', self::SITE ) );
	}

	public function test_ports_are_compared(): void {
		$site = array( 'http://localhost:8881' );
		$this->assertTrue( OriginCheck::allows( 'http://localhost:8881', null, $site ) );
		$this->assertFalse( OriginCheck::allows( 'http://localhost', null, $site ) );
		$this->assertSame( 'http://localhost:80', OriginCheck::normalise( 'http://localhost/' ) );
	}

	public function test_ten_rejections_in_five_minutes_limit_the_client(): void {
		$clock   = new FrozenClock( 1000 );
		$limiter = new RateLimiter( new MemoryCache( $clock ), $clock );
		for ( $i = 0; $i < 9; $i++ ) {
			$limiter->record_failure( '203.0.113.7' );
		}
		$this->assertFalse( $limiter->is_limited( '203.0.113.7' ) );
		$limiter->record_failure( '203.0.113.7' );
		$this->assertTrue( $limiter->is_limited( '203.0.113.7' ) );
		$this->assertFalse( $limiter->is_limited( '203.0.113.8' ), 'Other clients are unaffected.' );
		$this->assertSame( 300, $limiter->retry_after( '203.0.113.7' ) );

		$clock->advance( 299 );
		$this->assertTrue( $limiter->is_limited( '203.0.113.7' ) );
		$clock->advance( 1 );
		$this->assertFalse( $limiter->is_limited( '203.0.113.7' ) );
	}

	public function test_ipv6_clients_are_counted_per_64(): void {
		$this->assertSame( RateLimiter::bucket( '2001:db8:1:2::1' ), RateLimiter::bucket( '2001:db8:1:2:ffff::9' ) );
		$this->assertNotSame( RateLimiter::bucket( '2001:db8:1:2::1' ), RateLimiter::bucket( '2001:db8:1:3::1' ) );
		$this->assertSame( 'unknown', RateLimiter::bucket( 'garbage' ) );
		$this->assertSame( '192.0.2.1', RateLimiter::bucket( '192.0.2.1' ) );
	}
}
