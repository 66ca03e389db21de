<?php
/**
 * Tests of the pure user rules: identity, login names, roles, attributes.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Unit\Users;

use CognitoBlocks\Users\AttributeMapper;
use CognitoBlocks\Users\Identity;
use CognitoBlocks\Users\LoginName;
use CognitoBlocks\Users\RoleMapper;
use PHPUnit\Framework\TestCase;

final class UserRulesTest extends TestCase {

	public function test_identity_key_depends_on_issuer_and_sub(): void {
		$key = Identity::key( 'https://a/pool', 'sub-1' );
		$this->assertMatchesRegularExpression( '/^[0-9a-f]{64}$/', $key );
		$this->assertSame( $key, Identity::key( 'https://a/pool', 'sub-1' ) );
		$this->assertNotSame( $key, Identity::key( 'https://b/pool', 'sub-1' ) );
		$this->assertNotSame( $key, Identity::key( 'https://a/pool', 'sub-2' ) );
	}

	public function test_email_verified_accepts_only_true_and_the_string_true(): void {
		$this->assertTrue( Identity::email_verified( array( 'email_verified' => true ) ) );
		$this->assertTrue( Identity::email_verified( array( 'email_verified' => 'true' ) ) );
		foreach ( array( false, 'false', 'TRUE', '1', 1, 'yes', null, array( true ) ) as $value ) {
			$this->assertFalse( Identity::email_verified( array( 'email_verified' => $value ) ), var_export( $value, true ) );
		}
		$this->assertFalse( Identity::email_verified( array() ) );
	}

	public function test_login_prefers_preferred_username_then_email_then_cognito_username(): void {
		$free = static fn(): bool => false;
		$this->assertSame( 'ada.l', LoginName::derive( array( 'preferred_username' => 'Ada.L', 'email' => 'x@example.com' ), $free ) );
		$this->assertSame( 'grace', LoginName::derive( array( 'email' => 'Grace@example.com' ), $free ) );
		$this->assertSame( 'a1b2', LoginName::derive( array( 'cognito:username' => 'a1b2' ), $free ) );
		$this->assertSame( 'user', LoginName::derive( array(), $free ) );
		$this->assertSame( 'grace', LoginName::derive( array( 'preferred_username' => '<>!!', 'email' => 'grace@example.com' ), $free ) );
	}

	public function test_login_is_sanitised(): void {
		$this->assertSame( 'robertdroptable', LoginName::sanitize( "Robert'); DROP TABLE" ) );
		$this->assertSame( 'jos', LoginName::sanitize( 'José' ) );
		$this->assertSame( 'a-b', LoginName::sanitize( '..a-b__' ) );
		$this->assertSame( 50, strlen( LoginName::sanitize( str_repeat( 'x', 80 ) ) ) );
	}

	public function test_a_derived_login_is_never_an_email_address(): void {
		$free = static fn(): bool => false;
		$this->assertSame( 'victim', LoginName::derive( array( 'preferred_username' => 'Victim@Example.com' ), $free ) );
		$this->assertSame( 'a1b2', LoginName::derive( array( 'cognito:username' => 'a1b2@pool.example' ), $free ) );
		$this->assertSame( 'grace', LoginName::derive( array( 'preferred_username' => '@example.com', 'email' => 'grace@example.com' ), $free ) );
		$this->assertSame( 'ada', LoginName::sanitize( 'ada@@example.com' ) );
		foreach ( array( 'a@b.c', '"x@y"@z.example', 'x@y@z' ) as $raw ) {
			$this->assertStringNotContainsString( '@', LoginName::sanitize( $raw ), $raw );
		}
	}

	public function test_login_is_made_unique(): void {
		$taken = array( 'ada', 'ada-2' );
		$login = LoginName::derive( array( 'preferred_username' => 'ada' ), static fn( string $l ): bool => in_array( $l, $taken, true ) );
		$this->assertSame( 'ada-3', $login );

		$random = LoginName::derive( array( 'preferred_username' => 'ada' ), static fn( string $l ): bool => 1 !== preg_match( '/^ada-[0-9a-f]{6}$/', $l ) );
		$this->assertMatchesRegularExpression( '/^ada-[0-9a-f]{6}$/', $random );
	}

	public function test_role_is_the_first_match_in_map_order(): void {
		$map = array(
			array(
				'group' => 'editors',
				'role'  => 'editor',
			),
			array(
				'group' => 'authors',
				'role'  => 'author',
			),
		);
		$this->assertSame( 'editor', RoleMapper::role_for( array( 'authors', 'editors' ), $map, 'subscriber' ) );
		$this->assertSame( 'author', RoleMapper::role_for( array( 'authors' ), $map, 'subscriber' ) );
		$this->assertSame( 'subscriber', RoleMapper::role_for( array( 'Editors' ), $map, 'subscriber' ) );
		$this->assertSame( 'subscriber', RoleMapper::role_for( array(), array(), 'subscriber' ) );
	}

	public function test_groups_come_from_cognito_groups(): void {
		$this->assertSame( array( 'a', 'b' ), RoleMapper::groups( array( 'cognito:groups' => array( 'a', 7, 'b' ) ) ) );
		$this->assertSame( array( 'a' ), RoleMapper::groups( array( 'cognito:groups' => 'a' ) ) );
		$this->assertSame( array(), RoleMapper::groups( array( 'cognito:groups' => 5 ) ) );
		$this->assertSame( array(), RoleMapper::groups( array() ) );
	}

	public function test_sync_never_removes_administrator_unless_configured(): void {
		$this->assertNull( RoleMapper::sync( array( 'administrator' ), array( 'subscriber' ), false ) );
		$this->assertSame( array( 'subscriber' ), RoleMapper::sync( array( 'administrator' ), array( 'subscriber' ), true ) );
		$this->assertSame( array( 'editor' ), RoleMapper::sync( array( 'author' ), array( 'editor' ), false ) );
		$this->assertNull( RoleMapper::sync( array( 'editor' ), array( 'editor' ), false ) );
		$this->assertNull( RoleMapper::sync( array( 'editor' ), array(), false ) );
		$this->assertSame( array( 'administrator' ), RoleMapper::sync( array( 'editor' ), array( 'administrator' ), false ) );
	}

	public function test_standard_attributes_map_to_user_fields(): void {
		$fields = AttributeMapper::user_fields(
			array(
				'email'              => 'ada@example.com',
				'given_name'         => 'Ada',
				'family_name'        => "Love\nlace",
				'preferred_username' => 'ada',
				'phone_number'       => '+100',
			)
		);
		$this->assertSame(
			array(
				'user_email'   => 'ada@example.com',
				'first_name'   => 'Ada',
				'last_name'    => 'Love lace',
				'display_name' => 'Ada Love lace',
				'nickname'     => 'ada',
			),
			$fields
		);
		$this->assertSame( 'Countess', AttributeMapper::user_fields( array( 'name' => 'Countess', 'given_name' => 'Ada' ) )['display_name'] );
		$this->assertSame( array(), AttributeMapper::user_fields( array( 'email' => array( 'x' ), 'name' => 5 ) ) );
	}

	public function test_custom_attributes_map_to_meta(): void {
		$meta = AttributeMapper::meta(
			array(
				'custom:team'    => 'Blue',
				'custom:vip'     => true,
				'custom:level'   => 3,
				'custom:list'    => array( 'x' ),
				'custom:sneaky'  => 'administrator',
			),
			array(
				'custom:team'    => 'team',
				'custom:vip'     => 'vip',
				'custom:level'   => 'level',
				'custom:list'    => 'list',
				'custom:sneaky'  => 'wp_capabilities',
				'custom:absent'  => 'absent',
			)
		);
		$this->assertSame(
			array(
				'team'  => 'Blue',
				'vip'   => 'true',
				'level' => '3',
			),
			$meta
		);
	}
}
