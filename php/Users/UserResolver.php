<?php
/**
 * Finds, links or creates the WordPress user of a verified identity.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Users;

use CognitoBlocks\Settings\Config;

/**
 * Applies the identity policy: a bound user signs in (changed mapped attributes updated, roles optionally synced);
 * a new identity is linked to an existing account by verified email when allowed (never an administrator, super
 * admin or holder of a capability the `never_link_capabilities` setting lists), else
 * created when the policy says so. The first sign-in runs under a site-wide lock with a second lookup inside it,
 * so concurrent first sign-ins of one identity create exactly one user. On a network, a bound account joins a site
 * it is not a member of under that site's creation policy (SiteMembership).
 */
final class UserResolver {

	private const LOCK_TIMEOUT = 10;

	/**
	 * Creates the resolver.
	 *
	 * @param Config $config Effective settings.
	 * @param Lock   $lock   Site-wide mutex.
	 */
	public function __construct( private readonly Config $config, private readonly Lock $lock ) {
	}

	/**
	 * Resolves the user of verified claims.
	 *
	 * @param array<string,mixed> $claims Verified claims (iss and sub present).
	 * @throws LoginDenied When policy refuses the sign-in.
	 */
	public function resolve( array $claims ): \WP_User {
		$key  = Identity::key( (string) $claims['iss'], (string) $claims['sub'] );
		$user = $this->find( $key );
		if ( null !== $user ) {
			if ( SiteMembership::outsider( $user ) && 'create' === $this->config->effective_creation_policy( Registration::open() ) ) {
				SiteMembership::join( $user, $this->roles( $claims, null ) );
			}
			$this->refresh( $user, $claims );
			return $user;
		}

		if ( ! $this->lock->acquire( 'identity_' . $key, self::LOCK_TIMEOUT ) ) {
			throw new LoginDenied( LoginDenied::BUSY, 'identity lock timed out' );
		}
		try {
			return $this->find( $key ) ?? $this->link_or_create( $claims );
		} finally {
			$this->lock->release( 'identity_' . $key );
		}
	}

	/**
	 * Brings a bound account in step with verified claims of its identity, as every sign-in does: the roles when
	 * role sync is on, then the mapped fields and meta (AttributeSync). Also run for a refreshed ID token of the
	 * signed-in user (PUT /session), so both follow the same rules.
	 *
	 * @param \WP_User            $user   Account bound to the claims' identity.
	 * @param array<string,mixed> $claims Verified claims.
	 * @return list<string> What changed: `roles`, account fields (user_email, first_name, …) and meta keys.
	 */
	public function refresh( \WP_User $user, array $claims ): array {
		$roles = $this->sync_roles( $user, $claims ) ? array( 'roles' ) : array();
		return array_merge( $roles, AttributeSync::apply( $user, $claims, $this->config->attribute_map() ) );
	}

	/**
	 * The user bound to an identity (Identity::users_with(), uncached).
	 *
	 * @param string $key Identity key.
	 * @throws LoginDenied When two users claim the identity.
	 */
	private function find( string $key ): ?\WP_User {
		$ids = Identity::users_with( $key );
		if ( count( $ids ) > 1 ) {
			throw new LoginDenied( LoginDenied::CONFLICT, 'identity bound to several users' );
		}
		if ( array() === $ids ) {
			return null;
		}
		// Drop only the entries keyed by this id: clean_user_cache() would load the whole user twice to find the
		// login- and email-keyed entries, which cannot be stale for a user this lookup just found.
		wp_cache_delete( (int) $ids[0], 'users' );
		wp_cache_delete( (int) $ids[0], 'user_meta' );
		$user = get_user_by( 'id', (int) $ids[0] );
		return $user instanceof \WP_User ? $user : null;
	}

	/**
	 * First sign-in of an identity.
	 *
	 * @param array<string,mixed> $claims Verified claims.
	 * @throws LoginDenied When neither linking nor creating is allowed.
	 */
	private function link_or_create( array $claims ): \WP_User {
		$pending = PendingLink::account_for( $claims );
		if ( null !== $pending ) {
			// An administrator asked for exactly this link (see Admin\UserLinking): no policy stands in its way.
			$this->bind( (int) $pending->ID, $claims );
			PendingLink::clear( (int) $pending->ID );
			return $pending;
		}

		$policy   = $this->config->effective_creation_policy( Registration::open() );
		$email    = is_string( $claims['email'] ?? null ) ? $claims['email'] : '';
		$existing = '' !== $email && is_email( $email ) ? get_user_by( 'email', $email ) : false;

		if ( $existing instanceof \WP_User ) {
			if ( 'deny' === $policy ) {
				throw new LoginDenied( LoginDenied::CREATION_DISABLED, 'policy deny; unbound identity' );
			}
			if ( ! $this->may_link( $existing, $claims ) ) {
				throw new LoginDenied( LoginDenied::ACCOUNT_EXISTS, 'an account with this email exists and may not be linked automatically' );
			}
			$this->bind( (int) $existing->ID, $claims );
			return $existing;
		}
		if ( 'create' !== $policy ) {
			throw new LoginDenied( LoginDenied::CREATION_DISABLED, 'policy ' . $this->config->creation_policy() . ' (' . $policy . '); no account to link' );
		}
		return $this->create( $claims );
	}

	/**
	 * Whether an existing account may be linked automatically.
	 *
	 * @param \WP_User            $user   Account with the token's email.
	 * @param array<string,mixed> $claims Verified claims.
	 */
	private function may_link( \WP_User $user, array $claims ): bool {
		if ( ! $this->config->link_by_verified_email() || ! Identity::email_verified( $claims ) ) {
			return false;
		}
		// Powerful accounts are linked by an administrator, never by whoever controls a pool account with their email.
		if ( self::is_protected( $user, $this->config ) ) {
			return false;
		}
		// An account bound to another identity stays with it.
		return '' === (string) get_user_meta( (int) $user->ID, Identity::META_KEY, true );
	}

	/**
	 * Whether an account is too powerful to be handed to whoever controls a pool account: a super admin, or a
	 * holder of any capability of the `never_link_capabilities` setting or of manage_options (administrators,
	 * whatever the setting says), granted by its roles or its own capabilities, or by WordPress's capability
	 * mapping. Such an account is never linked by email, nor deleted from the profile form (AccountRemoval).
	 *
	 * @param \WP_User $user   Account.
	 * @param Config   $config Effective settings.
	 */
	public static function is_protected( \WP_User $user, Config $config ): bool {
		if ( is_super_admin( (int) $user->ID ) ) {
			return true;
		}
		foreach ( array_unique( array_merge( array( 'manage_options' ), $config->never_link_capabilities() ) ) as $capability ) {
			if ( ! empty( $user->allcaps[ $capability ] ) || user_can( $user, $capability ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Creates the account.
	 *
	 * @param array<string,mixed> $claims Verified claims.
	 * @throws LoginDenied When no valid role results or WordPress refuses the user.
	 */
	private function create( array $claims ): \WP_User {
		$roles = $this->roles( $claims, null );
		if ( array() === $roles ) {
			throw new LoginDenied( LoginDenied::NO_ROLE, 'no valid role for a new account' );
		}
		$fields = AttributeMapper::user_fields( $claims );
		// Without a verified address no other account uses, the account starts without an email (WordPress allows
		// that) and takes the address at a later sign-in, once Cognito has verified it.
		if ( isset( $fields['user_email'] ) && ! AttributeSync::may_take_email( 0, $fields['user_email'], $claims ) ) {
			unset( $fields['user_email'] );
		}
		$userdata = array_merge(
			$fields,
			array(
				'user_login' => LoginName::derive( $claims, array( self::class, 'login_taken' ) ),
				'user_pass'  => wp_generate_password( 64, true, true ),
				'role'       => $roles[0],
			)
		);

		/**
		 * Filters the data of a user about to be created from a Cognito identity.
		 *
		 * The `ID` key is always removed afterwards, so this filter cannot redirect the sign-in to an existing
		 * account.
		 *
		 * @param array<string,mixed> $userdata Arguments for wp_insert_user().
		 * @param array<string,mixed> $claims   Verified ID-token claims.
		 */
		$userdata = (array) apply_filters( 'cognito_blocks_user_data', $userdata, $claims );
		unset( $userdata['ID'] );

		$id = wp_insert_user( $userdata );
		if ( is_wp_error( $id ) ) {
			throw new LoginDenied( LoginDenied::NOT_CREATED, (string) $id->get_error_code() ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- Log text, never printed.
		}
		$user = new \WP_User( $id );
		foreach ( array_slice( $roles, 1 ) as $role ) {
			$user->add_role( $role );
		}
		$this->bind( $id, $claims );
		AttributeSync::write_meta( $id, $claims, $this->config->attribute_map() );
		return $user;
	}

	/**
	 * Binds an account to the identity.
	 *
	 * @param int                 $user_id User.
	 * @param array<string,mixed> $claims  Verified claims.
	 */
	private function bind( int $user_id, array $claims ): void {
		Identity::bind( $user_id, (string) $claims['iss'], (string) $claims['sub'], self::username( $claims ) );
	}

	/**
	 * The Cognito username of the token (`cognito:username`), for display.
	 *
	 * @param array<string,mixed> $claims Verified claims.
	 */
	private static function username( array $claims ): string {
		$username = $claims['cognito:username'] ?? '';
		return is_string( $username ) ? $username : '';
	}

	/**
	 * Applies the mapped roles on every sign-in when enabled; administrator is kept unless configured otherwise.
	 *
	 * @param \WP_User            $user   Bound account.
	 * @param array<string,mixed> $claims Verified claims.
	 * @return bool Whether the roles changed.
	 */
	private function sync_roles( \WP_User $user, array $claims ): bool {
		if ( ! $this->config->sync_roles_on_login() ) {
			return false;
		}
		$roles = RoleMapper::sync( array_values( $user->roles ), $this->roles( $claims, $user ), $this->config->sync_demotes_admins() );
		if ( null === $roles ) {
			return false;
		}
		$user->set_role( $roles[0] );
		foreach ( array_slice( $roles, 1 ) as $role ) {
			$user->add_role( $role );
		}
		return true;
	}

	/**
	 * Roles from the group map, filtered, restricted to roles that exist.
	 *
	 * @param array<string,mixed> $claims Verified claims.
	 * @param \WP_User|null       $user   The account when it exists (sync), null on creation.
	 * @return list<string>
	 */
	private function roles( array $claims, ?\WP_User $user ): array {
		$role = RoleMapper::role_for( RoleMapper::groups( $claims ), $this->config->group_role_map(), $this->config->default_role() );

		/**
		 * Filters the roles a Cognito user gets on creation, and on every sign-in when role sync is enabled.
		 *
		 * Return an empty array to refuse creating the account (403 cognito_blocks_no_role), or to leave an
		 * existing account's roles unchanged. Roles that do not exist are dropped.
		 *
		 * @param string[]            $roles  Roles from the group map (one role), in priority order.
		 * @param array<string,mixed> $claims Verified ID-token claims.
		 * @param \WP_User|null       $user   The account, or null when it is about to be created.
		 */
		$roles = apply_filters( 'cognito_blocks_user_roles', array( $role ), $claims, $user );
		$valid = array();
		foreach ( is_array( $roles ) ? $roles : array() as $candidate ) {
			if ( is_string( $candidate ) && wp_roles()->is_role( $candidate ) ) {
				$valid[] = $candidate;
			}
		}
		return array_values( array_unique( $valid ) );
	}

	/**
	 * Whether a login name is used, is another account's email address, or is disallowed.
	 *
	 * @param string $login Candidate login.
	 */
	public static function login_taken( string $login ): bool {
		/** This filter is documented in wp-includes/user.php */
		$illegal = (array) apply_filters( 'illegal_user_logins', array() ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- Core filter, honoured as wp_insert_user() does.
		// Another account's email too: wp-login.php tries a name as a login before as an email, so a login equal to
		// someone's address would take over their email sign-in.
		return false !== username_exists( $login ) || false !== email_exists( $login ) || in_array( strtolower( $login ), array_map( 'strtolower', $illegal ), true );
	}
}
