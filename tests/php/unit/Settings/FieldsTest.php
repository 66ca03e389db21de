<?php
/**
 * Tests of the settings table: every surface that reads it agrees with it.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Unit\Settings;

use CognitoBlocks\Settings\Config;
use CognitoBlocks\Settings\Field;
use CognitoBlocks\Settings\Fields;
use CognitoBlocks\Settings\Sanitizer;
use CognitoBlocks\Settings\Settings;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;

final class FieldsTest extends TestCase {

	/**
	 * A valid value other than the default, for every setting (a new setting needs one here).
	 */
	private const SAMPLES = array(
		'user_pool_id'             => 'eu-west-1_Sample1',
		'client_id'                => 'sampleclient1',
		'region'                   => 'eu-central-1',
		'endpoint'                 => 'https://cognito.example.test',
		'creation_policy'          => 'deny',
		'default_role'             => 'author',
		'group_role_map'           => array(
			array(
				'group' => 'staff',
				'role'  => 'editor',
			),
		),
		'sync_roles_on_login'      => true,
		'sync_demotes_admins'      => true,
		'attribute_map'            => array( 'custom:team' => 'team' ),
		'link_by_verified_email'   => false,
		'never_link_capabilities'  => array( 'edit_users', 'list_users' ),
		'profile_delete_allowed'   => true,
		'deleted_account'          => 'delete',
		'deleted_account_reassign' => 7,
		'trusted_proxies'          => array( '10.0.0.0/8', '2001:db8::1' ),
		'leeway'                   => 5,
		'max_token_age'            => 900,
		'allow_local_passwords'    => true,
		'bind_refresh_token'       => false,
		'revalidate_interval'      => 60,
		'revalidate_grace'         => 600,
		'refresh_token_days'       => 7,
		'unbound_session_hours'    => 8,
		'token_storage'            => 'local',
		'password_policy'          => array(
			'min_length'        => 12,
			'require_uppercase' => false,
			'require_lowercase' => true,
			'require_numbers'   => false,
			'require_symbols'   => false,
		),
		'keep_data_on_uninstall'   => true,
		'hosted_ui_domain'         => 'https://auth.example.com',
		'sso_providers'            => array(
			array(
				'provider' => 'Google',
				'label'    => 'Continue with Google',
			),
		),
		'hosted_ui_sign_out'       => false,
	);

	/**
	 * Setting name => the Field.
	 *
	 * @return array<string,array{Field}>
	 */
	public static function fields(): array {
		return array_map( static fn( Field $field ): array => array( $field ), Fields::all() );
	}

	#[DataProvider( 'fields' )]
	public function test_the_default_passes_its_own_sanitiser_and_schema( Field $field ): void {
		$this->assertSame( $field->default, $field->rule->clean( $field->default ), 'the sanitiser keeps the default as it is' );
		$this->assertNull( Schema::error( $field->default, $field->schema() ) );
	}

	#[DataProvider( 'fields' )]
	public function test_its_sample_is_a_clean_valid_value_other_than_the_default( Field $field ): void {
		$sample = self::SAMPLES[ $field->name ];
		$this->assertNotSame( $field->default, $sample );
		$this->assertSame( $sample, $field->rule->clean( $sample ) );
		$this->assertNull( Schema::error( $sample, $field->schema() ) );
	}

	public function test_every_setting_has_a_sample(): void {
		$this->assertSame( array_keys( Fields::all() ), array_keys( self::SAMPLES ) );
	}

	public function test_the_rest_schema_and_the_defaults_list_exactly_the_table(): void {
		$schema = Fields::schema();
		$this->assertSame( 'object', $schema['type'] );
		$this->assertFalse( $schema['additionalProperties'] );
		$this->assertSame( array_keys( Fields::all() ), array_keys( $schema['properties'] ) );
		$this->assertSame( array_keys( Fields::all() ), array_keys( Fields::defaults() ) );
		$this->assertNull( Schema::error( Fields::defaults(), $schema ) );
	}

	public function test_the_constants_keep_their_names(): void {
		$this->assertSame(
			array(
				'COGNITO_BLOCKS_USER_POOL_ID',
				'COGNITO_BLOCKS_CLIENT_ID',
				'COGNITO_BLOCKS_REGION',
				'COGNITO_BLOCKS_ENDPOINT',
				'COGNITO_BLOCKS_CREATION_POLICY',
				'COGNITO_BLOCKS_DEFAULT_ROLE',
				'COGNITO_BLOCKS_GROUP_ROLE_MAP',
				'COGNITO_BLOCKS_SYNC_ROLES_ON_LOGIN',
				'COGNITO_BLOCKS_SYNC_DEMOTES_ADMINS',
				'COGNITO_BLOCKS_ATTRIBUTE_MAP',
				'COGNITO_BLOCKS_LINK_BY_VERIFIED_EMAIL',
				'COGNITO_BLOCKS_NEVER_LINK_CAPABILITIES',
				'COGNITO_BLOCKS_PROFILE_DELETE_ALLOWED',
				'COGNITO_BLOCKS_DELETED_ACCOUNT',
				'COGNITO_BLOCKS_DELETED_ACCOUNT_REASSIGN',
				'COGNITO_BLOCKS_TRUSTED_PROXIES',
				'COGNITO_BLOCKS_LEEWAY',
				'COGNITO_BLOCKS_MAX_TOKEN_AGE',
				'COGNITO_BLOCKS_ALLOW_LOCAL_PASSWORDS',
				'COGNITO_BLOCKS_BIND_REFRESH_TOKEN',
				'COGNITO_BLOCKS_REVALIDATE_INTERVAL',
				'COGNITO_BLOCKS_REVALIDATE_GRACE',
				'COGNITO_BLOCKS_REFRESH_TOKEN_DAYS',
				'COGNITO_BLOCKS_UNBOUND_SESSION_HOURS',
				'COGNITO_BLOCKS_TOKEN_STORAGE',
				'COGNITO_BLOCKS_PASSWORD_POLICY',
				'COGNITO_BLOCKS_KEEP_DATA_ON_UNINSTALL',
				'COGNITO_BLOCKS_HOSTED_UI_DOMAIN',
				'COGNITO_BLOCKS_SSO_PROVIDERS',
				'COGNITO_BLOCKS_HOSTED_UI_SIGN_OUT',
			),
			array_values( array_map( static fn( Field $field ): string => $field->constant(), Fields::all() ) )
		);
	}

	#[DataProvider( 'fields' )]
	public function test_its_constant_pins_exactly_it( Field $field ): void {
		$sample  = self::SAMPLES[ $field->name ];
		$values  = is_array( $sample ) ? array( $sample, (string) json_encode( $sample ) ) : array( $sample );
		$stored  = Fields::defaults();
		$expects = array_replace( $stored, array( $field->name => $sample ) );
		foreach ( $values as $value ) {
			$config = Settings::resolve( $stored, static fn( string $name ): mixed => $field->constant() === $name ? $value : null );
			$this->assertSame( array( $field->name ), $config->pinned() );
			$this->assertTrue( $config->is_pinned( $field->name ) );
			$this->assertSame( $expects, $config->all(), 'only the pinned setting changes' );
			$this->assertSame( $sample, $config->all()[ $field->name ] );
		}
	}

	/**
	 * Values no setting accepts as they are.
	 *
	 * @return array<string,array{mixed}>
	 */
	public static function garbage(): array {
		return array(
			'null'          => array( null ),
			'object'        => array( new \stdClass() ),
			'float'         => array( 1.5 ),
			'NaN'           => array( NAN ),
			'infinity'      => array( -INF ),
			'largest int'   => array( PHP_INT_MAX ),
			'smallest int'  => array( PHP_INT_MIN ),
			'control chars' => array( "\0<!>" ),
			'long string'   => array( str_repeat( '!', 100000 ) ),
			'nested junk'   => array( array( array( array() ) ) ),
			'junk map'      => array(
				array(
					'x' => new \stdClass(),
					5   => array( array() ),
				),
			),
		);
	}

	#[DataProvider( 'garbage' )]
	public function test_garbage_gives_each_setting_its_default_or_a_clamped_number( mixed $garbage ): void {
		$clean = Sanitizer::sanitize( array_fill_keys( array_keys( Fields::all() ), $garbage ) );
		foreach ( Fields::all() as $name => $field ) {
			$schema   = $field->schema();
			$expected = is_int( $garbage ) && 'integer' === $schema['type']
				? max( $schema['minimum'], min( $schema['maximum'], $garbage ) )
				: $field->default;
			$this->assertSame( $expected, $clean[ $name ], $name );
			$this->assertSame( $expected, $field->sanitize( $garbage ), $name );
			$this->assertNull( Schema::error( $clean[ $name ], $schema ), $name );
		}
	}

	public function test_garbage_inside_the_password_policy_is_clamped_or_the_rules_default(): void {
		$this->assertSame(
			array( 'min_length' => 99 ) + Fields::DEFAULT_PASSWORD_POLICY,
			Fields::get( 'password_policy' )?->sanitize(
				array(
					'min_length'      => PHP_INT_MAX,
					'require_symbols' => NAN,
					'surprise'        => new \stdClass(),
				)
			)
		);
	}

	/**
	 * Text a person might type into each text and URL setting, and whether the sanitiser keeps it.
	 *
	 * @return array<string,array{string,string,bool}>
	 */
	public static function typed_text(): array {
		return array(
			'pool id'                 => array( 'user_pool_id', 'eu-west-1_AbC123', true ),
			'pool id without region'  => array( 'user_pool_id', 'AbC123', false ),
			'pool id with a space'    => array( 'user_pool_id', 'eu-west-1_AbC 123', false ),
			'client id'               => array( 'client_id', '1example23456789', true ),
			'client id with a dash'   => array( 'client_id', 'abc-def', false ),
			'region'                  => array( 'region', 'us-east-1', true ),
			'region in capitals'      => array( 'region', 'US-EAST-1', false ),
			'endpoint'                => array( 'endpoint', 'http://127.0.0.1:9229', true ),
			'endpoint with a path'    => array( 'endpoint', 'https://cognito.example.test/pool', true ),
			'endpoint without scheme' => array( 'endpoint', 'cognito.example.test', false ),
			'endpoint over ftp'       => array( 'endpoint', 'ftp://cognito.example.test', false ),
			'endpoint with a query'   => array( 'endpoint', 'https://cognito.example.test/?a=1', false ),
			'endpoint with a login'   => array( 'endpoint', 'https://me@cognito.example.test', false ),
			'empty pool id'           => array( 'user_pool_id', '', true ),
			'empty endpoint'          => array( 'endpoint', '', true ),
		);
	}

	/**
	 * The REST schema refuses what the sanitiser would drop, so a mistyped value gets a message instead of
	 * silently becoming the default.
	 */
	#[DataProvider( 'typed_text' )]
	public function test_the_schema_refuses_exactly_the_text_the_sanitiser_drops( string $name, string $typed, bool $kept ): void {
		$field = Fields::get( $name );
		$this->assertNotNull( $field );
		$this->assertSame( $kept, $typed === $field->sanitize( $typed ) || ( '' === $typed && '' === $field->sanitize( $typed ) ) );
		$this->assertSame( $kept, null === Schema::error( $typed, $field->schema() ) );
	}

	public function test_every_setting_sits_in_a_section_and_every_choice_has_its_labels(): void {
		$sections = Fields::sections();
		foreach ( Fields::all() as $name => $field ) {
			$this->assertArrayHasKey( $field->section, $sections, $name );
			$labels = $field->choices();
			if ( 'choice' === $field->rule->kind ) {
				$this->assertSame( $field->schema()['enum'], array_keys( $labels ), $name . ': one label per value, in order' );
			} else {
				$this->assertSame( array(), $labels, $name );
			}
		}
		$used = array_unique( array_map( static fn( Field $field ): string => $field->section, array_values( Fields::all() ) ) );
		$this->assertEqualsCanonicalizing( array_keys( $sections ), $used, 'no empty section' );
	}

	public function test_the_browser_sees_exactly_the_public_settings(): void {
		$browser = array_filter( Fields::all(), static fn( Field $field ): bool => null !== $field->browser );
		$this->assertSame( array( 'user_pool_id', 'client_id', 'region', 'endpoint', 'bind_refresh_token', 'token_storage', 'password_policy' ), array_keys( $browser ) );

		$config = new Config( self::SAMPLES );
		$client = $config->client_config();
		$this->assertSame( array( 'userPoolId', 'clientId', 'region', 'endpoint', 'bindRefreshToken', 'tokenStorage', 'passwordPolicy' ), array_keys( $client ) );
		foreach ( $browser as $name => $field ) {
			$this->assertSame( $config->{$name}(), $client[ $field->browser ], $name );
		}

		// No other setting reaches the browser, not even through a derived value.
		$only_public = new Config( array_intersect_key( self::SAMPLES, $browser ) );
		$this->assertSame( $client, $only_public->client_config() );
	}

	#[DataProvider( 'fields' )]
	public function test_config_has_a_typed_accessor_for_it( Field $field ): void {
		$this->assertTrue( method_exists( Config::class, $field->name ), 'Config::' . $field->name . '()' );
		$method = new \ReflectionMethod( Config::class, $field->name );
		$this->assertTrue( $method->isPublic() );
		$this->assertSame( 0, $method->getNumberOfParameters() );
		$this->assertNotNull( $method->getReturnType() );
	}

	public function test_config_cannot_change_once_built(): void {
		foreach ( ( new \ReflectionClass( Config::class ) )->getProperties() as $property ) {
			$this->assertTrue( $property->isReadOnly(), $property->getName() );
		}
	}
}
