<?php
/**
 * The visitor's address, as far as the server can trust it.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Rest;

/**
 * The address the rate limit counts. By default the connection's own address (REMOTE_ADDR): forwarding headers
 * are set by whoever sends the request, so trusting them would let any client pick its own bucket. A site behind
 * its own reverse proxy or load balancer lists those proxies (setting `trusted_proxies`, addresses or CIDR
 * ranges); only when the connection comes from one of them is `X-Forwarded-For` read, from the right, skipping
 * the listed proxies, and the first address not listed is the client. Pure PHP.
 */
final class ClientAddress {

	/**
	 * The client's address.
	 *
	 * @param string      $remote        The connection's address (REMOTE_ADDR).
	 * @param string|null $forwarded_for The X-Forwarded-For header, if any.
	 * @param string[]    $trusted       Trusted proxies: addresses or CIDR ranges.
	 */
	public static function of( string $remote, ?string $forwarded_for, array $trusted ): string {
		if ( array() === $trusted || null === $forwarded_for || ! self::listed( $remote, $trusted ) ) {
			return $remote;
		}
		$hops = array_reverse( array_map( 'trim', explode( ',', $forwarded_for ) ) );
		foreach ( $hops as $hop ) {
			if ( false === filter_var( $hop, FILTER_VALIDATE_IP ) ) {
				// A proxy we trust wrote garbage, or a client's spoofed part begins: stop at the last known hop.
				return $remote;
			}
			if ( ! self::listed( $hop, $trusted ) ) {
				return $hop;
			}
			$remote = $hop;
		}
		return $remote;
	}

	/**
	 * Whether `$ip` is one of the listed addresses or inside one of the listed ranges.
	 *
	 * @param string   $ip     An address.
	 * @param string[] $ranges Addresses or CIDR ranges.
	 */
	public static function listed( string $ip, array $ranges ): bool {
		$packed = false !== filter_var( $ip, FILTER_VALIDATE_IP ) ? inet_pton( $ip ) : false;
		if ( false === $packed ) {
			return false;
		}
		foreach ( $ranges as $range ) {
			$parts   = explode( '/', $range, 2 );
			$network = $parts[0];
			$bits    = $parts[1] ?? null;
			$base    = false !== filter_var( $network, FILTER_VALIDATE_IP ) ? inet_pton( $network ) : false;
			if ( false === $base || strlen( $base ) !== strlen( $packed ) ) {
				continue;
			}
			$max = strlen( $base ) * 8;
			if ( null !== $bits && ( ! ctype_digit( $bits ) || (int) $bits > $max ) ) {
				continue; // Not a range: never "everything".
			}
			if ( self::same_prefix( $packed, $base, null === $bits ? $max : (int) $bits ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether two packed addresses share their first `$bits` bits.
	 *
	 * @param string $a    Packed address.
	 * @param string $b    Packed address of the same family.
	 * @param int    $bits Prefix length.
	 */
	private static function same_prefix( string $a, string $b, int $bits ): bool {
		$bytes = intdiv( $bits, 8 );
		if ( substr( $a, 0, $bytes ) !== substr( $b, 0, $bytes ) ) {
			return false;
		}
		$rest = $bits % 8;
		if ( 0 === $rest ) {
			return true;
		}
		$mask = ( 0xff << ( 8 - $rest ) ) & 0xff;
		return ( ord( $a[ $bytes ] ) & $mask ) === ( ord( $b[ $bytes ] ) & $mask );
	}
}
