<?php
/**
 * The settings fields: names, defaults and the REST schema.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Settings;

/**
 * Declares every field of the `cognito_blocks_settings` option. Pure data, no WordPress calls.
 */
final class Fields {

	public const CREATION_POLICIES = array( 'create', 'link', 'deny' );

	public const TOKEN_STORAGES = array( 'memory', 'session', 'local' );

	/**
	 * Cognito's default password policy for a new user pool: what the sign-up and new-password checklists show
	 * unless the site copies its pool's own policy into the `password_policy` setting.
	 */
	public const DEFAULT_PASSWORD_POLICY = array(
		'min_length'        => 8,
		'require_uppercase' => true,
		'require_lowercase' => true,
		'require_numbers'   => true,
		'require_symbols'   => true,
	);

	/**
	 * The lengths Cognito accepts for a pool's minimum password length.
	 */
	public const PASSWORD_MIN_LENGTH = 6;
	public const PASSWORD_MAX_LENGTH = 99;

	/**
	 * Default value of every field; also the list of known fields.
	 *
	 * @return array<string,mixed>
	 */
	public static function defaults(): array {
		return array(
			'user_pool_id'           => '',
			'client_id'              => '',
			'region'                 => '',
			'endpoint'               => '',
			'creation_policy'        => 'create',
			'default_role'           => 'subscriber',
			'group_role_map'         => array(),
			'sync_roles_on_login'    => false,
			'sync_demotes_admins'    => false,
			'attribute_map'          => array(),
			'link_by_verified_email' => true,
			'leeway'                 => 60,
			'max_token_age'          => 600,
			'allow_local_passwords'  => false,
			'token_storage'          => 'session',
			'password_policy'        => self::DEFAULT_PASSWORD_POLICY,
		);
	}

	/**
	 * Name of the wp-config.php constant that pins a field, e.g. COGNITO_BLOCKS_USER_POOL_ID.
	 *
	 * @param string $field Field name from defaults().
	 */
	public static function constant_name( string $field ): string {
		return 'COGNITO_BLOCKS_' . strtoupper( $field );
	}

	/**
	 * JSON schema of the whole option, used by register_setting() for the REST settings endpoint.
	 *
	 * @return array<string,mixed>
	 */
	public static function schema(): array {
		$string = array( 'type' => 'string' );
		$bool   = array( 'type' => 'boolean' );
		return array(
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'user_pool_id'           => $string,
				'client_id'              => $string,
				'region'                 => $string,
				'endpoint'               => $string,
				'creation_policy'        => array(
					'type' => 'string',
					'enum' => self::CREATION_POLICIES,
				),
				'default_role'           => $string,
				'group_role_map'         => array(
					'type'  => 'array',
					'items' => array(
						'type'                 => 'object',
						'additionalProperties' => false,
						'properties'           => array(
							'group' => $string,
							'role'  => $string,
						),
					),
				),
				'sync_roles_on_login'    => $bool,
				'sync_demotes_admins'    => $bool,
				'attribute_map'          => array(
					'type'                 => 'object',
					'additionalProperties' => $string,
				),
				'link_by_verified_email' => $bool,
				'leeway'                 => array(
					'type'    => 'integer',
					'minimum' => 0,
					'maximum' => Sanitizer::MAX_LEEWAY,
				),
				'max_token_age'          => array(
					'type'    => 'integer',
					'minimum' => Sanitizer::MIN_TOKEN_AGE,
					'maximum' => Sanitizer::MAX_TOKEN_AGE,
				),
				'allow_local_passwords'  => $bool,
				'token_storage'          => array(
					'type' => 'string',
					'enum' => self::TOKEN_STORAGES,
				),
				'password_policy'        => array(
					'type'                 => 'object',
					'additionalProperties' => false,
					'properties'           => array(
						'min_length'        => array(
							'type'    => 'integer',
							'minimum' => self::PASSWORD_MIN_LENGTH,
							'maximum' => self::PASSWORD_MAX_LENGTH,
						),
						'require_uppercase' => $bool,
						'require_lowercase' => $bool,
						'require_numbers'   => $bool,
						'require_symbols'   => $bool,
					),
				),
			),
		);
	}
}
