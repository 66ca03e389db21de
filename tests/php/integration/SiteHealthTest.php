<?php
/**
 * The plugin's Site Health tests and Info section on a real WordPress, the key set and clock tests through their
 * REST routes against a real key server.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Integration;

use CognitoBlocks\Admin\SiteHealth;
use CognitoBlocks\Admin\SiteHealthResults;
use CognitoBlocks\Settings\Fields;
use CognitoBlocks\Settings\Settings;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/JwksFixture.php';
require_once __DIR__ . '/SiteState.php';

final class SiteHealthTest extends TestCase {

	use SiteState;

	private const DIRECT = array( 'cognito_blocks_configuration', 'cognito_blocks_https', 'cognito_blocks_object_cache', 'cognito_blocks_signatures', 'cognito_blocks_revalidation' );

	private static JwksFixture $jwks;

	public static function setUpBeforeClass(): void {
		if ( ! function_exists( 'update_option' ) ) {
			self::markTestSkipped( 'Needs WordPress (WP_ROOT).' );
		}
		self::$jwks = new JwksFixture();
		self::$jwks->start();
		self::save_settings( self::$jwks->settings() );
	}

	public static function tearDownAfterClass(): void {
		if ( isset( self::$jwks ) ) {
			self::$jwks->remove();
		}
		self::restore_settings();
	}

	protected function tearDown(): void {
		wp_set_current_user( 0 );
		update_option( Settings::OPTION, self::$jwks->settings() );
	}

	/**
	 * @return array<string,mixed>
	 */
	private static function run_direct( string $name ): array {
		$tests = apply_filters( 'site_status_tests', array() );
		$test  = $tests['direct'][ $name ]['test'];
		self::assertIsCallable( $test );
		$result = $test();
		self::assertSame( $name, $result['test'] );
		foreach ( array( 'label', 'status', 'badge', 'description', 'actions' ) as $key ) {
			self::assertArrayHasKey( $key, $result, $name );
		}
		return $result;
	}

	/**
	 * @return array<string,mixed>
	 */
	private static function run_async( string $name, string $role = 'administrator' ): array {
		$user = wp_insert_user( array( 'user_login' => 'health' . bin2hex( random_bytes( 4 ) ), 'user_pass' => wp_generate_password(), 'role' => $role ) );
		self::assertIsInt( $user );
		wp_set_current_user( $user );
		$tests = apply_filters( 'site_status_tests', array() );
		$url   = (string) $tests['async'][ $name ]['test'];
		self::assertTrue( $tests['async'][ $name ]['has_rest'] );
		$route    = substr( $url, strpos( $url, '/cognito-blocks/v1/' ) );
		$response = rest_do_request( new \WP_REST_Request( 'GET', $route ) );
		return array( 'http' => $response->get_status() ) + (array) $response->get_data();
	}

	public function test_the_tests_are_registered(): void {
		$tests = apply_filters( 'site_status_tests', array( 'direct' => array(), 'async' => array() ) );
		foreach ( self::DIRECT as $name ) {
			$this->assertArrayHasKey( $name, $tests['direct'] );
		}
		$this->assertArrayHasKey( 'cognito_blocks_keys', $tests['async'] );
		$this->assertArrayHasKey( 'cognito_blocks_clock', $tests['async'] );
	}

	public function test_configuration_is_good_when_complete_and_critical_when_not(): void {
		$this->assertSame( 'good', self::run_direct( 'cognito_blocks_configuration' )['status'] );
		update_option( Settings::OPTION, array( 'user_pool_id' => JwksFixture::POOL ) );
		$this->assertSame( 'critical', self::run_direct( 'cognito_blocks_configuration' )['status'] );
	}

	public function test_https_is_critical_on_http_and_good_on_https(): void {
		$this->assertSame( 'critical', self::run_direct( 'cognito_blocks_https' )['status'], 'the test site runs on http' );
		$https = static fn( $url ) => is_string( $url ) ? preg_replace( '#^http://#', 'https://', $url ) : $url;
		add_filter( 'option_home', $https );
		add_filter( 'option_siteurl', $https );
		try {
			$this->assertSame( 'good', self::run_direct( 'cognito_blocks_https' )['status'] );
		} finally {
			remove_filter( 'option_home', $https );
			remove_filter( 'option_siteurl', $https );
		}
	}

	public function test_the_object_cache_test_follows_the_cache(): void {
		$expected = wp_using_ext_object_cache() ? 'good' : 'recommended';
		$result   = self::run_direct( 'cognito_blocks_object_cache' );
		$this->assertSame( $expected, $result['status'] );
		$this->assertStringContainsString( 'several web servers', SiteHealthResults::object_cache( false, false )['description'] );
		$this->assertSame( 'good', SiteHealthResults::object_cache( true, false )['status'] );
		$this->assertSame( 'critical', SiteHealthResults::object_cache( true, true )['status'] );
	}

	public function test_signatures_are_verified_with_openssl(): void {
		$this->assertSame( 'good', self::run_direct( 'cognito_blocks_signatures' )['status'] );
		$this->assertStringContainsString( 'OpenSSL', self::run_direct( 'cognito_blocks_signatures' )['description'] );
		$this->assertSame( 'critical', SiteHealthResults::signatures( false, false )['status'] );
	}

	public function test_the_revalidation_test_says_whether_sessions_follow_cognito_and_when_it_was_last_reached(): void {
		$now = time();
		$this->assertSame( 'recommended', SiteHealthResults::revalidation( false, 900, null, null, $now )['status'] );
		$good = SiteHealthResults::revalidation( true, 900, $now - 300, null, $now );
		$this->assertSame( 'good', $good['status'] );
		$this->assertStringContainsString( '900 seconds', $good['description'] );
		$this->assertStringContainsString( human_time_diff( $now - 300, $now ) . ' ago', $good['description'] );
		$this->assertStringContainsString( 'No check has reached Cognito yet', SiteHealthResults::revalidation( true, 900, null, null, $now )['description'] );
		$this->assertSame( 'critical', SiteHealthResults::revalidation( true, 900, $now - 3600, $now - 120, $now )['status'] );
		// This site binds sessions with the default interval and Cognito has not failed a check: good.
		$this->assertSame( 'good', self::run_direct( 'cognito_blocks_revalidation' )['status'] );
	}

	public function test_the_key_set_test_fetches_the_pools_keys(): void {
		$reachable = self::run_async( 'cognito_blocks_keys' );
		$this->assertSame( 200, $reachable['http'] );
		$this->assertSame( 'good', $reachable['status'], (string) $reachable['description'] );
		$this->assertSame( 'cognito_blocks_keys', $reachable['test'] );

		self::$jwks->stop();
		try {
			$down = self::run_async( 'cognito_blocks_keys' );
			$this->assertSame( 'critical', $down['status'] );
		} finally {
			self::$jwks->start();
		}

		update_option( Settings::OPTION, array() );
		$this->assertSame( 'recommended', self::run_async( 'cognito_blocks_keys' )['status'] );
	}

	public function test_the_routes_need_the_site_health_capability(): void {
		$this->assertSame( 403, self::run_async( 'cognito_blocks_keys', 'subscriber' )['http'] );
		$this->assertSame( 403, self::run_async( 'cognito_blocks_clock', 'editor' )['http'] );
	}

	public function test_the_clock_test_compares_with_the_key_servers_date(): void {
		$clock = self::run_async( 'cognito_blocks_clock' );
		$this->assertSame( 200, $clock['http'] );
		$this->assertSame( 'good', $clock['status'], (string) $clock['description'] );

		$now = 1750000000;
		$this->assertSame( 'good', SiteHealthResults::clock( $now - 2, $now, 60 )['status'] );
		$this->assertSame( 'recommended', SiteHealthResults::clock( $now - 45, $now, 60 )['status'] );
		$this->assertSame( 'critical', SiteHealthResults::clock( $now + 400, $now, 60 )['status'] );
		$this->assertSame( 'recommended', SiteHealthResults::clock( null, $now, 60 )['status'] );
	}

	public function test_the_info_tab_lists_every_setting(): void {
		$info = apply_filters( 'debug_information', array() );
		$this->assertArrayHasKey( 'cognito-blocks', $info );
		$fields = $info['cognito-blocks']['fields'];
		foreach ( array_keys( Fields::all() ) as $name ) {
			$this->assertArrayHasKey( $name, $fields );
		}
		$this->assertSame( JwksFixture::POOL, $fields['user_pool_id']['value'] );
		$this->assertSame( self::$jwks->issuer(), $fields['issuer']['value'] );
		$this->assertSame( 'follow', $fields['creation_policy']['debug'] );
	}
}
