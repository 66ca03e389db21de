<?php
/**
 * Tests of settings sanitising, constant pinning and derived values.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Unit\Settings;

use CognitoBlocks\Settings\Config;
use CognitoBlocks\Settings\Fields;
use CognitoBlocks\Settings\Sanitizer;
use CognitoBlocks\Settings\Settings;
use PHPUnit\Framework\TestCase;

final class SettingsTest extends TestCase {

	public function test_non_arrays_give_the_defaults(): void {
		$this->assertSame( Fields::defaults(), Sanitizer::sanitize( 'junk' ) );
		$this->assertSame( Fields::defaults(), Sanitizer::sanitize( null ) );
	}

	public function test_defaults_are_safe(): void {
		$defaults = Fields::defaults();
		$this->assertSame( 'follow', $defaults['creation_policy'] );
		$this->assertFalse( $defaults['keep_data_on_uninstall'] );
		$this->assertSame( 'subscriber', $defaults['default_role'] );
		$this->assertTrue( $defaults['link_by_verified_email'] );
		$this->assertFalse( $defaults['allow_local_passwords'] );
		$this->assertFalse( $defaults['sync_demotes_admins'] );
		$this->assertSame( 60, $defaults['leeway'] );
		$this->assertSame( 600, $defaults['max_token_age'] );
		$this->assertSame( 'session', $defaults['token_storage'] );
	}

	public function test_the_default_creation_policy_follows_anyone_can_register(): void {
		$follow = new Config( array() );
		$this->assertSame( 'create', $follow->effective_creation_policy( true ) );
		$this->assertSame( 'link', $follow->effective_creation_policy( false ), 'closed: existing accounts may still be linked, none created' );
		foreach ( array( 'create', 'link', 'deny' ) as $explicit ) {
			$config = new Config( array( 'creation_policy' => $explicit ) );
			$this->assertSame( $explicit, $config->effective_creation_policy( false ), $explicit . ' overrides WordPress' );
			$this->assertSame( $explicit, $config->effective_creation_policy( true ), $explicit . ' overrides WordPress' );
		}
	}

	public function test_valid_values_are_kept(): void {
		$clean = Sanitizer::sanitize(
			array(
				'user_pool_id'    => ' eu-west-1_AbC123 ',
				'client_id'       => 'abc123def',
				'endpoint'        => 'http://127.0.0.1:9229/',
				'creation_policy' => 'link',
				'default_role'    => 'Author',
				'leeway'          => '30',
				'token_storage'   => 'memory',
				'sync_roles_on_login' => 'true',
			)
		);
		$this->assertSame( 'eu-west-1_AbC123', $clean['user_pool_id'] );
		$this->assertSame( 'abc123def', $clean['client_id'] );
		$this->assertSame( 'http://127.0.0.1:9229', $clean['endpoint'] );
		$this->assertSame( 'link', $clean['creation_policy'] );
		$this->assertSame( 'author', $clean['default_role'] );
		$this->assertSame( 30, $clean['leeway'] );
		$this->assertSame( 'memory', $clean['token_storage'] );
		$this->assertTrue( $clean['sync_roles_on_login'] );
	}

	public function test_invalid_values_fall_back_to_defaults(): void {
		$clean = Sanitizer::sanitize(
			array(
				'user_pool_id'    => 'not a pool',
				'client_id'       => array( 'x' ),
				'region'          => 'mars',
				'endpoint'        => 'javascript:alert(1)',
				'creation_policy' => 'everyone',
				'default_role'    => '!!!',
				'leeway'          => 'soon',
				'max_token_age'   => 1.5,
				'token_storage'   => 'cookie',
				'link_by_verified_email' => 'maybe',
				'unknown_field'   => 'x',
			)
		);
		$expected = Fields::defaults();
		$this->assertSame( $expected, $clean );
	}

	public function test_endpoints_with_credentials_query_or_fragment_are_refused(): void {
		foreach ( array( 'https://user:pw@example.com', 'https://example.com/?a=1', 'https://example.com/#x', 'ftp://example.com', '//example.com' ) as $url ) {
			$this->assertNull( Sanitizer::endpoint( $url ), $url );
		}
	}

	public function test_numbers_are_clamped(): void {
		$this->assertSame( 300, Fields::get( 'leeway' )?->sanitize( 100000 ) );
		$this->assertSame( 0, Fields::get( 'leeway' )?->sanitize( -5 ) );
		$this->assertSame( 30, Fields::get( 'max_token_age' )?->sanitize( 1 ) );
		$this->assertSame( 86400, Fields::get( 'max_token_age' )?->sanitize( '999999999' ) );
		$this->assertSame( 60, Fields::get( 'leeway' )?->sanitize( '99999999999' ), 'more digits than an int surely holds: invalid, not clamped' );
	}

	public function test_group_role_map_keeps_order_and_drops_junk(): void {
		$map = Sanitizer::group_role_map(
			array(
				array(
					'group' => 'Editors',
					'role'  => 'Editor',
				),
				array( 'group' => 'no-role' ),
				'junk',
				array(
					'group' => 'admins',
					'role'  => 'administrator',
				),
			)
		);
		$this->assertSame(
			array(
				array(
					'group' => 'Editors',
					'role'  => 'editor',
				),
				array(
					'group' => 'admins',
					'role'  => 'administrator',
				),
			),
			$map
		);
		$this->assertSame( array( array( 'group' => 'g', 'role' => 'author' ) ), Sanitizer::group_role_map( array( 'g' => 'author' ) ) );
	}

	public function test_attribute_map_refuses_protected_meta_keys(): void {
		$map = Sanitizer::attribute_map(
			array(
				'custom:team'      => 'team',
				'custom:role'      => 'wp_capabilities',
				'custom:level'     => 'wp_user_level',
				'custom:sessions'  => 'session_tokens',
				'custom:identity'  => 'cognito_blocks_identity',
				'bad attribute!'   => 'x',
				'custom:Phone'     => 'Phone_Number',
			)
		);
		$this->assertSame(
			array(
				'custom:team'  => 'team',
				'custom:Phone' => 'phone_number',
			),
			$map
		);
	}

	public function test_region_is_derived_from_the_pool_id(): void {
		$config = new Config(
			array(
				'user_pool_id' => 'ap-southeast-2_XyZ',
				'client_id'    => 'c1',
			)
		);
		$this->assertSame( 'ap-southeast-2', $config->region() );
		$this->assertSame( 'https://cognito-idp.ap-southeast-2.amazonaws.com/ap-southeast-2_XyZ', $config->issuer() );
		$this->assertSame( 'https://cognito-idp.ap-southeast-2.amazonaws.com/ap-southeast-2_XyZ/.well-known/jwks.json', $config->jwks_url() );
	}

	public function test_an_explicit_region_wins(): void {
		$config = new Config(
			array(
				'user_pool_id' => 'us-east-1_Abc',
				'client_id'    => 'c1',
				'region'       => 'eu-central-1',
			)
		);
		$this->assertSame( 'https://cognito-idp.eu-central-1.amazonaws.com/us-east-1_Abc', $config->issuer() );
	}

	public function test_endpoint_override_changes_the_issuer(): void {
		$config = new Config(
			array(
				'user_pool_id' => 'us-east-1_Abc',
				'client_id'    => 'c1',
				'endpoint'     => 'http://127.0.0.1:9229/',
			)
		);
		$this->assertSame( 'http://127.0.0.1:9229/us-east-1_Abc', $config->issuer() );
		$client = array_diff_key( $config->client_config(), array( 'passwordPolicy' => true ) );
		ksort( $client );
		$this->assertSame(
			array(
				'bindRefreshToken' => true,
				'clientId'         => 'c1',
				'endpoint'         => 'http://127.0.0.1:9229',
				'region'           => 'us-east-1',
				'tokenStorage'     => 'session',
				'userPoolId'       => 'us-east-1_Abc',
			),
			$client
		);
	}

	public function test_unconfigured_has_no_issuer(): void {
		$config = new Config( array( 'user_pool_id' => 'us-east-1_Abc' ) );
		$this->assertFalse( $config->is_configured() );
		$this->assertSame( '', $config->issuer() );
		$this->assertSame( '', $config->jwks_url() );
		$this->assertNull( $config->client_config()['endpoint'] );
	}

	public function test_constants_pin_fields_over_stored_values(): void {
		$constants = array(
			'COGNITO_BLOCKS_CLIENT_ID'      => 'pinnedclient1',
			'COGNITO_BLOCKS_GROUP_ROLE_MAP' => '[{"group":"staff","role":"editor"}]',
			'COGNITO_BLOCKS_LEEWAY'         => 5,
		);
		$config    = Settings::resolve(
			array(
				'user_pool_id' => 'eu-west-1_Pool',
				'client_id'    => 'storedclient1',
				'leeway'       => 120,
			),
			static fn( string $name ) => $constants[ $name ] ?? null
		);

		$this->assertSame( 'pinnedclient1', $config->client_id() );
		$this->assertSame( 5, $config->leeway() );
		$this->assertSame(
			array(
				array(
					'group' => 'staff',
					'role'  => 'editor',
				),
			),
			$config->group_role_map()
		);
		$this->assertSame( array( 'client_id', 'group_role_map', 'leeway' ), $config->pinned() );
		$this->assertTrue( $config->is_pinned( 'leeway' ) );
		$this->assertFalse( $config->is_pinned( 'user_pool_id' ) );
		$this->assertSame( 'eu-west-1_Pool', $config->user_pool_id() );
	}

	public function test_an_invalid_pinned_value_is_the_default_not_the_stored_one(): void {
		$config = Settings::resolve(
			array( 'creation_policy' => 'create' ),
			static fn( string $name ) => 'COGNITO_BLOCKS_CREATION_POLICY' === $name ? 'deny' : null
		);
		$this->assertSame( 'deny', $config->creation_policy() );

		$config = Settings::resolve(
			array( 'default_role' => 'editor' ),
			static fn( string $name ) => 'COGNITO_BLOCKS_DEFAULT_ROLE' === $name ? '***' : null
		);
		$this->assertSame( 'subscriber', $config->default_role() );
		$this->assertTrue( $config->is_pinned( 'default_role' ) );
	}

	public function test_password_policy_defaults_to_cognitos_and_reaches_the_browser_in_its_names(): void {
		$this->assertSame(
			array(
				'minLength'        => 8,
				'requireUppercase' => true,
				'requireLowercase' => true,
				'requireNumbers'   => true,
				'requireSymbols'   => true,
			),
			( new Config( array() ) )->client_config()['passwordPolicy']
		);
	}

	public function test_password_policy_rules_are_sanitised_one_by_one(): void {
		$clean = Sanitizer::sanitize(
			array(
				'password_policy' => array(
					'min_length'        => '12',
					'require_symbols'   => 'false',
					'require_numbers'   => 'maybe',
					'require_uppercase' => 0,
					'surprise'          => true,
				),
			)
		);
		$this->assertSame(
			array(
				'min_length'        => 12,
				'require_uppercase' => false,
				'require_lowercase' => true,
				'require_numbers'   => true,
				'require_symbols'   => false,
			),
			$clean['password_policy'],
			'valid rules kept, an invalid one back to its default, unknown keys dropped'
		);

		// Cognito accepts 6 to 99 characters; a policy outside that is clamped, not shown as unsatisfiable.
		$this->assertSame( 6, Sanitizer::sanitize( array( 'password_policy' => array( 'min_length' => 2 ) ) )['password_policy']['min_length'] );
		$this->assertSame( 99, Sanitizer::sanitize( array( 'password_policy' => array( 'min_length' => 500 ) ) )['password_policy']['min_length'] );
		$this->assertSame( Fields::DEFAULT_PASSWORD_POLICY, Sanitizer::sanitize( array( 'password_policy' => 'strong' ) )['password_policy'] );
	}

	public function test_password_policy_can_be_pinned_as_json(): void {
		$config = Settings::resolve(
			array(),
			static fn( string $name ) => 'COGNITO_BLOCKS_PASSWORD_POLICY' === $name ? '{"min_length":10,"require_symbols":false}' : null
		);
		$policy = $config->client_config()['passwordPolicy'];
		$this->assertSame( 10, $policy['minLength'] );
		$this->assertFalse( $policy['requireSymbols'] );
		$this->assertTrue( $policy['requireNumbers'] );
		$this->assertTrue( $config->is_pinned( 'password_policy' ) );
	}

	public function test_never_link_capabilities_are_sanitize_key_names_from_a_list_or_a_string(): void {
		$this->assertSame( array( 'manage_options', 'edit_users', 'promote_users', 'unfiltered_html' ), Settings::resolve( array(), static fn() => null )->never_link_capabilities() );
		$this->assertSame( array( 'edit_users', 'my-cap_2' ), Sanitizer::key_list( array( ' Edit_Users ', 'my-cap_2', '', 'edit_users' ) ) );
		$this->assertSame( array( 'edit_users', 'list_users' ), Sanitizer::key_list( "edit_users, list_users\nedit_users" ) );
		$this->assertSame( array(), Sanitizer::key_list( array() ), 'an empty list is a valid choice' );
		foreach ( array( array( 'edit_users', 5 ), array( '!!!' ), array( array( 'edit_users' ) ), array( str_repeat( 'a', 65 ) ), array_fill( 0, 101, 'a' ), 7, null ) as $invalid ) {
			$this->assertNull( Sanitizer::key_list( $invalid ), var_export( $invalid, true ) );
		}
		$this->assertSame( Fields::DEFAULT_NEVER_LINK_CAPABILITIES, Sanitizer::sanitize( array( 'never_link_capabilities' => array( 'edit_users', '<>!' ) ) )['never_link_capabilities'] );
	}

	public function test_never_link_capabilities_can_be_pinned_as_json_or_a_comma_separated_string(): void {
		foreach ( array( '["edit_users","list_users"]', 'edit_users, list_users' ) as $constant ) {
			$config = Settings::resolve( array(), static fn( string $name ) => 'COGNITO_BLOCKS_NEVER_LINK_CAPABILITIES' === $name ? $constant : null );
			$this->assertSame( array( 'edit_users', 'list_users' ), $config->never_link_capabilities(), $constant );
			$this->assertTrue( $config->is_pinned( 'never_link_capabilities' ) );
		}
	}
}
