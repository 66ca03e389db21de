<?php
/**
 * Tests of the client address the rate limit counts: forwarding headers only from the site's own proxies.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Unit\Rest;

use CognitoBlocks\Rest\ClientAddress;
use CognitoBlocks\Settings\Sanitizer;
use PHPUnit\Framework\TestCase;

final class ClientAddressTest extends TestCase {

	private const PROXIES = array( '10.0.0.0/8', '2001:db8:ffff::/48', '192.0.2.9' );

	public function test_without_trusted_proxies_the_connection_is_the_client(): void {
		$this->assertSame( '10.1.2.3', ClientAddress::of( '10.1.2.3', '198.51.100.7', array() ) );
		$this->assertSame( '203.0.113.5', ClientAddress::of( '203.0.113.5', null, self::PROXIES ) );
	}

	public function test_a_header_from_anyone_but_a_trusted_proxy_is_ignored(): void {
		// A client that sends X-Forwarded-For itself does not pick its own bucket.
		$this->assertSame( '203.0.113.5', ClientAddress::of( '203.0.113.5', '198.51.100.7', self::PROXIES ) );
	}

	public function test_behind_trusted_proxies_the_first_untrusted_hop_from_the_right_is_the_client(): void {
		$this->assertSame( '198.51.100.7', ClientAddress::of( '10.1.2.3', '198.51.100.7', self::PROXIES ) );
		// Two proxies of the site in a row; what the client wrote itself (the leftmost part) does not count.
		$this->assertSame( '198.51.100.7', ClientAddress::of( '10.1.2.3', '1.1.1.1, 198.51.100.7, 192.0.2.9, 10.9.9.9', self::PROXIES ) );
		$this->assertSame( '2001:db8:1::5', ClientAddress::of( '2001:db8:ffff:1::2', '2001:db8:1::5', self::PROXIES ) );
	}

	public function test_garbage_in_the_header_stops_at_the_last_known_hop(): void {
		$this->assertSame( '10.1.2.3', ClientAddress::of( '10.1.2.3', 'not-an-ip', self::PROXIES ) );
		$this->assertSame( '192.0.2.9', ClientAddress::of( '10.1.2.3', 'nonsense, 192.0.2.9', self::PROXIES ) );
		$this->assertSame( '10.1.2.3', ClientAddress::of( '10.1.2.3', '', self::PROXIES ) );
		// Only proxies all the way: the one nearest the client.
		$this->assertSame( '192.0.2.9', ClientAddress::of( '10.1.2.3', '192.0.2.9', self::PROXIES ) );
	}

	public function test_ranges_match_by_prefix_in_their_own_family(): void {
		$this->assertTrue( ClientAddress::listed( '10.255.0.1', array( '10.0.0.0/8' ) ) );
		$this->assertFalse( ClientAddress::listed( '11.0.0.1', array( '10.0.0.0/8' ) ) );
		$this->assertTrue( ClientAddress::listed( '172.16.5.4', array( '172.16.0.0/12' ) ) );
		$this->assertFalse( ClientAddress::listed( '172.32.0.1', array( '172.16.0.0/12' ) ) );
		$this->assertTrue( ClientAddress::listed( '0.0.0.1', array( '0.0.0.0/0' ) ) );
		$this->assertFalse( ClientAddress::listed( '::1', array( '0.0.0.0/0' ) ) );
		$this->assertTrue( ClientAddress::listed( '2001:db8:ffff:abcd::1', array( '2001:db8:ffff::/48' ) ) );
		$this->assertFalse( ClientAddress::listed( 'not an ip', array( '0.0.0.0/0' ) ) );
		$this->assertFalse( ClientAddress::listed( '10.0.0.1', array( 'garbage', '10.0.0.0/x' ) ) );
	}

	public function test_the_setting_takes_addresses_and_ranges_only(): void {
		$this->assertSame( array( '10.0.0.0/8', '2001:db8::1' ), Sanitizer::address_list( '10.0.0.0/8, 2001:db8::1 10.0.0.0/8' ) );
		$this->assertSame( array(), Sanitizer::address_list( '' ) );
		foreach ( array( '10.0.0.0/33', '2001:db8::/129', 'example.com', '10.0.0.1/', '10.0.0.1/-1', array( 7 ) ) as $bad ) {
			$this->assertNull( Sanitizer::address_list( is_array( $bad ) ? $bad : array( '10.0.0.1', $bad ) ), var_export( $bad, true ) );
		}
	}
}
