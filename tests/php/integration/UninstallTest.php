<?php
/**
 * uninstall.php on a real WordPress: nothing with the plugin's prefix is left in the options (settings, ledger
 * rows, the cache's fallback options, transients) or the user meta, unless keep_data_on_uninstall says to keep it.
 *
 * It removes every account link on the shared test site, as uninstalling does; it makes its own links and puts
 * the settings back as it found them.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Integration;

use CognitoBlocks\Auth\Store\OptionsLedger;
use CognitoBlocks\Auth\Store\TransientCache;
use CognitoBlocks\Auth\SystemClock;
use CognitoBlocks\Settings\Settings;
use CognitoBlocks\Users\Identity;
use CognitoBlocks\Users\PendingLink;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/SiteState.php';

final class UninstallTest extends TestCase {

	use SiteState;

	/**
	 * The plugin's user meta as it was before these tests ran (uninstalling deletes the links of every account).
	 *
	 * @var list<array{user_id:string,meta_key:string,meta_value:string}>
	 */
	private static array $saved_meta = array();

	public static function setUpBeforeClass(): void {
		global $wpdb;
		if ( ! function_exists( 'update_option' ) ) {
			self::markTestSkipped( 'Needs WordPress (WP_ROOT).' );
		}
		self::save_settings();
		self::$saved_meta = $wpdb->get_results( $wpdb->prepare( "SELECT user_id, meta_key, meta_value FROM {$wpdb->usermeta} WHERE meta_key LIKE %s", $wpdb->esc_like( 'cognito_blocks_' ) . '%' ), ARRAY_A );
	}

	/**
	 * Puts the settings and every account's link back, so the suites that run later on this site (the end-to-end
	 * tests sign in accounts that earlier tests linked) meet the site as it was.
	 */
	public static function tearDownAfterClass(): void {
		global $wpdb;
		self::restore_settings();
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->usermeta} WHERE meta_key LIKE %s", $wpdb->esc_like( 'cognito_blocks_' ) . '%' ) );
		foreach ( self::$saved_meta as $row ) {
			$wpdb->insert( $wpdb->usermeta, $row );
		}
		wp_cache_flush();
	}

	/**
	 * Writes one of everything the plugin stores, through the plugin's own code.
	 */
	private static function store_everything(): int {
		$login = 'uninst' . bin2hex( random_bytes( 4 ) );
		$user  = wp_insert_user(
			array(
				'user_login' => $login,
				'user_pass'  => wp_generate_password(),
				'role'       => 'author',
			)
		);
		self::assertIsInt( $user );
		Identity::bind( $user, 'https://issuer.example.test/pool', 'sub-' . $login, 'name-' . $login );
		Identity::record_sign_in( new \WP_User( $user ) );
		$other = wp_insert_user(
			array(
				'user_login' => $login . 'b',
				'user_pass'  => wp_generate_password(),
				'role'       => 'author',
			)
		);
		self::assertIsInt( $other );
		PendingLink::set( $other, 'https://issuer.example.test/pool', 'waiting-' . $login );

		update_option( Settings::OPTION, array( 'client_id' => 'uninstall1' ) );
		( new OptionsLedger( new SystemClock() ) )->claim( 'jti_' . $login, 3600 );
		( new TransientCache() )->set( 'rl_' . $login, array( 'count' => 1 ), 300 );
		update_option(
			TransientCache::FALLBACK_PREFIX . 'jwks_' . $login,
			array(
				'v'       => 1,
				'expires' => time() + 60,
			),
			false
		);
		return $user;
	}

	/**
	 * Names with the plugin's prefix left in the options table and the user meta.
	 *
	 * @return list<string>
	 */
	private static function leftovers(): array {
		global $wpdb;
		$options = $wpdb->get_col(
			$wpdb->prepare(
				"SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE %s OR option_name LIKE %s OR option_name LIKE %s",
				$wpdb->esc_like( 'cognito_blocks_' ) . '%',
				$wpdb->esc_like( '_transient_cognito_blocks_' ) . '%',
				$wpdb->esc_like( '_transient_timeout_cognito_blocks_' ) . '%'
			)
		);
		$meta    = $wpdb->get_col( $wpdb->prepare( "SELECT DISTINCT meta_key FROM {$wpdb->usermeta} WHERE meta_key LIKE %s", $wpdb->esc_like( 'cognito_blocks_' ) . '%' ) );
		return array_merge( $options, $meta );
	}

	private static function uninstall(): void {
		if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
			define( 'WP_UNINSTALL_PLUGIN', 'cognito-blocks/cognito-blocks.php' );
		}
		wp_cache_flush();
		include dirname( __DIR__, 3 ) . '/uninstall.php';
		wp_cache_flush();
	}

	public function test_keep_data_on_uninstall_keeps_everything(): void {
		$user = self::store_everything();
		update_option(
			Settings::OPTION,
			array(
				'client_id'              => 'kept1',
				'keep_data_on_uninstall' => true,
			)
		);
		self::uninstall();
		$this->assertSame( 'kept1', Settings::current()->client_id() );
		$this->assertNotSame( '', get_user_meta( $user, Identity::META_KEY, true ) );
		$this->assertNotSame( array(), self::leftovers() );
	}

	public function test_uninstall_leaves_nothing_with_the_plugins_prefix(): void {
		self::store_everything();
		$this->assertNotSame( array(), self::leftovers(), 'the test stored something' );
		self::uninstall();
		$this->assertSame( array(), self::leftovers() );
	}
}
