<?php
/**
 * The pool's signing keys, cached.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth;

use CognitoBlocks\Auth\Exception\KeysUnavailable;
use CognitoBlocks\Auth\Store\Cache;
use CognitoBlocks\Auth\Store\Ledger;

/**
 * Serves JWKs from a shared cache and fetches the key set only when needed:
 * - a cached key is used as is; once the set is older than $fresh_for it is refreshed in passing;
 * - an unknown kid triggers one refetch, but fetches (successful or not) happen at most once per $min_interval
 *   seconds per pool across all web servers, so a flood of made-up kids cannot hammer the endpoint;
 * - when the endpoint is down, cached keys keep working; with nothing cached the keys are unavailable;
 * - a request that finds another one's fetch in flight (a cold cache, or a new key met by several sign-ins at
 *   once) waits for that fetch, up to WAIT_STEPS × WAIT_STEP_US, instead of refusing a genuine token. It waits
 *   only while the fetch is marked as running, so made-up kids during the rest of the interval cost no wait.
 */
final class JwksCache implements KeySource {

	private const MAX_KEYS = 50;

	/** Pauses while another request's fetch runs (together at most 3 s, past the HTTP client's timeout). */
	private const WAIT_STEPS = 30;

	/** One pause, in microseconds. */
	private const WAIT_STEP_US = 100000;

	/** Seconds the "fetch running" mark lives if its request dies mid-fetch. */
	private const FETCH_MARK_TTL = 5;

	/**
	 * Key set URL.
	 *
	 * @var string
	 */
	private string $url;

	/**
	 * HTTP client.
	 *
	 * @var HttpClient
	 */
	private HttpClient $http;

	/**
	 * Shared cache holding the key set.
	 *
	 * @var Cache
	 */
	private Cache $cache;

	/**
	 * Shared ledger throttling fetches.
	 *
	 * @var Ledger
	 */
	private Ledger $ledger;

	/**
	 * Time source.
	 *
	 * @var Clock
	 */
	private Clock $clock;

	/**
	 * Seconds a fetched set counts as fresh.
	 *
	 * @var int
	 */
	private int $fresh_for;

	/**
	 * Seconds a fetched set stays usable while the endpoint is unreachable.
	 *
	 * @var int
	 */
	private int $keep_for;

	/**
	 * Minimum seconds between two fetches of one pool's set.
	 *
	 * @var int
	 */
	private int $min_interval;

	/**
	 * Waits one step while another request fetches.
	 *
	 * @var \Closure():void
	 */
	private \Closure $pause;

	/**
	 * Creates the cache.
	 *
	 * @param string     $url          The pool's JWKS URL.
	 * @param HttpClient $http         HTTP client.
	 * @param Cache      $cache        Shared cache.
	 * @param Ledger     $ledger       Shared ledger.
	 * @param Clock      $clock        Time source.
	 * @param int        $fresh_for    Seconds before a cached set is refreshed in passing.
	 * @param int        $keep_for     Seconds a set survives an unreachable endpoint.
	 * @param int        $min_interval Minimum seconds between fetches.
	 * @param ?\Closure  $pause        One wait step while another request fetches (default: 0.1 s sleep).
	 */
	public function __construct( string $url, HttpClient $http, Cache $cache, Ledger $ledger, Clock $clock, int $fresh_for = 3600, int $keep_for = 604800, int $min_interval = 10, ?\Closure $pause = null ) {
		$this->url          = $url;
		$this->http         = $http;
		$this->cache        = $cache;
		$this->ledger       = $ledger;
		$this->clock        = $clock;
		$this->fresh_for    = $fresh_for;
		$this->keep_for     = $keep_for;
		$this->min_interval = $min_interval;
		$this->pause        = $pause ?? static function (): void {
			usleep( self::WAIT_STEP_US );
		};
	}

	/**
	 * Finds a key.
	 *
	 * @param string $kid Key id.
	 * @return array<string,mixed>|null
	 * @throws KeysUnavailable When no set is cached and none can be fetched.
	 */
	public function key( string $kid ): ?array {
		$cached = $this->cached();
		if ( null !== $cached && isset( $cached['keys'][ $kid ] ) ) {
			if ( $this->clock->now() - $cached['fetched_at'] < $this->fresh_for ) {
				return $cached['keys'][ $kid ];
			}
			$fresh = $this->fetch_throttled();
			return null === $fresh ? $cached['keys'][ $kid ] : ( $fresh[ $kid ] ?? null );
		}

		$fresh = $this->fetch_throttled();
		if ( null !== $fresh ) {
			return $fresh[ $kid ] ?? null;
		}
		if ( null === $cached ) {
			throw new KeysUnavailable( 'No signing keys cached and the key set could not be fetched from ' . $this->url ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- Log text, never printed.
		}
		return null;
	}

	/**
	 * The cached set, if any and well-formed.
	 *
	 * @return array{fetched_at:int,keys:array<string,array<string,mixed>>}|null
	 */
	private function cached(): ?array {
		$entry = $this->cache->get( $this->cache_key() );
		if ( ! is_array( $entry ) || ! is_int( $entry['fetched_at'] ?? null ) || ! is_array( $entry['keys'] ?? null ) ) {
			return null;
		}
		return array(
			'fetched_at' => $entry['fetched_at'],
			'keys'       => $entry['keys'],
		);
	}

	/**
	 * Fetches and caches the set unless another fetch happened within the interval.
	 *
	 * @return array<string,array<string,mixed>>|null Keys by kid; null when throttled or the fetch failed.
	 */
	private function fetch_throttled(): ?array {
		if ( ! $this->ledger->claim( 'jwks_fetch_' . $this->pool_hash(), $this->min_interval ) ) {
			return $this->wait_for_running_fetch();
		}
		$mark = $this->cache_key() . '_fetching';
		$this->cache->set( $mark, 1, self::FETCH_MARK_TTL );
		try {
			$body = $this->http->get( $this->url );
			$keys = null === $body ? null : self::parse( $body );
			if ( null === $keys ) {
				return null;
			}
			$this->cache->set(
				$this->cache_key(),
				array(
					'fetched_at' => $this->clock->now(),
					'keys'       => $keys,
				),
				$this->keep_for
			);
			return $keys;
		} finally {
			$this->cache->delete( $mark );
		}
	}

	/**
	 * The set another request is fetching right now, once it lands; null when no fetch is running or it fails.
	 *
	 * @return array<string,array<string,mixed>>|null Keys by kid.
	 */
	private function wait_for_running_fetch(): ?array {
		$mark = $this->cache_key() . '_fetching';
		if ( null === $this->cache->get( $mark ) ) {
			return null;
		}
		$steps = 0;
		while ( $steps++ < self::WAIT_STEPS && null !== $this->cache->get( $mark ) ) {
			( $this->pause )();
		}
		return $this->cached()['keys'] ?? null;
	}

	/**
	 * Parses a JWKS document.
	 *
	 * @param string $body Response body.
	 * @return array<string,array<string,mixed>>|null Keys by kid; null when the document is unusable.
	 */
	public static function parse( string $body ): ?array {
		$document = json_decode( $body, true, 16 );
		if ( ! is_array( $document ) || ! isset( $document['keys'] ) || ! is_array( $document['keys'] ) ) {
			return null;
		}
		$keys = array();
		foreach ( $document['keys'] as $jwk ) {
			if ( is_array( $jwk ) && isset( $jwk['kid'] ) && is_string( $jwk['kid'] ) && '' !== $jwk['kid'] ) {
				$keys[ $jwk['kid'] ] = $jwk;
			}
			if ( count( $keys ) >= self::MAX_KEYS ) {
				break;
			}
		}
		return array() === $keys ? null : $keys;
	}

	/**
	 * Cache key of this pool's set.
	 */
	private function cache_key(): string {
		return self::cache_key_for( $this->url );
	}

	/**
	 * Cache key of a pool's set (uninstall removes it).
	 *
	 * @param string $url The pool's JWKS URL.
	 */
	public static function cache_key_for( string $url ): string {
		return 'jwks_' . substr( hash( 'sha256', $url ), 0, 32 );
	}

	/**
	 * Short stable id of the JWKS URL.
	 */
	private function pool_hash(): string {
		return substr( hash( 'sha256', $this->url ), 0, 32 );
	}
}
