<?php
/**
 * The session endpoint with ID tokens issued by the Cognito emulator of the test stack (real SRP sign-ins).
 *
 * Needs WordPress loaded by the integration bootstrap, served at WP_URL and configured against EMULATOR_URL
 * (tests/support/stack.mjs does all three). Sign-ins go through tests/support/emulator-sign-in.mjs, which uses
 * amazon-cognito-identity-js: the seeded app client allows SRP only, as the plugin's forms use it.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Integration;

use CognitoBlocks\Settings\Settings;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/SiteState.php';
require_once __DIR__ . '/EmulatorPool.php';

final class EmulatorTokenTest extends TestCase {

	use SiteState;
	use EmulatorPool;

	public static function setUpBeforeClass(): void {
		self::$url      = rtrim( (string) getenv( 'WP_URL' ), '/' );
		self::$emulator = rtrim( (string) getenv( 'EMULATOR_URL' ), '/' );
		if ( '' === self::$url || '' === self::$emulator || ! function_exists( 'update_option' ) ) {
			self::markTestSkipped( 'Needs WordPress served at WP_URL and the Cognito emulator at EMULATOR_URL.' );
		}
		self::save_settings();
		$settings = is_array( self::$saved_settings ) ? self::$saved_settings : array();
		update_option(
			Settings::OPTION,
			array_merge(
				$settings,
				self::pool_settings(),
				array(
					'group_role_map' => array(
						array(
							'group' => 'editors',
							'role'  => 'editor',
						),
					),
					'attribute_map'  => array( 'custom:team' => 'team' ),
				)
			)
		);
	}

	/**
	 * WordPress accounts these tests created for the stack's seeded pool users.
	 *
	 * @var list<int>
	 */
	private static array $seeded_accounts = array();

	/**
	 * Puts the settings back and deletes the accounts made for seeded pool users, so the end-to-end tests that
	 * run later on this site meet those users as new members, as on a fresh site.
	 */
	public static function tearDownAfterClass(): void {
		if ( '' === self::$url || '' === self::$emulator ) {
			return;
		}
		self::restore_settings();
		require_once ABSPATH . 'wp-admin/includes/user.php';
		foreach ( self::$seeded_accounts as $id ) {
			wp_delete_user( $id );
		}
	}

	protected function setUp(): void {
		self::forget_rejections();
	}

	public function test_the_seeded_editor_signs_in_with_the_role_of_its_group(): void {
		$users  = json_decode( (string) getenv( 'COGNITO_TEST_USERS' ), true );
		$editor = is_array( $users ) ? ( $users['editor'] ?? null ) : null;
		if ( ! is_array( $editor ) ) {
			$this->markTestSkipped( 'COGNITO_TEST_USERS has no editor user.' );
		}
		$tokens = self::sign_in_to_pool( $editor['username'], $editor['password'] );
		$claims = self::claims( $tokens['idToken'] );
		$this->assertContains( 'editors', $claims['cognito:groups'] ?? array() );

		$result = self::post_token( $tokens['idToken'] );
		$this->assertSame( 200, $result['status'], $result['raw'] );
		$user = self::user_of( $claims['sub'] );
		$this->assertInstanceOf( \WP_User::class, $user );
		self::$seeded_accounts[] = $user->ID;
		$this->assertSame( $result['body']['userId'], $user->ID );
		$this->assertSame( $editor['email'], $user->user_email );
		$this->assertSame( array( 'editor' ), array_values( $user->roles ) );
	}

	public function test_a_new_pool_user_gets_its_mapped_attributes_and_later_changes(): void {
		$username = 'emulator-token-' . bin2hex( random_bytes( 4 ) ) . '@example.test';
		$password = 'Pw-' . bin2hex( random_bytes( 8 ) ) . '-A1!';
		self::admin( 'AdminCreateUser', $username, array( 'MessageAction' => 'SUPPRESS' ) + self::attributes( array( 'email' => $username, 'email_verified' => 'true', 'given_name' => 'Grace', 'family_name' => 'Hopper', 'custom:team' => 'compilers' ) ) );
		self::admin( 'AdminSetUserPassword', $username, array( 'Password' => $password, 'Permanent' => true ) );
		self::admin( 'AdminAddUserToGroup', $username, array( 'GroupName' => 'editors' ) );

		$tokens = self::sign_in_to_pool( $username, $password );
		$first  = self::post_token( $tokens['idToken'] );
		$this->assertSame( 200, $first['status'], $first['raw'] );
		$user = self::user_of( self::claims( $tokens['idToken'] )['sub'] );
		$this->assertInstanceOf( \WP_User::class, $user );
		$this->assertSame( $username, $user->user_email );
		$this->assertSame( 'Grace', $user->first_name );
		$this->assertSame( 'Hopper', $user->last_name );
		$this->assertSame( 'Grace Hopper', $user->display_name );
		$this->assertSame( array( 'editor' ), array_values( $user->roles ) );
		$this->assertSame( 'compilers', get_user_meta( $user->ID, 'team', true ) );

		// The pool changes; the next sign-in carries it over to the same account, and only the mapped fields.
		self::admin( 'AdminUpdateUserAttributes', $username, self::attributes( array( 'given_name' => 'Amazing Grace', 'family_name' => 'Murray Hopper', 'custom:team' => 'cobol' ) ) );
		update_user_meta( $user->ID, 'description', 'Kept as WordPress has it.' );
		$second = self::post_token( self::sign_in_to_pool( $username, $password )['idToken'] );
		$this->assertSame( 200, $second['status'], $second['raw'] );
		$this->assertSame( $user->ID, $second['body']['userId'] );

		clean_user_cache( $user->ID );
		$updated = get_user_by( 'id', $user->ID );
		$this->assertInstanceOf( \WP_User::class, $updated );
		$this->assertSame( 'Amazing Grace', $updated->first_name );
		$this->assertSame( 'Murray Hopper', $updated->last_name );
		$this->assertSame( 'Amazing Grace Murray Hopper', $updated->display_name );
		$this->assertSame( 'cobol', get_user_meta( $user->ID, 'team', true ) );
		$this->assertSame( $username, $updated->user_email );
		$this->assertSame( $user->user_login, $updated->user_login );
		$this->assertSame( 'Kept as WordPress has it.', $updated->description );
		$this->assertSame( array( 'editor' ), array_values( $updated->roles ) );
	}

	public function test_a_token_changed_in_one_byte_is_rejected(): void {
		$users = json_decode( (string) getenv( 'COGNITO_TEST_USERS' ), true );
		$user  = is_array( $users ) ? ( $users['confirmed'] ?? null ) : null;
		if ( ! is_array( $user ) ) {
			$this->markTestSkipped( 'COGNITO_TEST_USERS has no confirmed user.' );
		}
		$token = self::sign_in_to_pool( $user['username'], $user['password'] )['idToken'];
		list( $header, $payload, $signature ) = explode( '.', $token );

		// One byte in the middle of the claims, and one in the middle of the signature (never the last
		// character, whose low bits base64url may ignore).
		foreach ( array( array( 1, strlen( $payload ) ), array( 2, strlen( $signature ) ) ) as list( $part, $length ) ) {
			$parts                 = array( $header, $payload, $signature );
			$at                    = intdiv( $length, 2 );
			$parts[ $part ][ $at ] = 'A' === $parts[ $part ][ $at ] ? 'B' : 'A';
			$result                = self::post_token( implode( '.', $parts ) );
			$this->assertSame( 401, $result['status'], $result['raw'] );
			$this->assertSame( 'cognito_blocks_invalid_token', $result['body']['code'] );
		}

		// The untouched token still works: the rejections did not use up its jti.
		$accepted = self::post_token( $token );
		$this->assertSame( 200, $accepted['status'] );
		self::$seeded_accounts[] = (int) $accepted['body']['userId'];
	}
}
