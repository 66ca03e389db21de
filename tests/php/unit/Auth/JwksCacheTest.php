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

	/**
	 * Two sign-ins at once on a cold cache: the second finds the first one's fetch running (the throttle is taken)
	 * and waits for its keys instead of refusing a genuine token with "keys unavailable".
	 */
	public function test_a_request_meeting_a_running_fetch_waits_for_its_keys(): void {
		$pauses  = 0;
		$waited  = null;
		$waiter  = $this->pausing(
			function () use ( &$pauses ): void {
				++$pauses;
				if ( 2 === $pauses ) {
					// The running fetch lands (played by another instance on the same cache).
					( new JwksCache( self::URL, new FakeHttp( self::jwks( 'a' ) ), $this->cache, new MemoryLedger( $this->clock ), $this->clock ) )->key( 'a' );
				}
			}
		);
		$fetcher = new JwksCache(
			self::URL,
			new class( self::jwks( 'a' ), static function () use ( $waiter, &$waited ): void {
				$waited = $waiter->key( 'a' );
			} ) implements \CognitoBlocks\Auth\HttpClient {
				public function __construct( private string $body, private \Closure $during ) {}
				public function get( string $url ): ?string {
					( $this->during )();
					return $this->body;
				}
			},
			$this->cache,
			$this->ledger,
			$this->clock
		);

		$this->assertSame( 'n-a', $fetcher->key( 'a' )['n'] ?? null );
		$this->assertSame( 'n-a', $waited['n'] ?? null, 'The waiting request got the key the running fetch brought.' );
		$this->assertSame( 2, $pauses );
		$this->assertSame( array(), $this->http->requests, 'The waiting request fetched nothing itself.' );
	}

	public function test_made_up_kids_after_a_fetch_are_refused_without_waiting(): void {
		$pauses = 0;
		$this->keys()->key( 'a' );
		$this->clock->advance( 2 );
		$keys = $this->pausing(
			function () use ( &$pauses ): void {
				++$pauses;
			}
		);

		$this->assertNull( $keys->key( 'made-up' ) );
		$this->assertSame( 0, $pauses );
		$this->assertCount( 1, $this->http->requests );
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

	/**
	 * A cache on this test's HTTP client, cache and ledger that calls $pause for each wait step.
	 *
	 * @param \Closure $pause One wait step.
	 */
	private function pausing( \Closure $pause ): JwksCache {
		return new JwksCache( self::URL, $this->http, $this->cache, $this->ledger, $this->clock, 3600, 604800, 10, $pause );
	}
}
