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
 * IPv6 clients are counted per /64, since one host usually owns the whole prefix; IPv4 clients seen through IPv6
 * (mapped, NAT64) per IPv4 address (see bucket()). Counting is not atomic; under
 * a burst a few extra attempts may pass, which the signature check makes harmless.
 */
final class RateLimiter {

	/**
	 * The /96 prefixes (hex) whose last 32 bits are a client's IPv4 address: IPv4-mapped (RFC 4291), IPv4-translated
	 * (SIIT, RFC 6145) and the NAT64 well-known prefix (RFC 6052).
	 */
	private const IPV4_IN_IPV6 = array(
		'00000000000000000000ffff',
		'0000000000000000ffff0000',
		'0064ff9b0000000000000000',
	);

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
	 * The counting bucket of an address: an IPv4 address as itself; an IPv4 address carried in IPv6 (mapped
	 * `::ffff:a.b.c.d` from dual-stack sockets, SIIT `::ffff:0:a.b.c.d`, NAT64 `64:ff9b::a.b.c.d`) as that IPv4
	 * address, not as the one /64 all such clients would share; other IPv6 addresses per /64. Brackets and a zone id
	 * (`%eth0`) are ignored. Anything else is "unknown", one shared bucket.
	 *
	 * @param string $ip Client address.
	 */
	public static function bucket( string $ip ): string {
		$ip = trim( $ip, " \t\r\n" ); // Not trim()'s default, which would drop a NUL byte too.
		if ( str_starts_with( $ip, '[' ) && str_ends_with( $ip, ']' ) ) {
			$ip = substr( $ip, 1, -1 );
		}
		$zone = strpos( $ip, '%' );
		if ( false !== $zone && str_contains( $ip, ':' ) && strlen( $ip ) > $zone + 1 ) {
			$ip = substr( $ip, 0, $zone );
		}
		$packed = false !== filter_var( $ip, FILTER_VALIDATE_IP ) ? inet_pton( $ip ) : false;
		if ( false === $packed ) {
			return 'unknown';
		}
		if ( 4 === strlen( $packed ) ) {
			return (string) inet_ntop( $packed );
		}
		foreach ( self::IPV4_IN_IPV6 as $prefix ) {
			if ( str_starts_with( $packed, (string) hex2bin( $prefix ) ) ) {
				return (string) inet_ntop( substr( $packed, 12 ) );
			}
		}
		return bin2hex( substr( $packed, 0, 8 ) ) . '::/64';
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
