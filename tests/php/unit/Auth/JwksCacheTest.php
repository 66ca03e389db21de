<?php
/**
 * Tests of the JWKS cache.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Unit\Auth;

use CognitoBlocks\Auth\Exception\KeysUnavailable;
use CognitoBlocks\Auth\FrozenClock;
use CognitoBlocks\Auth\JwksCache;
use CognitoBlocks\Tests\Unit\Support\FakeHttp;
use CognitoBlocks\Tests\Unit\Support\MemoryCache;
use CognitoBlocks\Tests\Unit\Support\MemoryLedger;
use PHPUnit\Framework\TestCase;

final class JwksCacheTest extends TestCase {

	private const URL = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_TestPool1/.well-known/jwks.json';

	private FrozenClock $clock;

	private FakeHttp $http;

	private MemoryCache $cache;

	private MemoryLedger $ledger;

	protected function setUp(): void {
		$this->clock  = new FrozenClock( 1750000000 );
		$this->http   = new FakeHttp( self::jwks( 'a' ) );
		$this->cache  = new MemoryCache( $this->clock );
		$this->ledger = new MemoryLedger( $this->clock );
	}

	private static function jwks( string ...$kids ): string {
		$keys = array();
		foreach ( $kids as $kid ) {
			$keys[] = array(
				'kty' => 'RSA',
				'kid' => $kid,
				'n'   => 'n-' . $kid,
				'e'   => 'AQAB',
			);
		}
		return (string) json_encode( array( 'keys' => $keys ) );
	}

	/**
	 * A fresh instance over the same shared cache and ledger, as another request (or web server) would build.
	 */
	private function keys(): JwksCache {
		return new JwksCache( self::URL, $this->http, $this->cache, $this->ledger, $this->clock );
	}

	public function test_fetches_once_then_serves_from_the_shared_cache(): void {
		$this->assertSame( 'n-a', $this->keys()->key( 'a' )['n'] ?? null );
		$this->assertSame( 'n-a', $this->keys()->key( 'a' )['n'] ?? null );
		$this->clock->advance( 3599 );
		$this->assertSame( 'n-a', $this->keys()->key( 'a' )['n'] ?? null );

		$this->assertSame( array( self::URL ), $this->http->requests );
	}

	public function test_unknown_kid_triggers_exactly_one_refetch(): void {
		$this->keys()->key( 'a' );
		$this->clock->advance( 11 );
		$this->http->body = self::jwks( 'a', 'b' );

		$this->assertSame( 'n-b', $this->keys()->key( 'b' )['n'] ?? null );
		$this->assertCount( 2, $this->http->requests );
		$this->assertSame( 'n-b', $this->keys()->key( 'b' )['n'] ?? null, 'The refetched set is cached.' );
		$this->assertCount( 2, $this->http->requests );
	}

	public function test_misses_refetch_at_most_once_per_ten_seconds(): void {
		$this->keys()->key( 'a' );
		$this->clock->advance( 10 );

		$this->assertNull( $this->keys()->key( 'made-up-1' ) );
		$this->assertCount( 2, $this->http->requests );

		for ( $i = 0; $i < 9; $i++ ) {
			$this->clock->advance( 1 );
			$this->assertNull( $this->keys()->key( 'made-up-' . $i ) );
		}
		$this->assertCount( 2, $this->http->requests, 'No fetch within 10 s of the previous one.' );

		$this->clock->advance( 1 );
		$this->assertNull( $this->keys()->key( 'made-up-x' ) );
		$this->assertCount( 3, $this->http->requests );
	}

	public function test_cached_keys_keep_working_while_the_endpoint_is_down(): void {
		$this->keys()->key( 'a' );
		$this->http->body = null;
		$this->clock->advance( 86400 );

		$this->assertSame( 'n-a', $this->keys()->key( 'a' )['n'] ?? null );
		$this->assertCount( 2, $this->http->requests, 'A stale set is refreshed in passing.' );
		$this->assertNull( $this->keys()->key( 'b' ), 'An unknown kid is unknown, not an outage, while keys are cached.' );
	}

	public function test_a_stale_set_is_replaced_when_the_endpoint_answers(): void {
		$this->keys()->key( 'a' );
		$this->http->body = self::jwks( 'b' );
		$this->clock->advance( 3600 );

		$this->assertNull( $this->keys()->key( 'a' ), 'A key removed from the pool stops working once refreshed.' );
		$this->assertSame( 'n-b', $this->keys()->key( 'b' )['n'] ?? null );
	}

	public function test_no_cached_keys_and_endpoint_down_is_keys_unavailable(): void {
		$this->http->body = null;
		$this->expectException( KeysUnavailable::class );
		$this->keys()->key( 'a' );
	}

	public function test_no_cached_keys_while_throttled_is_keys_unavailable_without_a_fetch(): void {
		$this->http->body = null;
		try {
			$this->keys()->key( 'a' );
		} catch ( KeysUnavailable $e ) {
			unset( $e );
		}
		$this->http->body = self::jwks( 'a' );
		$this->clock->advance( 5 );
		try {
			$this->keys()->key( 'a' );
			$this->fail( 'Expected KeysUnavailable while throttled.' );
		} catch ( KeysUnavailable $e ) {
			$this->assertCount( 1, $this->http->requests );
		}
		$this->clock->advance( 5 );
		$this->assertSame( 'n-a', $this->keys()->key( 'a' )['n'] ?? null );
	}

	public function test_garbage_from_the_endpoint_counts_as_down(): void {
		$this->http->body = '<html>oops</html>';
		$this->expectException( KeysUnavailable::class );
		$this->keys()->key( 'a' );
	}

	public function test_parse_rejects_documents_without_usable_keys(): void {
		$this->assertNull( JwksCache::parse( '{"keys":[]}' ) );
		$this->assertNull( JwksCache::parse( '{"keys":"x"}' ) );
		$this->assertNull( JwksCache::parse( '[1,2]' ) );
		$this->assertNull( JwksCache::parse( '{"keys":[{"kty":"RSA"}]}' ) );
		$this->assertSame( array( 'k' ), array_keys( (array) JwksCache::parse( '{"keys":[{"kid":"k"},{"kid":""},7]}' ) ) );
	}

	public function test_pools_are_throttled_independently(): void {
		$this->keys()->key( 'a' );
		$other = new JwksCache( 'https://example.test/other/.well-known/jwks.json', $this->http, $this->cache, $this->ledger, $this->clock );
		$this->assertSame( 'n-a', $other->key( 'a' )['n'] ?? null );
		$this->assertCount( 2, $this->http->requests );
	}
}
