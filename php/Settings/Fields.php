<?php
/**
 * The settings table.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Settings;

/**
 * The one declaration of every setting in the `cognito_blocks_settings` option. Defaults, the REST schema, the
 * sanitiser, wp-config.php constants, the browser's configuration and uninstall all read this table; Config has
 * one typed accessor per entry (a test holds the two together).
 */
final class Fields {

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
	 * Capabilities that keep an existing account from being linked by email: administrators, whoever can edit or
	 * promote users, and whoever may publish unfiltered HTML (editors on a single site), since taking over any of
	 * them is taking over the site.
	 */
	public const DEFAULT_NEVER_LINK_CAPABILITIES = array( 'manage_options', 'edit_users', 'promote_users', 'unfiltered_html' );

	/**
	 * The largest user ID a setting takes: what a signed 32-bit integer holds, safe in any browser's numbers.
	 */
	public const MAX_USER_ID = 2147483647;

	/**
	 * The table, once built.
	 *
	 * @var array<string,Field>|null
	 */
	private static ?array $all = null;

	/**
	 * The settings page's sections, in order: key => translated title.
	 *
	 * @return array<string,string>
	 */
	public static function sections(): array {
		return array(
			'connection' => __( 'Connection', 'cognito-blocks' ),
			'accounts'   => __( 'Accounts', 'cognito-blocks' ),
			'roles'      => __( 'Roles from groups', 'cognito-blocks' ),
			'attributes' => __( 'Attributes', 'cognito-blocks' ),
			'passwords'  => __( 'Password rules', 'cognito-blocks' ),
			'login'      => __( 'wp-login.php', 'cognito-blocks' ),
			'sso'        => __( 'Single sign-on', 'cognito-blocks' ),
			'sessions'   => __( 'Tokens and sessions', 'cognito-blocks' ),
			'data'       => __( 'Data', 'cognito-blocks' ),
		);
	}

	/**
	 * Every setting by name, in the order a settings screen shows them.
	 *
	 * @return array<string,Field>
	 */
	public static function all(): array {
		if ( null === self::$all ) {
			self::$all = array();
			foreach ( self::declared() as $field ) {
				self::$all[ $field->name ] = $field;
			}
		}
		return self::$all;
	}

	/**
	 * One setting; null for a name the table does not hold.
	 *
	 * @param string $name Setting name.
	 */
	public static function get( string $name ): ?Field {
		return self::all()[ $name ] ?? null;
	}

	/**
	 * Default value of every setting.
	 *
	 * @return array<string,mixed>
	 */
	public static function defaults(): array {
		return array_map( static fn( Field $field ): mixed => $field->default, self::all() );
	}

	/**
	 * JSON schema of the whole option, used by register_setting() for the REST settings endpoint.
	 *
	 * @return array<string,mixed>
	 */
	public static function schema(): array {
		return array(
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array_map( static fn( Field $field ): array => $field->schema(), self::all() ),
		);
	}

	/**
	 * The table.
	 *
	 * @return list<Field>
	 */
	private static function declared(): array {
		return array_merge( self::connection_and_accounts(), SsoFields::declared() );
	}

	/**
	 * The table, but for single sign-on (SsoFields).
	 *
	 * @return list<Field>
	 */
	private static function connection_and_accounts(): array {
		return array(
			new Field(
				name: 'user_pool_id',
				default: '',
				rule: Rule::text( '/^[a-z]{2}(?:-[a-z]+)+-\d+_[0-9A-Za-z]+$/', 55 ),
				label: static fn() => __( 'User pool ID', 'cognito-blocks' ),
				help: static fn() => __( 'The ID of your Amazon Cognito user pool, such as eu-west-1_AbC123.', 'cognito-blocks' ),
				browser: 'userPoolId',
				section: 'connection'
			),
			new Field(
				name: 'client_id',
				default: '',
				rule: Rule::text( '/^[\w+]+$/', 128 ),
				label: static fn() => __( 'App client ID', 'cognito-blocks' ),
				help: static fn() => __( 'An app client of the pool without a client secret: a browser cannot keep one.', 'cognito-blocks' ),
				browser: 'clientId',
				section: 'connection'
			),
			new Field(
				name: 'region',
				default: '',
				rule: Rule::text( '/^[a-z]{2}(?:-[a-z]+)+-\d+$/', 32 ),
				label: static fn() => __( 'Region', 'cognito-blocks' ),
				help: static fn() => __( 'The AWS region of the pool, such as eu-west-1. Leave empty to take it from the user pool ID.', 'cognito-blocks' ),
				browser: 'region',
				section: 'connection'
			),
			new Field(
				name: 'endpoint',
				default: '',
				rule: Rule::url(),
				label: static fn() => __( 'Endpoint override', 'cognito-blocks' ),
				help: static fn() => __( 'Another address of the Cognito API, for a local emulator or a private endpoint. Leave empty to use Amazon Cognito.', 'cognito-blocks' ),
				browser: 'endpoint',
				section: 'connection'
			),
			new Field(
				name: 'creation_policy',
				default: 'follow',
				rule: Rule::choice( array( 'follow', 'create', 'link', 'deny' ) ),
				label: static fn() => __( 'New members', 'cognito-blocks' ),
				help: static fn() => __( 'When a pool account without a WordPress account signs in: follow WordPress\'s "Anyone can register" (create an account when it is on, else only link an existing one), always create one, only link an existing account, or refuse.', 'cognito-blocks' ),
				section: 'accounts',
				choices: static fn() => array(
					'follow' => __( 'Follow "Anyone can register" (Settings › General)', 'cognito-blocks' ),
					'create' => __( 'Always create a WordPress account', 'cognito-blocks' ),
					'link'   => __( 'Only link an existing account', 'cognito-blocks' ),
					'deny'   => __( 'Refuse the sign-in', 'cognito-blocks' ),
				)
			),
			new Field(
				name: 'default_role',
				default: 'subscriber',
				rule: Rule::role(),
				label: static fn() => __( 'Default role', 'cognito-blocks' ),
				help: static fn() => __( 'The role of accounts created at first sign-in, unless one of their groups maps to another.', 'cognito-blocks' ),
				section: 'accounts'
			),
			new Field(
				name: 'group_role_map',
				default: array(),
				rule: Rule::group_role_map(),
				label: static fn() => __( 'Roles by group', 'cognito-blocks' ),
				help: static fn() => __( 'Cognito groups and the WordPress role each gives. A member of several groups gets the role of the first.', 'cognito-blocks' ),
				section: 'roles'
			),
			new Field(
				name: 'sync_roles_on_login',
				default: false,
				rule: Rule::boolean(),
				label: static fn() => __( 'Update roles at every sign-in', 'cognito-blocks' ),
				help: static fn() => __( 'Set the role from the groups each time a member signs in, not only when the account is created.', 'cognito-blocks' ),
				section: 'roles'
			),
			new Field(
				name: 'sync_demotes_admins',
				default: false,
				rule: Rule::boolean(),
				label: static fn() => __( 'Group changes may demote administrators', 'cognito-blocks' ),
				help: static fn() => __( 'Without this, updating roles never takes the administrator role away.', 'cognito-blocks' ),
				section: 'roles'
			),
			new Field(
				name: 'attribute_map',
				default: array(),
				rule: Rule::attribute_map(),
				label: static fn() => __( 'Attributes to copy', 'cognito-blocks' ),
				help: static fn() => __( 'Cognito attributes and the user meta key each is copied to at sign-in. Keys that grant capabilities are refused.', 'cognito-blocks' ),
				section: 'attributes'
			),
			new Field(
				name: 'link_by_verified_email',
				default: true,
				rule: Rule::boolean(),
				label: static fn() => __( 'Link existing accounts by verified email', 'cognito-blocks' ),
				help: static fn() => __( 'Connect a pool account to the WordPress account with the same email once Cognito has verified it. Administrators are never linked automatically.', 'cognito-blocks' ),
				section: 'accounts'
			),
			new Field(
				name: 'never_link_capabilities',
				default: self::DEFAULT_NEVER_LINK_CAPABILITIES,
				rule: Rule::key_list(),
				label: static fn() => __( 'Never link accounts with these capabilities', 'cognito-blocks' ),
				help: static fn() => __( 'Capability names, separated by commas. An existing account that has any of them is never linked to a pool account by email; an administrator links it by hand. Administrators (manage_options) and, on a network, super admins are never linked automatically, whatever this list says.', 'cognito-blocks' ),
				section: 'accounts'
			),
			new Field(
				name: 'profile_delete_allowed',
				default: false,
				rule: Rule::boolean(),
				label: static fn() => __( 'Let people delete their account from the profile form', 'cognito-blocks' ),
				help: static fn() => __( 'Shows a Delete account button on the profile form. People confirm by signing in again; administrators, and anyone holding a capability from "Never link accounts with these capabilities", cannot delete their account this way.', 'cognito-blocks' ),
				section: 'accounts'
			),
			new Field(
				name: 'deleted_account',
				default: 'unlink',
				rule: Rule::choice( array( 'unlink', 'delete' ) ),
				label: static fn() => __( 'When someone deletes their account', 'cognito-blocks' ),
				help: static fn() => __( 'Keep the WordPress account and only remove its connection to the user pool, or delete the WordPress account. On a network, deleting removes the account from this site only.', 'cognito-blocks' ),
				section: 'accounts',
				choices: static fn() => array(
					'unlink' => __( 'Keep the WordPress account, remove its connection', 'cognito-blocks' ),
					'delete' => __( 'Delete the WordPress account', 'cognito-blocks' ),
				)
			),
			new Field(
				name: 'deleted_account_reassign',
				default: 0,
				rule: Rule::integer( 0, self::MAX_USER_ID ),
				label: static fn() => __( 'Give a deleted account\'s content to (user ID)', 'cognito-blocks' ),
				help: static fn() => __( 'The ID of the WordPress account that receives the posts and links of an account deleted from the profile form. With 0, or an ID that is not an account of this site, an account that has content is not deleted (the person is asked to contact the site); one without content is.', 'cognito-blocks' ),
				section: 'accounts'
			),
			new Field(
				name: 'trusted_proxies',
				default: array(),
				rule: Rule::address_list(),
				label: static fn() => __( 'Trusted proxies', 'cognito-blocks' ),
				help: static fn() => __( 'Addresses or ranges (CIDR) of your own reverse proxies or load balancers, separated by commas. Only for connections from these is the visitor\'s address read from X-Forwarded-For; leave empty when visitors reach this server directly.', 'cognito-blocks' ),
				section: 'sessions'
			),
			new Field(
				name: 'leeway',
				default: 60,
				rule: Rule::integer( 0, 300 ),
				label: static fn() => __( 'Clock leeway (seconds)', 'cognito-blocks' ),
				help: static fn() => __( 'How far the clocks of this server and Cognito may differ when the times in a token are checked.', 'cognito-blocks' ),
				section: 'sessions'
			),
			new Field(
				name: 'max_token_age',
				default: 600,
				rule: Rule::integer( 30, 86400 ),
				label: static fn() => __( 'Maximum sign-in age (seconds)', 'cognito-blocks' ),
				help: static fn() => __( 'How long after the member authenticated with Cognito a token may still open a WordPress session.', 'cognito-blocks' ),
				section: 'sessions'
			),
			new Field(
				name: 'allow_local_passwords',
				default: false,
				rule: Rule::boolean(),
				label: static fn() => __( 'Allow WordPress passwords for members', 'cognito-blocks' ),
				help: static fn() => __( 'Break-glass: accounts linked to Cognito may also sign in with their WordPress password.', 'cognito-blocks' ),
				section: 'login'
			),
			new Field(
				name: 'bind_refresh_token',
				default: true,
				rule: Rule::boolean(),
				label: static fn() => __( 'Tie WordPress sessions to Cognito', 'cognito-blocks' ),
				help: static fn() => __( 'The browser hands WordPress the Cognito refresh token at sign-in; the server keeps it encrypted in that session and asks Cognito now and then whether it still holds, so a user disabled, deleted or signed out everywhere in Cognito is signed out here too. Off: sessions last at most the maximum below.', 'cognito-blocks' ),
				browser: 'bindRefreshToken',
				section: 'sessions'
			),
			new Field(
				name: 'revalidate_interval',
				default: 900,
				rule: Rule::integer( 0, 86400 ),
				label: static fn() => __( 'Check sessions with Cognito every (seconds)', 'cognito-blocks' ),
				help: static fn() => __( 'At most this often per session, on a signed-in request. 900 is 15 minutes; 0 turns the checks off.', 'cognito-blocks' ),
				section: 'sessions'
			),
			new Field(
				name: 'revalidate_grace',
				default: 3600,
				rule: Rule::integer( 0, 604800 ),
				label: static fn() => __( 'Keep sessions while Cognito is unreachable for (seconds)', 'cognito-blocks' ),
				help: static fn() => __( 'If Cognito cannot be asked, sessions continue this long and then end. 3600 is one hour.', 'cognito-blocks' ),
				section: 'sessions'
			),
			new Field(
				name: 'refresh_token_days',
				default: 30,
				rule: Rule::integer( 1, 3650 ),
				label: static fn() => __( 'Refresh token validity (days)', 'cognito-blocks' ),
				help: static fn() => __( 'As set on the app client. No WordPress session outlives it, whatever "Remember me" says.', 'cognito-blocks' ),
				section: 'sessions'
			),
			new Field(
				name: 'unbound_session_hours',
				default: 24,
				rule: Rule::integer( 1, 8760 ),
				label: static fn() => __( 'Longest session without a refresh token (hours)', 'cognito-blocks' ),
				help: static fn() => __( 'Counted from the Cognito sign-in, for sessions the browser handed no refresh token.', 'cognito-blocks' ),
				section: 'sessions'
			),
			new Field(
				name: 'token_storage',
				default: 'session',
				rule: Rule::choice( array( 'memory', 'session', 'local' ) ),
				label: static fn() => __( 'Token storage', 'cognito-blocks' ),
				help: static fn() => __( 'Where the browser keeps the Cognito tokens: in memory (this page only), in the tab\'s session storage, or in local storage.', 'cognito-blocks' ),
				browser: 'tokenStorage',
				section: 'sessions',
				choices: static fn() => array(
					'memory'  => __( 'Memory (this page only)', 'cognito-blocks' ),
					'session' => __( 'Session storage (this tab)', 'cognito-blocks' ),
					'local'   => __( 'Local storage (every tab, until sign-out)', 'cognito-blocks' ),
				)
			),
			new Field(
				name: 'password_policy',
				default: self::DEFAULT_PASSWORD_POLICY,
				rule: Rule::record(
					array(
						// The lengths Cognito accepts for a pool's minimum password length.
						'min_length'        => Rule::integer( 6, 99 ),
						'require_uppercase' => Rule::boolean(),
						'require_lowercase' => Rule::boolean(),
						'require_numbers'   => Rule::boolean(),
						'require_symbols'   => Rule::boolean(),
					),
					self::DEFAULT_PASSWORD_POLICY
				),
				label: static fn() => __( 'Password rules', 'cognito-blocks' ),
				help: static fn() => __( 'The rules the sign-up and new-password checklists show. Copy them from the pool\'s password policy.', 'cognito-blocks' ),
				browser: 'passwordPolicy',
				section: 'passwords'
			),
			new Field(
				name: 'keep_data_on_uninstall',
				default: false,
				rule: Rule::boolean(),
				label: static fn() => __( 'Keep data when the plugin is deleted', 'cognito-blocks' ),
				help: static fn() => __( 'Leave the settings and the links between accounts and the user pool in the database when the plugin is deleted from the Plugins screen, for a later reinstall. Off: deleting the plugin removes everything it stored.', 'cognito-blocks' ),
				section: 'data'
			),
		);
	}
}
