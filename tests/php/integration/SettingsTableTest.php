<?php
/**
 * The settings table as the real WordPress sees it: register_setting(), the REST settings endpoint, translation
 * and uninstall.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Integration;

use CognitoBlocks\Settings\Fields;
use CognitoBlocks\Settings\Settings;
use PHPUnit\Framework\TestCase;

final class SettingsTableTest extends TestCase {

	private static mixed $saved_settings = false;

	public static function setUpBeforeClass(): void {
		if ( ! function_exists( 'get_registered_settings' ) ) {
			self::markTestSkipped( 'Needs WordPress (WP_ROOT).' );
		}
		self::$saved_settings = get_option( Settings::OPTION, false );
	}

	public static function tearDownAfterClass(): void {
		$user = get_user_by( 'login', 'settings-table-admin' );
		if ( $user instanceof \WP_User ) {
			require_once ABSPATH . 'wp-admin/includes/user.php';
			wp_delete_user( (int) $user->ID );
		}
	}

	protected function tearDown(): void {
		wp_set_current_user( 0 );
		if ( false === self::$saved_settings ) {
			delete_option( Settings::OPTION );
		} else {
			update_option( Settings::OPTION, self::$saved_settings );
		}
	}

	public function test_the_registered_setting_is_the_table(): void {
		$registered = get_registered_settings()[ Settings::OPTION ] ?? null;
		$this->assertIsArray( $registered );
		$this->assertSame( Fields::defaults(), $registered['default'] );
		$this->assertSame( Fields::schema(), $registered['show_in_rest']['schema'] );
		$this->assertSame( array_keys( Fields::all() ), array_keys( $registered['show_in_rest']['schema']['properties'] ) );
	}

	public function test_every_default_validates_with_wordpress_own_schema_check(): void {
		foreach ( Fields::all() as $name => $field ) {
			$this->assertTrue( rest_validate_value_from_schema( $field->default, $field->schema(), $name ), $name );
		}
		$this->assertTrue( rest_validate_value_from_schema( Fields::defaults(), Fields::schema(), Settings::OPTION ) );
	}

	public function test_the_rest_settings_endpoint_reads_and_writes_through_the_table(): void {
		wp_set_current_user( self::administrator() );
		delete_option( Settings::OPTION );

		$read = rest_do_request( new \WP_REST_Request( 'GET', '/wp/v2/settings' ) );
		$this->assertSame( 200, $read->get_status() );
		$this->assertSame( Fields::defaults(), $read->get_data()[ Settings::OPTION ] );

		$write = new \WP_REST_Request( 'POST', '/wp/v2/settings' );
		$write->set_body_params( array( Settings::OPTION => array( 'default_role' => 'Author' ) + Fields::defaults() ) );
		$this->assertSame( 200, rest_do_request( $write )->get_status() );
		$this->assertSame( 'author', Settings::current()->default_role(), 'stored through the sanitize callback' );

		$unknown = new \WP_REST_Request( 'POST', '/wp/v2/settings' );
		$unknown->set_body_params( array( Settings::OPTION => array( 'surprise' => 'x' ) + Fields::defaults() ) );
		$this->assertSame( 400, rest_do_request( $unknown )->get_status(), 'a key outside the table is refused' );
	}

	public function test_labels_and_help_are_translated_when_asked_for(): void {
		$filter = static fn( string $translation, string $text, string $domain ): string => 'cognito-blocks' === $domain ? '«' . $text . '»' : $translation;
		add_filter( 'gettext', $filter, 10, 3 );
		try {
			foreach ( Fields::all() as $name => $field ) {
				$this->assertMatchesRegularExpression( '/^«.+»$/', $field->label(), $name );
				$this->assertMatchesRegularExpression( '/^«.+»$/', $field->help(), $name );
			}
		} finally {
			remove_filter( 'gettext', $filter, 10 );
		}
	}

	public function test_uninstall_deletes_the_option(): void {
		update_option( Settings::OPTION, array( 'client_id' => 'gone1' ) );
		if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
			define( 'WP_UNINSTALL_PLUGIN', 'cognito-blocks/cognito-blocks.php' );
		}
		include dirname( __DIR__, 3 ) . '/uninstall.php';
		$this->assertSame( 'absent', get_option( Settings::OPTION, 'absent' ), 'nothing stored; only the registered default would be left' );
	}

	/**
	 * An administrator's id, created once.
	 */
	private static function administrator(): int {
		$user = get_user_by( 'login', 'settings-table-admin' );
		if ( $user instanceof \WP_User ) {
			return (int) $user->ID;
		}
		return (int) wp_insert_user(
			array(
				'user_login' => 'settings-table-admin',
				'user_pass'  => wp_generate_password(),
				'user_email' => 'settings-table-admin@example.test',
				'role'       => 'administrator',
			)
		);
	}
}
