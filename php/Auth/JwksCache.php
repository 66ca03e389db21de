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
 * - when the endpoint is down, cached keys keep working; with nothing cached the keys are unavailable.
 */
final class JwksCache implements KeySource {

	private const MAX_KEYS = 50;

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
	 */
	public function __construct( string $url, HttpClient $http, Cache $cache, Ledger $ledger, Clock $clock, int $fresh_for = 3600, int $keep_for = 604800, int $min_interval = 10 ) {
		$this->url          = $url;
		$this->http         = $http;
		$this->cache        = $cache;
		$this->ledger       = $ledger;
		$this->clock        = $clock;
		$this->fresh_for    = $fresh_for;
		$this->keep_for     = $keep_for;
		$this->min_interval = $min_interval;
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
			return null;
		}
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
