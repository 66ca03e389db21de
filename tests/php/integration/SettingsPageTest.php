<?php
/**
 * Settings › Cognito Blocks on a real WordPress: the menu entry and its capability, the data the React page is
 * drawn from (the settings table, pinned values, roles), the Plugins row link, the setup notice, and the
 * connection test's route against the real emulator (pool reachable, issuer, keys, clock) and its outcomes.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Integration;

use CognitoBlocks\Admin\ConnectionTest;
use CognitoBlocks\Admin\SettingsPage;
use CognitoBlocks\Settings\Config;
use CognitoBlocks\Settings\Fields;
use CognitoBlocks\Settings\Settings;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/SiteState.php';

final class SettingsPageTest extends TestCase {

	use SiteState;

	/**
	 * The emulator's pool, as the stack configured the site.
	 *
	 * @var array<string,string>
	 */
	private static array $pool;

	public static function setUpBeforeClass(): void {
		if ( ! function_exists( 'update_option' ) || '' === (string) getenv( 'EMULATOR_URL' ) ) {
			self::markTestSkipped( 'Needs WordPress (WP_ROOT) and the Cognito emulator at EMULATOR_URL.' );
		}
		self::$pool = array(
			'user_pool_id' => (string) getenv( 'COGNITO_POOL_ID' ),
			'client_id'    => (string) getenv( 'COGNITO_CLIENT_ID' ),
			'region'       => (string) getenv( 'COGNITO_REGION' ),
			'endpoint'     => rtrim( (string) getenv( 'EMULATOR_URL' ), '/' ),
		);
		self::save_settings( self::$pool );
	}

	public static function tearDownAfterClass(): void {
		self::restore_settings();
	}

	protected function tearDown(): void {
		wp_set_current_user( 0 );
		update_option( Settings::OPTION, self::$pool );
	}

	private static function as_role( string $role ): int {
		$user = wp_insert_user(
			array(
				'user_login' => 'settings' . bin2hex( random_bytes( 4 ) ),
				'user_pass'  => wp_generate_password(),
				'role'       => $role,
			)
		);
		self::assertIsInt( $user );
		wp_set_current_user( $user );
		return $user;
	}

	/**
	 * POST /cognito-blocks/v1/connection-test.
	 *
	 * @param array<string,string> $values Form values.
	 * @return array{0:int,1:array<string,mixed>}
	 */
	private static function connection_test( array $values ): array {
		$request = new \WP_REST_Request( 'POST', '/cognito-blocks/v1' . ConnectionTest::ROUTE );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( $values ) );
		$response = rest_do_request( $request );
		return array( $response->get_status(), (array) $response->get_data() );
	}

	/**
	 * Lines by check id.
	 *
	 * @param array<string,mixed> $answer Route answer.
	 * @return array<string,array<string,mixed>>
	 */
	private static function by_id( array $answer ): array {
		return array_column( $answer['lines'], null, 'id' );
	}

	public function test_the_boot_data_is_the_settings_table_with_pinned_values_and_roles(): void {
		self::as_role( 'administrator' );
		$boot = SettingsPage::boot_data();
		$this->assertSame( Settings::OPTION, $boot['option'] );
		$this->assertSame( array( 'site', '/wp/v2/settings', null ), array( $boot['scope'], $boot['settingsPath'], $boot['overridesPath'] ), 'a single site saves through core' );
		$this->assertSame( array_keys( Fields::all() ), array_column( $boot['fields'], 'name' ) );
		$this->assertSame( array_keys( Fields::sections() ), array_column( $boot['sections'], 'id' ) );
		$fields = array_column( $boot['fields'], null, 'name' );
		$this->assertSame( Fields::get( 'user_pool_id' )?->schema(), $fields['user_pool_id']['schema'] );
		$this->assertSame( 'group_role_map', $fields['group_role_map']['kind'] );
		$this->assertSame( array( 'follow', 'create', 'link', 'deny' ), array_column( $fields['creation_policy']['choices'], 'value' ) );
		$this->assertContains( 'editor', array_column( $boot['roles'], 'value' ) );
		$this->assertFalse( $fields['leeway']['pinned'] );
		$this->assertArrayNotHasKey( 'value', $fields['leeway'], 'unpinned values come from the REST endpoint' );
	}

	public function test_the_page_is_under_settings_for_administrators_only(): void {
		global $submenu;
		self::as_role( 'editor' );
		$this->assertFalse( current_user_can( 'manage_options' ) );
		self::as_role( 'administrator' );
		$saved   = $submenu;
		$submenu = array(); // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- Rebuilt for the test, restored below.
		try {
			SettingsPage::menu();
			$this->assertSame( SettingsPage::SLUG, $submenu['options-general.php'][0][2] ?? null );
			$this->assertSame( 'manage_options', $submenu['options-general.php'][0][1] ?? null );
		} finally {
			$submenu = $saved; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- Restored.
		}
	}

	public function test_the_plugins_row_gets_a_settings_link_first(): void {
		self::as_role( 'administrator' );
		$links = SettingsPage::action_links( array( 'deactivate' => '<a href="#">Deactivate</a>' ) );
		$this->assertSame( array( 'settings', 'deactivate' ), array_keys( $links ) );
		$this->assertStringContainsString( 'options-general.php?page=cognito-blocks', $links['settings'] );
		self::as_role( 'editor' );
		$this->assertSame( array( 'deactivate' ), array_keys( SettingsPage::action_links( array( 'deactivate' => 'x' ) ) ) );
	}

	public function test_the_setup_notice_shows_until_configured_or_dismissed(): void {
		require_once ABSPATH . 'wp-admin/includes/class-wp-screen.php';
		require_once ABSPATH . 'wp-admin/includes/screen.php';
		$user = self::as_role( 'administrator' );
		set_current_screen( 'dashboard' );
		$notice = static function (): string {
			ob_start();
			SettingsPage::setup_notice();
			return (string) ob_get_clean();
		};
		$this->assertSame( '', $notice(), 'configured: no notice' );
		update_option( Settings::OPTION, array() );
		$this->assertStringContainsString( 'not connected to a user pool yet', $notice() );
		set_current_screen( 'edit-post' );
		$this->assertSame( '', $notice(), 'only on the Dashboard and the Plugins screen' );
		set_current_screen( 'plugins' );
		$this->assertStringContainsString( 'options-general.php?page=cognito-blocks', $notice() );

		$dismiss = rest_do_request( new \WP_REST_Request( 'POST', '/cognito-blocks/v1/setup-notice' ) );
		$this->assertSame( 200, $dismiss->get_status() );
		$this->assertSame( '', $notice(), 'dismissed for this administrator' );
		delete_user_meta( $user, SettingsPage::NOTICE_DISMISSED );
		self::as_role( 'editor' );
		$this->assertSame( 403, rest_do_request( new \WP_REST_Request( 'POST', '/cognito-blocks/v1/setup-notice' ) )->get_status() );
		// Leave the front end as the other tests expect it (is_admin() follows the current screen).
		$GLOBALS['current_screen'] = null;
	}

	public function test_the_connection_test_passes_against_the_emulator(): void {
		self::as_role( 'administrator' );
		list( $status, $answer ) = self::connection_test( array() );
		$this->assertSame( 200, $status );
		$lines = self::by_id( $answer );
		$this->assertSame( array( 'discovery', 'keys', 'clock' ), array_keys( $lines ) );
		foreach ( $lines as $id => $line ) {
			$this->assertTrue( $line['ok'], $id . ': ' . $line['label'] . ' ' . $line['detail'] );
		}
		$this->assertSame( self::$pool['client_id'], $answer['client']['clientId'], 'the browser probes the same client' );
		$this->assertSame( self::$pool['endpoint'], $answer['client']['endpoint'] );
	}

	public function test_unsaved_values_are_tested_and_a_wrong_pool_is_named(): void {
		self::as_role( 'administrator' );
		list( $status, $answer ) = self::connection_test( array( 'user_pool_id' => self::$pool['region'] . '_NoSuchPool' ) );
		$this->assertSame( 200, $status );
		$lines = self::by_id( $answer );
		$this->assertFalse( $lines['discovery']['ok'] );
		$this->assertStringContainsString( '_NoSuchPool/.well-known/openid-configuration', $lines['discovery']['detail'] );
		$this->assertFalse( $lines['keys']['ok'] );
		$this->assertSame( self::$pool['user_pool_id'], Settings::current()->user_pool_id(), 'testing saves nothing' );
	}

	public function test_bad_input_and_other_users_get_4xx_json(): void {
		self::as_role( 'administrator' );
		list( $status, $answer ) = self::connection_test( array( 'user_pool_id' => 'not a pool' ) );
		$this->assertSame( 400, $status );
		$this->assertSame( 'rest_invalid_param', $answer['code'] );
		self::as_role( 'editor' );
		$this->assertSame( 403, self::connection_test( array() )[0] );
		wp_set_current_user( 0 );
		$this->assertSame( 401, self::connection_test( array() )[0] );
	}

	public function test_each_outcome_reads_as_what_to_fix(): void {
		$config = new Config( self::$pool );
		$issuer = $config->issuer();
		$now    = time();
		$keys   = json_decode( (string) wp_remote_retrieve_body( wp_remote_get( $config->jwks_url() ) ), true )['keys'];
		$by_kid = array_column( $keys, null, 'kid' );

		$lines = array_column( ConnectionTest::lines( new Config( array() ), null, null, null, $now ), null, 'id' );
		$this->assertSame( array( 'configuration' ), array_keys( $lines ) );
		$this->assertFalse( $lines['configuration']['ok'] );

		$lines = array_column( ConnectionTest::lines( $config, array( 'issuer' => 'https://elsewhere.example/pool' ), $by_kid, $now, $now ), null, 'id' );
		$this->assertFalse( $lines['discovery']['ok'] );
		$this->assertStringContainsString( 'https://elsewhere.example/pool', $lines['discovery']['detail'] );
		$this->assertTrue( $lines['keys']['ok'] );

		$unusable = array( 'k' => array( 'kid' => 'k', 'kty' => 'EC' ) );
		$lines    = array_column( ConnectionTest::lines( $config, array( 'issuer' => $issuer ), $unusable, $now - 600, $now ), null, 'id' );
		$this->assertTrue( $lines['discovery']['ok'] );
		$this->assertFalse( $lines['keys']['ok'], 'a key that cannot verify RS256 does not count' );
		$this->assertFalse( $lines['clock']['ok'], 'ten minutes apart is past the leeway' );
		$this->assertStringContainsString( '600', $lines['clock']['detail'] );
		$this->assertStringNotContainsString( '&#', $lines['clock']['detail'], 'plain text, not HTML' );

		$lines = array_column( ConnectionTest::lines( $config, array( 'issuer' => $issuer ), $by_kid, null, $now ), null, 'id' );
		$this->assertFalse( $lines['clock']['ok'], 'no Date header: not checked, so not green' );
	}
}
