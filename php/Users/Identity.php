<?php
/**
 * The binding between a WordPress user and a Cognito identity.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Users;

/**
 * A Cognito identity is (issuer, sub): sub alone is unique only within one pool. The pair is stored hashed in one
 * user meta value so a single indexed meta lookup finds the user; issuer and sub are kept readable beside it.
 */
final class Identity {

	public const META_KEY        = 'cognito_blocks_identity';
	public const META_SUB        = 'cognito_blocks_sub';
	public const META_ISSUER     = 'cognito_blocks_issuer';
	public const META_USERNAME   = 'cognito_blocks_username';
	public const META_LINKED_AT  = 'cognito_blocks_linked_at';
	public const META_LAST_LOGIN = 'cognito_blocks_last_login';
	public const META_PROVIDER   = 'cognito_blocks_identity_provider';

	/**
	 * Every user meta key the plugin writes (uninstall removes them all).
	 */
	public const META_KEYS = array( self::META_KEY, self::META_SUB, self::META_ISSUER, self::META_USERNAME, self::META_LINKED_AT, self::META_LAST_LOGIN, self::META_PROVIDER, PendingLink::META_KEY );

	/**
	 * The stored identity key.
	 *
	 * @param string $issuer Token issuer.
	 * @param string $sub    Token subject.
	 * @return string 64 hex characters.
	 */
	public static function key( string $issuer, string $sub ): string {
		return hash( 'sha256', $issuer . "\n" . $sub );
	}

	/**
	 * Binds an account to an identity: the lookup key, issuer and sub readable beside it, the Cognito username
	 * when known (for display) and when the link was made.
	 *
	 * @param int    $user_id  Account.
	 * @param string $issuer   Pool issuer.
	 * @param string $sub      Cognito sub.
	 * @param string $username Cognito username; empty when unknown.
	 */
	public static function bind( int $user_id, string $issuer, string $sub, string $username = '' ): void {
		update_user_meta( $user_id, self::META_KEY, self::key( $issuer, $sub ) );
		update_user_meta( $user_id, self::META_SUB, $sub );
		update_user_meta( $user_id, self::META_ISSUER, $issuer );
		update_user_meta( $user_id, self::META_LINKED_AT, time() );
		if ( '' === $username ) {
			delete_user_meta( $user_id, self::META_USERNAME );
		} else {
			update_user_meta( $user_id, self::META_USERNAME, $username );
		}
	}

	/**
	 * Removes an account's binding and what was recorded about it.
	 *
	 * @param int $user_id Account.
	 */
	public static function unbind( int $user_id ): void {
		foreach ( self::META_KEYS as $meta_key ) {
			delete_user_meta( $user_id, $meta_key );
		}
	}

	/**
	 * The `cognito_blocks_login` action: remembers when the account last signed in through Cognito, its
	 * Cognito username when the account was linked before usernames were recorded, and the external identity
	 * provider the sign-in came through (the token's `identities` claim; none for a user of the pool itself).
	 *
	 * @param \WP_User            $user   The signed-in account.
	 * @param array<string,mixed> $claims Verified ID-token claims.
	 */
	public static function record_sign_in( \WP_User $user, array $claims = array() ): void {
		update_user_meta( (int) $user->ID, self::META_LAST_LOGIN, time() );
		$username = $claims['cognito:username'] ?? '';
		if ( is_string( $username ) && '' !== $username && get_user_meta( (int) $user->ID, self::META_USERNAME, true ) !== $username ) {
			update_user_meta( (int) $user->ID, self::META_USERNAME, $username );
		}
		$provider = self::provider_of( $claims );
		if ( null === $provider ) {
			delete_user_meta( (int) $user->ID, self::META_PROVIDER );
		} else {
			update_user_meta( (int) $user->ID, self::META_PROVIDER, $provider );
		}
	}

	/**
	 * The external identity provider of a federated user's token: the `providerName` of the primary entry of the
	 * `identities` claim (Cognito sends it as a list of objects, or as that list in JSON), or of its first one.
	 *
	 * @param array<string,mixed> $claims Verified ID-token claims.
	 * @return string|null Null for a user of the pool itself, or a claim that cannot be read.
	 */
	public static function provider_of( array $claims ): ?string {
		$identities = $claims['identities'] ?? null;
		if ( is_string( $identities ) ) {
			$identities = json_decode( $identities, true );
		}
		if ( ! is_array( $identities ) || array() === $identities ) {
			return null;
		}
		$chosen = null;
		foreach ( $identities as $identity ) {
			if ( ! is_array( $identity ) || ! is_string( $identity['providerName'] ?? null ) || '' === $identity['providerName'] ) {
				continue;
			}
			$primary = $identity['primary'] ?? false;
			if ( null === $chosen || true === $primary || 'true' === $primary ) {
				$chosen = $identity['providerName'];
			}
			if ( true === $primary || 'true' === $primary ) {
				break;
			}
		}
		return null === $chosen ? null : mb_substr( $chosen, 0, 64 );
	}

	/**
	 * Whether an account is bound to exactly this identity.
	 *
	 * @param int    $user_id Account.
	 * @param string $issuer  Verified token issuer.
	 * @param string $sub     Verified token subject.
	 */
	public static function is_bound_to( int $user_id, string $issuer, string $sub ): bool {
		$stored = get_user_meta( $user_id, self::META_KEY, true );
		return is_string( $stored ) && '' !== $stored && hash_equals( $stored, self::key( $issuer, $sub ) );
	}

	/**
	 * The Cognito sub an account is bound to in one pool; null when it is not bound, or bound to another pool
	 * (the settings point to a new pool since it was linked).
	 *
	 * @param int    $user_id Account.
	 * @param string $issuer  The configured issuer; empty when the plugin is not configured.
	 */
	public static function linked_sub( int $user_id, string $issuer ): ?string {
		$sub = get_user_meta( $user_id, self::META_SUB, true );
		if ( '' === $issuer || ! is_string( $sub ) || '' === $sub ) {
			return null;
		}
		// The readable sub is beside the key for display; the key is what binds, so it has to agree.
		return self::is_bound_to( $user_id, $issuer, $sub ) ? $sub : null;
	}

	/**
	 * The accounts bound to an identity (normally none or one), read from the database.
	 *
	 * Read straight from the database, so no stale cache can hide an account that a concurrent request just bound;
	 * at most two ids, enough to tell "one" from "several".
	 *
	 * @param string $key Identity key (key()).
	 * @return list<int>
	 */
	public static function users_with( string $key ): array {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.SlowDBQuery -- Must bypass caches; see above.
		$ids = $wpdb->get_col( $wpdb->prepare( "SELECT user_id FROM {$wpdb->usermeta} WHERE meta_key = %s AND meta_value = %s LIMIT 2", self::META_KEY, $key ) );
		return array_values( array_map( 'intval', $ids ) );
	}

	/**
	 * Whether email_verified says yes. Cognito sends a boolean in ID tokens, but some pools and older tokens send
	 * the string "true"; anything else, including "1" or "yes", is no.
	 *
	 * @param array<string,mixed> $claims Verified claims.
	 */
	public static function email_verified( array $claims ): bool {
		$value = $claims['email_verified'] ?? null;
		return true === $value || 'true' === $value;
	}
}
