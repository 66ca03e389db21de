<?php
/**
 * The sign-up block's editor learns whether this site creates accounts for new members (Render\Blocks::editor_data(),
 * Users\Registration::new_accounts_refused()), so it can warn where the block is placed.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Integration;

use CognitoBlocks\Render\Blocks;
use CognitoBlocks\Settings\Settings;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/SiteState.php';

final class SignUpNoticeTest extends TestCase {

	use SiteState;

	private static bool $could_register = false;

	public static function setUpBeforeClass(): void {
		if ( ! function_exists( 'update_option' ) ) {
			self::markTestSkipped( 'Needs WordPress (WP_ROOT).' );
		}
		self::$could_register = (bool) get_option( 'users_can_register' );
		self::save_settings();
	}

	public static function tearDownAfterClass(): void {
		update_option( 'users_can_register', self::$could_register ? 1 : 0 );
		self::restore_settings();
	}

	protected function tearDown(): void {
		wp_set_current_user( 0 );
	}

	/**
	 * What the sign-up block's editor script is told, after the editor's assets are enqueued afresh.
	 *
	 * @return array<string,mixed>
	 */
	private static function editor_data(): array {
		$type = \WP_Block_Type_Registry::get_instance()->get_registered( 'cognito-blocks/register' );
		self::assertNotNull( $type, 'the sign-up block is registered' );
		$handle = $type->editor_script_handles[0] ?? '';
		self::assertNotSame( '', $handle );
		unset( wp_scripts()->registered[ $handle ]->extra['before'] );
		Blocks::editor_data();
		$before = (string) wp_scripts()->get_inline_script_data( $handle, 'before' );
		self::assertSame( 1, preg_match( '/window\.' . Blocks::EDITOR_DATA . ' = (\{.*\});/', $before, $match ), $before );
		return (array) json_decode( $match[1], true );
	}

	public function test_registration_closed_under_follow_tells_the_editor_and_links_administrators_to_general_settings(): void {
		update_option( Settings::OPTION, array( 'creation_policy' => 'follow' ) + (array) get_option( Settings::OPTION, array() ) );
		update_option( 'users_can_register', 0 );
		wp_set_current_user( 1 );
		$data = self::editor_data();
		$this->assertSame( 'closed', $data['newAccountsRefused'] );
		$this->assertSame( admin_url( 'options-general.php' ), $data['generalSettingsUrl'] );

		wp_set_current_user( 0 );
		$this->assertArrayNotHasKey( 'generalSettingsUrl', self::editor_data(), 'only administrators get the link' );
	}

	public function test_open_registration_or_an_explicit_policy_decides(): void {
		update_option( 'users_can_register', 1 );
		update_option( Settings::OPTION, array( 'creation_policy' => 'follow' ) + (array) get_option( Settings::OPTION, array() ) );
		$this->assertSame( '', self::editor_data()['newAccountsRefused'], 'open registration: accounts are created' );

		update_option( Settings::OPTION, array( 'creation_policy' => 'deny' ) + (array) get_option( Settings::OPTION, array() ) );
		$this->assertSame( 'deny', self::editor_data()['newAccountsRefused'] );

		update_option( 'users_can_register', 0 );
		update_option( Settings::OPTION, array( 'creation_policy' => 'create' ) + (array) get_option( Settings::OPTION, array() ) );
		$this->assertSame( '', self::editor_data()['newAccountsRefused'], 'create overrides closed registration' );
	}
}
