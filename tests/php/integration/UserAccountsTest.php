<?php
/**
 * Creating and linking accounts at first sign-in, against a real WordPress: which email a new account gets,
 * which existing accounts are never linked by email, and which login names a new account may not take.
 *
 * Needs WordPress loaded by the integration bootstrap (WP_ROOT) and served at WP_URL, on the same database.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Integration;

use CognitoBlocks\Users\Identity;
use CognitoBlocks\Users\UserResolver;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/JwksFixture.php';
require_once __DIR__ . '/LoginHttp.php';

final class UserAccountsTest extends TestCase {

	private const MANAGER_ROLE = 'cognito_blocks_test_user_manager';

	private static JwksFixture $jwks;

	public static function setUpBeforeClass(): void {
		if ( '' === (string) getenv( 'WP_URL' ) || ! function_exists( 'update_option' ) ) {
			self::markTestSkipped( 'Needs WordPress (WP_ROOT) served at WP_URL.' );
		}
		self::$jwks = new JwksFixture();
		self::$jwks->start();
		self::configure( array() );
		add_role( self::MANAGER_ROLE, 'User manager', array( 'read' => true, 'edit_users' => true, 'list_users' => true ) );
	}

	public static function tearDownAfterClass(): void {
		if ( isset( self::$jwks ) ) {
			self::$jwks->remove();
		}
		remove_role( self::MANAGER_ROLE );
		LoginHttp::restore();
	}

	protected function setUp(): void {
		global $wpdb;
		// Every request comes from 127.0.0.1: reset its rejected-token counter so tests do not limit each other.
		$wpdb->query( "DELETE FROM {$wpdb->options} WHERE option_name LIKE '%transient%cognito_blocks_rl_%'" );
		wp_cache_flush();
	}

	/**
	 * @param array<string,mixed> $changes Settings to change from the test defaults.
	 */
	private static function configure( array $changes ): void {
		LoginHttp::configure(
			array_merge(
				array(
					'user_pool_id'    => JwksFixture::POOL,
					'client_id'       => JwksFixture::CLIENT,
					'endpoint'        => self::$jwks->endpoint(),
					'creation_policy' => 'create',
				),
				$changes
			)
		);
	}

	/**
	 * Signs in with an ID token of the given claims.
	 *
	 * @param array<string,mixed> $claims Claims to set.
	 * @return array{status:int,body:mixed,raw:string}
	 */
	private static function sign_in( array $claims ): array {
		$response = LoginHttp::request(
			'/wp-json/cognito-blocks/v1/session',
			(string) json_encode( array( 'idToken' => self::$jwks->token( $claims ) ) ),
			array( 'Content-Type: application/json', 'Origin: ' . LoginHttp::url( '' ) )
		);
		return array(
			'status' => $response['status'],
			'body'   => json_decode( $response['body'], true ),
			'raw'    => $response['body'],
		);
	}

	private static function fresh_user( int $id ): \WP_User {
		clean_user_cache( $id );
		$user = get_user_by( 'id', $id );
		self::assertInstanceOf( \WP_User::class, $user );
		return $user;
	}

	private static function unique( string $prefix ): string {
		return $prefix . bin2hex( random_bytes( 4 ) );
	}

	/**
	 * An existing account, not bound to any identity.
	 *
	 * @param string $role Role.
	 * @return array{id:int,email:string,login:string}
	 */
	private static function account( string $role ): array {
		$login = self::unique( 'acct' );
		$email = $login . '@example.com';
		$id    = wp_insert_user( array( 'user_login' => $login, 'user_email' => $email, 'user_pass' => wp_generate_password(), 'role' => $role ) );
		self::assertIsInt( $id );
		return array( 'id' => $id, 'email' => $email, 'login' => $login );
	}

	public function test_a_new_account_gets_only_a_verified_email_and_the_owner_of_the_address_still_signs_in(): void {
		$address  = self::unique( 'owner-' ) . '@example.com';
		$attacker = self::unique( 'sub-attacker-' );

		// Someone changed their pool email to another person's address: Cognito marks it unverified.
		$first = self::sign_in( array( 'sub' => $attacker, 'email' => $address, 'email_verified' => 'false' ) );
		$this->assertSame( 200, $first['status'], $first['raw'] );
		$this->assertSame( '', self::fresh_user( (int) $first['body']['userId'] )->user_email, 'no unverified address on a new account' );

		// A second account without an email: WordPress allows several accounts with an empty user_email.
		$second = self::sign_in( array( 'email' => self::unique( 'other-' ) . '@example.com', 'email_verified' => false ) );
		$this->assertSame( 200, $second['status'], $second['raw'] );
		$this->assertNotSame( $first['body']['userId'], $second['body']['userId'] );
		$this->assertSame( '', self::fresh_user( (int) $second['body']['userId'] )->user_email );

		// The owner of the address, verified (the string form some pools send), gets their own account with it.
		$owner = self::sign_in( array( 'email' => $address, 'email_verified' => 'true' ) );
		$this->assertSame( 200, $owner['status'], $owner['raw'] );
		$this->assertNotSame( $first['body']['userId'], $owner['body']['userId'] );
		$this->assertSame( $address, self::fresh_user( (int) $owner['body']['userId'] )->user_email );

		// The first identity's later sign-ins do not take the address either.
		$again = self::sign_in( array( 'sub' => $attacker, 'email' => $address, 'email_verified' => true ) );
		$this->assertSame( 200, $again['status'], $again['raw'] );
		$this->assertSame( $first['body']['userId'], $again['body']['userId'] );
		$this->assertSame( '', self::fresh_user( (int) $first['body']['userId'] )->user_email );
	}

	public function test_an_account_created_without_email_takes_it_once_cognito_has_verified_it(): void {
		$sub     = self::unique( 'sub-later-' );
		$address = $sub . '@example.com';
		$created = self::sign_in( array( 'sub' => $sub, 'email' => $address, 'email_verified' => false ) );
		$this->assertSame( 200, $created['status'], $created['raw'] );
		$this->assertSame( '', self::fresh_user( (int) $created['body']['userId'] )->user_email );

		$verified = self::sign_in( array( 'sub' => $sub, 'email' => $address, 'email_verified' => true ) );
		$this->assertSame( $created['body']['userId'], $verified['body']['userId'], $verified['raw'] );
		$this->assertSame( $address, self::fresh_user( (int) $created['body']['userId'] )->user_email );
	}

	public function test_accounts_with_a_protected_capability_are_never_linked_by_email(): void {
		$editor     = self::account( 'editor' );
		$manager    = self::account( self::MANAGER_ROLE );
		$promoter   = self::account( 'subscriber' );
		$granted    = new \WP_User( $promoter['id'] );
		$granted->add_cap( 'promote_users' );
		$author     = self::account( 'author' );
		foreach ( array( 'editor (unfiltered_html)' => $editor, 'edit_users role' => $manager, 'promote_users of its own' => $promoter ) as $what => $account ) {
			$result = self::sign_in( array( 'email' => $account['email'] ) );
			$this->assertSame( 403, $result['status'], $what . ': ' . $result['raw'] );
			$this->assertSame( 'cognito_blocks_account_exists', $result['body']['code'], $what );
			$this->assertSame( '', get_user_meta( $account['id'], Identity::META_KEY, true ), $what );
		}

		$linked = self::sign_in( array( 'email' => $author['email'] ) );
		$this->assertSame( 200, $linked['status'], $linked['raw'] );
		$this->assertSame( $author['id'], $linked['body']['userId'] );
	}

	public function test_the_never_link_list_is_configurable_but_administrators_are_never_linked(): void {
		$author = self::account( 'author' );
		$editor = self::account( 'editor' );
		$admin  = self::account( 'administrator' );
		self::configure( array( 'never_link_capabilities' => array( 'publish_posts' ) ) );
		try {
			$refused = self::sign_in( array( 'email' => $author['email'] ) );
			$this->assertSame( 403, $refused['status'], $refused['raw'] );

			self::configure( array( 'never_link_capabilities' => array() ) );
			$linked = self::sign_in( array( 'email' => $editor['email'] ) );
			$this->assertSame( 200, $linked['status'], $linked['raw'] );
			$this->assertSame( $editor['id'], $linked['body']['userId'] );

			$admin_result = self::sign_in( array( 'email' => $admin['email'] ) );
			$this->assertSame( 403, $admin_result['status'], $admin_result['raw'] );
			$this->assertSame( '', get_user_meta( $admin['id'], Identity::META_KEY, true ) );
		} finally {
			self::configure( array() );
		}
	}

	public function test_a_derived_login_is_never_another_accounts_email_or_login(): void {
		$victim = self::account( 'subscriber' );

		$by_email = self::sign_in( array( 'preferred_username' => $victim['email'], 'email' => self::unique( 'x-' ) . '@example.com' ) );
		$this->assertSame( 200, $by_email['status'], $by_email['raw'] );
		$login = self::fresh_user( (int) $by_email['body']['userId'] )->user_login;
		$this->assertNotSame( strtolower( $victim['email'] ), $login );
		$this->assertFalse( email_exists( $login ), 'no account has the new login as its email' );
		$this->assertNotSame( $victim['login'], $login );

		$by_login = self::sign_in( array( 'preferred_username' => $victim['login'] ) );
		$this->assertSame( 200, $by_login['status'], $by_login['raw'] );
		$this->assertNotSame( $victim['login'], self::fresh_user( (int) $by_login['body']['userId'] )->user_login );

		// An address WordPress stored without an "@" (imported data) is still no login for someone else.
		global $wpdb;
		$odd = self::account( 'subscriber' );
		$raw = self::unique( 'oddmail' );
		$wpdb->update( $wpdb->users, array( 'user_email' => $raw ), array( 'ID' => $odd['id'] ) );
		clean_user_cache( $odd['id'] );
		$this->assertTrue( UserResolver::login_taken( $raw ) );
		$by_odd = self::sign_in( array( 'preferred_username' => $raw ) );
		$this->assertSame( 200, $by_odd['status'], $by_odd['raw'] );
		$this->assertNotSame( $raw, self::fresh_user( (int) $by_odd['body']['userId'] )->user_login );
	}
}
