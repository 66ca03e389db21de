<?php
/**
 * Linked users by hand, and who may sign up, against a real WordPress: the user screen's Cognito section and the
 * Users column, linking and unlinking with the section's nonce and an administrator's capabilities, administrators
 * linked only this way, and first sign-ins that follow "Anyone can register".
 *
 * Needs WordPress loaded by the integration bootstrap (WP_ROOT) and served at WP_URL, on the same database.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Integration;

use CognitoBlocks\Admin\UserLinking;
use CognitoBlocks\Admin\UserProfile;
use CognitoBlocks\Users\Identity;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/JwksFixture.php';
require_once __DIR__ . '/LoginHttp.php';
require_once __DIR__ . '/SiteState.php';

final class AccountLinkTest extends TestCase {

	use SiteState;

	private static JwksFixture $jwks;

	public static function setUpBeforeClass(): void {
		if ( '' === (string) getenv( 'WP_URL' ) || ! function_exists( 'update_option' ) ) {
			self::markTestSkipped( 'Needs WordPress (WP_ROOT) served at WP_URL.' );
		}
		self::$jwks = new JwksFixture();
		self::$jwks->start();
		self::configure( array() );
	}

	public static function tearDownAfterClass(): void {
		if ( isset( self::$jwks ) ) {
			self::$jwks->remove();
		}
		LoginHttp::restore();
	}

	protected function setUp(): void {
		self::forget_rejections();
		update_option( 'users_can_register', 1 );
	}

	protected function tearDown(): void {
		wp_set_current_user( 0 );
	}

	/**
	 * @param array<string,mixed> $changes Settings to change from the fixture's pool (creation policy: the default).
	 */
	private static function configure( array $changes ): void {
		LoginHttp::configure( array_merge( self::$jwks->settings(), array( 'creation_policy' => 'follow' ), $changes ) );
	}

	/**
	 * @param array<string,mixed> $claims Claims to set.
	 * @return array{status:int,body:mixed,raw:string}
	 */
	private static function sign_in( array $claims ): array {
		$response = LoginHttp::request(
			'/wp-json/cognito-blocks/v1/session',
			(string) json_encode( array( 'idToken' => self::$jwks->token( $claims ) ) ),
			array( 'Content-Type: application/json', 'Origin: ' . LoginHttp::url( '' ) )
		);
		return array( 'status' => $response['status'], 'body' => json_decode( $response['body'], true ), 'raw' => $response['body'] );
	}

	/**
	 * @return array{id:int,email:string}
	 */
	private static function account( string $role ): array {
		$login = 'link' . bin2hex( random_bytes( 4 ) );
		$id    = wp_insert_user( array( 'user_login' => $login, 'user_email' => $login . '@example.com', 'user_pass' => wp_generate_password(), 'role' => $role ) );
		self::assertIsInt( $id );
		return array( 'id' => $id, 'email' => $login . '@example.com' );
	}

	/**
	 * The section's fields as a browser would post them.
	 *
	 * @param array<string,string> $fields Fields.
	 * @return array<string,string>
	 */
	private static function form( int $user_id, array $fields ): array {
		return $fields + array( UserLinking::NONCE_FIELD => wp_create_nonce( UserLinking::nonce_action( $user_id ) ) );
	}

	public function test_an_administrator_is_never_linked_by_email_but_an_administrator_links_one_by_hand(): void {
		$acting = self::account( 'administrator' );
		$target = self::account( 'administrator' );
		$sub    = 'sub-admin-' . bin2hex( random_bytes( 4 ) );

		$refused = self::sign_in( array( 'sub' => $sub, 'email' => $target['email'] ) );
		$this->assertSame( 403, $refused['status'], $refused['raw'] );
		$this->assertSame( 'cognito_blocks_account_exists', $refused['body']['code'] );

		wp_set_current_user( $acting['id'] );
		$linked = UserLinking::handle( $target['id'], self::form( $target['id'], array( UserLinking::FIELD_ACTION => 'link', UserLinking::FIELD_SUB => $sub ) ) );
		$this->assertTrue( $linked );
		$this->assertSame( Identity::key( self::$jwks->issuer(), $sub ), get_user_meta( $target['id'], Identity::META_KEY, true ) );
		$this->assertSame( self::$jwks->issuer(), get_user_meta( $target['id'], Identity::META_ISSUER, true ), 'the configured issuer when none is entered' );
		$this->assertGreaterThan( 0, (int) get_user_meta( $target['id'], Identity::META_LINKED_AT, true ) );

		$signed_in = self::sign_in( array( 'sub' => $sub, 'email' => $target['email'], 'cognito:username' => 'the-admin' ) );
		$this->assertSame( 200, $signed_in['status'], $signed_in['raw'] );
		$this->assertSame( $target['id'], $signed_in['body']['userId'] );
		wp_cache_delete( $target['id'], 'user_meta' );
		$this->assertGreaterThan( 0, (int) get_user_meta( $target['id'], Identity::META_LAST_LOGIN, true ), 'last sign-in recorded' );
		$this->assertSame( 'the-admin', get_user_meta( $target['id'], Identity::META_USERNAME, true ) );

		$taken = UserLinking::handle( $acting['id'], self::form( $acting['id'], array( UserLinking::FIELD_ACTION => 'link', UserLinking::FIELD_SUB => $sub ) ) );
		$this->assertInstanceOf( \WP_Error::class, $taken );
		$this->assertSame( 'cognito_blocks_link_taken', $taken->get_error_code(), 'one identity, one account' );

		$this->assertTrue( UserLinking::handle( $target['id'], self::form( $target['id'], array( UserLinking::FIELD_ACTION => 'unlink' ) ) ) );
		foreach ( Identity::META_KEYS as $meta_key ) {
			$this->assertSame( '', get_user_meta( $target['id'], $meta_key, true ), $meta_key );
		}
		$again = self::sign_in( array( 'sub' => $sub, 'email' => $target['email'] ) );
		$this->assertSame( 403, $again['status'], 'unlinked: back to never linked automatically' );
	}

	public function test_linking_needs_the_nonce_and_an_administrator(): void {
		$target = self::account( 'author' );
		$editor = self::account( 'editor' );
		$admin  = self::account( 'administrator' );
		$fields = array( UserLinking::FIELD_ACTION => 'link', UserLinking::FIELD_SUB => 'sub-x-' . bin2hex( random_bytes( 4 ) ) );

		wp_set_current_user( $admin['id'] );
		$no_nonce = UserLinking::handle( $target['id'], $fields );
		$this->assertInstanceOf( \WP_Error::class, $no_nonce );
		$this->assertSame( 'cognito_blocks_link_nonce', $no_nonce->get_error_code() );
		$other_nonce = UserLinking::handle( $target['id'], $fields + array( UserLinking::NONCE_FIELD => wp_create_nonce( UserLinking::nonce_action( $editor['id'] ) ) ) );
		$this->assertInstanceOf( \WP_Error::class, $other_nonce, 'a nonce for another account' );

		wp_set_current_user( $editor['id'] );
		$forbidden = UserLinking::handle( $target['id'], self::form( $target['id'], $fields ) );
		$this->assertInstanceOf( \WP_Error::class, $forbidden );
		$this->assertSame( 'cognito_blocks_link_forbidden', $forbidden->get_error_code() );
		$this->assertNotSame( '', $forbidden->get_error_message() );

		// The account itself may edit its profile, but not choose which pool account opens it.
		wp_set_current_user( $target['id'] );
		$self = UserLinking::handle( $target['id'], self::form( $target['id'], $fields ) );
		$this->assertInstanceOf( \WP_Error::class, $self );
		$this->assertSame( '', get_user_meta( $target['id'], Identity::META_KEY, true ) );

		wp_set_current_user( $admin['id'] );
		$this->assertFalse( UserLinking::handle( $target['id'], self::form( $target['id'], array( UserLinking::FIELD_ACTION => 'nothing' ) ) ) );
		$missing = UserLinking::handle( $target['id'], self::form( $target['id'], array( UserLinking::FIELD_ACTION => 'link' ) ) );
		$this->assertInstanceOf( \WP_Error::class, $missing );
		$this->assertSame( 'cognito_blocks_link_missing', $missing->get_error_code() );
	}

	public function test_the_profile_form_reports_a_refusal_next_to_cores_errors(): void {
		$target = self::account( 'subscriber' );
		$editor = self::account( 'editor' );
		wp_set_current_user( $editor['id'] );
		$errors = new \WP_Error();
		$_POST  = array( UserLinking::FIELD_ACTION => 'unlink' );
		try {
			UserLinking::on_profile_update( $errors, true, (object) array( 'ID' => $target['id'] ) );
		} finally {
			$_POST = array();
		}
		$this->assertSame( array( 'cognito_blocks_link_nonce' ), $errors->get_error_codes() );
	}

	public function test_a_link_by_username_binds_at_that_users_next_sign_in(): void {
		$admin  = self::account( 'administrator' );
		$target = self::account( 'administrator' );
		$name   = 'Pool-Admin-' . bin2hex( random_bytes( 3 ) );
		wp_set_current_user( $admin['id'] );
		$this->assertTrue( UserLinking::handle( $target['id'], self::form( $target['id'], array( UserLinking::FIELD_ACTION => 'link', UserLinking::FIELD_USERNAME => $name ) ) ) );
		$this->assertSame( '', get_user_meta( $target['id'], Identity::META_KEY, true ), 'not linked before the sign-in' );
		$this->assertStringContainsString( 'Waiting', (string) UserProfile::column( '', UserProfile::COLUMN, $target['id'] ) );

		$other = self::sign_in( array( 'cognito:username' => 'someone-else', 'email' => $target['email'] ) );
		$this->assertSame( 403, $other['status'], 'another pool user with the same email is still refused' );

		$sub    = 'sub-by-name-' . bin2hex( random_bytes( 4 ) );
		$result = self::sign_in( array( 'sub' => $sub, 'cognito:username' => strtolower( $name ) ) );
		$this->assertSame( 200, $result['status'], $result['raw'] );
		$this->assertSame( $target['id'], $result['body']['userId'] );
		wp_cache_delete( $target['id'], 'user_meta' );
		$this->assertSame( Identity::key( self::$jwks->issuer(), $sub ), get_user_meta( $target['id'], Identity::META_KEY, true ) );
	}

	public function test_the_user_screen_and_users_list_show_the_link(): void {
		$admin  = self::account( 'administrator' );
		$target = self::account( 'author' );
		Identity::bind( $target['id'], self::$jwks->issuer(), 'sub-shown-1', 'shown-user' );

		wp_set_current_user( $admin['id'] );
		$user = get_user_by( 'id', $target['id'] );
		ob_start();
		UserProfile::render( $user );
		$html = (string) ob_get_clean();
		$this->assertStringContainsString( 'sub-shown-1', $html );
		$this->assertStringContainsString( 'shown-user', $html );
		$this->assertStringContainsString( esc_html( self::$jwks->issuer() ), $html );
		$this->assertStringContainsString( 'Linked since', $html );
		$this->assertStringContainsString( 'Last sign-in', $html );
		$this->assertStringContainsString( UserLinking::NONCE_FIELD, $html );
		$this->assertStringContainsString( 'value="unlink"', $html );

		$columns = apply_filters( 'manage_users_columns', array() );
		$this->assertArrayHasKey( UserProfile::COLUMN, $columns );
		$this->assertSame( 'shown-user', apply_filters( 'manage_users_custom_column', '', UserProfile::COLUMN, $target['id'] ) );
		$this->assertSame( '—', apply_filters( 'manage_users_custom_column', '', UserProfile::COLUMN, $admin['id'] ) );

		// The account's own view: the link, no controls.
		wp_set_current_user( $target['id'] );
		ob_start();
		UserProfile::render( $user );
		$own = (string) ob_get_clean();
		$this->assertStringContainsString( 'sub-shown-1', $own );
		$this->assertStringNotContainsString( UserLinking::NONCE_FIELD, $own );
	}

	public function test_registration_closed_refuses_a_first_sign_in_with_the_message(): void {
		update_option( 'users_can_register', 0 );
		$closed = self::sign_in( array( 'email' => 'closed-' . bin2hex( random_bytes( 4 ) ) . '@example.com' ) );
		$this->assertSame( 403, $closed['status'], $closed['raw'] );
		$this->assertSame( 'cognito_blocks_creation_disabled', $closed['body']['code'] );
		$this->assertStringContainsString( 'New accounts are not created on this site', $closed['body']['message'] );

		// An existing account is still linked by verified email: its owner already has an account here.
		$author = self::account( 'author' );
		$linked = self::sign_in( array( 'email' => $author['email'] ) );
		$this->assertSame( 200, $linked['status'], $linked['raw'] );
		$this->assertSame( $author['id'], $linked['body']['userId'] );

		update_option( 'users_can_register', 1 );
		$open = self::sign_in( array( 'email' => 'open-' . bin2hex( random_bytes( 4 ) ) . '@example.com' ) );
		$this->assertSame( 200, $open['status'], $open['raw'] );
	}

	public function test_an_explicit_creation_policy_overrides_anyone_can_register(): void {
		try {
			update_option( 'users_can_register', 0 );
			self::configure( array( 'creation_policy' => 'create' ) );
			$always = self::sign_in( array( 'email' => 'always-' . bin2hex( random_bytes( 4 ) ) . '@example.com' ) );
			$this->assertSame( 200, $always['status'], $always['raw'] );

			update_option( 'users_can_register', 1 );
			self::configure( array( 'creation_policy' => 'deny' ) );
			$never = self::sign_in( array( 'email' => 'never-' . bin2hex( random_bytes( 4 ) ) . '@example.com' ) );
			$this->assertSame( 403, $never['status'], $never['raw'] );
			$this->assertSame( 'cognito_blocks_creation_disabled', $never['body']['code'] );
		} finally {
			self::configure( array() );
		}
	}
}
