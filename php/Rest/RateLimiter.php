<?php
/**
 * Rejected-token rate limit per client address.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Rest;

use CognitoBlocks\Auth\Clock;
use CognitoBlocks\Auth\Store\Cache;

/**
 * Fixed window counter of rejected tokens per client, in the shared cache so every web server counts together.
 * IPv6 clients are counted per /64, since one host usually owns the whole prefix. Counting is not atomic; under
 * a burst a few extra attempts may pass, which the signature check makes harmless.
 */
final class RateLimiter {

	/**
	 * Creates the limiter.
	 *
	 * @param Cache $cache  Shared cache.
	 * @param Clock $clock  Time source.
	 * @param int   $limit  Rejections allowed per window.
	 * @param int   $window Window in seconds.
	 */
	public function __construct(
		private readonly Cache $cache,
		private readonly Clock $clock,
		private readonly int $limit = 10,
		private readonly int $window = 300
	) {
	}

	/**
	 * Whether the client has used up its rejections.
	 *
	 * @param string $ip Client address.
	 */
	public function is_limited( string $ip ): bool {
		$entry = $this->entry( $ip );
		return null !== $entry && $entry['count'] >= $this->limit;
	}

	/**
	 * Counts one rejected token.
	 *
	 * @param string $ip Client address.
	 */
	public function record_failure( string $ip ): void {
		$now   = $this->clock->now();
		$entry = $this->entry( $ip ) ?? array(
			'count' => 0,
			'start' => $now,
		);
		++$entry['count'];
		$this->cache->set( $this->key( $ip ), $entry, max( 1, $entry['start'] + $this->window - $now ) );
	}

	/**
	 * Seconds until the window ends (for Retry-After).
	 *
	 * @param string $ip Client address.
	 */
	public function retry_after( string $ip ): int {
		$entry = $this->entry( $ip );
		return null === $entry ? 0 : max( 1, $entry['start'] + $this->window - $this->clock->now() );
	}

	/**
	 * The counting bucket of an address.
	 *
	 * @param string $ip Client address.
	 */
	public static function bucket( string $ip ): string {
		if ( false !== filter_var( $ip, FILTER_VALIDATE_IP, FILTER_FLAG_IPV6 ) ) {
			$packed = (string) inet_pton( $ip );
			return bin2hex( substr( $packed, 0, 8 ) ) . '::/64';
		}
		return false !== filter_var( $ip, FILTER_VALIDATE_IP ) ? $ip : 'unknown';
	}

	/**
	 * The current window's entry, if any.
	 *
	 * @param string $ip Client address.
	 * @return array{count:int,start:int}|null
	 */
	private function entry( string $ip ): ?array {
		$entry = $this->cache->get( $this->key( $ip ) );
		if ( ! is_array( $entry ) || ! is_int( $entry['count'] ?? null ) || ! is_int( $entry['start'] ?? null ) ) {
			return null;
		}
		if ( $this->clock->now() - $entry['start'] >= $this->window ) {
			return null;
		}
		return array(
			'count' => $entry['count'],
			'start' => $entry['start'],
		);
	}

	/**
	 * Cache key of a client.
	 *
	 * @param string $ip Client address.
	 */
	private function key( string $ip ): string {
		return 'rl_' . substr( hash( 'sha256', self::bucket( $ip ) ), 0, 32 );
	}
}
