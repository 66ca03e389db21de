<?php
/**
 * A link an administrator asked for by Cognito username.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Users;

/**
 * Only the pool knows which sub a username has, and the plugin holds no AWS credentials to ask it. So a link by
 * username waits on the account (issuer and lower-cased username, hashed like an identity) until a verified token
 * of that pool carrying that `cognito:username` signs in; UserResolver then binds the account to the token's sub
 * under its first-sign-in lock and the request is forgotten.
 */
final class PendingLink {

	public const META_KEY = 'cognito_blocks_pending_link';

	/**
	 * Records the request.
	 *
	 * @param int    $user_id  Account to link.
	 * @param string $issuer   Pool issuer.
	 * @param string $username Cognito username.
	 */
	public static function set( int $user_id, string $issuer, string $username ): void {
		update_user_meta( $user_id, self::META_KEY, self::key( $issuer, $username ) );
		update_user_meta( $user_id, Identity::META_USERNAME, $username );
	}

	/**
	 * Forgets the request.
	 *
	 * @param int $user_id Account.
	 */
	public static function clear( int $user_id ): void {
		delete_user_meta( $user_id, self::META_KEY );
	}

	/**
	 * Whether an account waits for a link by username.
	 *
	 * @param int $user_id Account.
	 */
	public static function waiting( int $user_id ): bool {
		return '' !== (string) get_user_meta( $user_id, self::META_KEY, true );
	}

	/**
	 * The one unlinked account waiting for the token's username, if any.
	 *
	 * @param array<string,mixed> $claims Verified claims.
	 */
	public static function account_for( array $claims ): ?\WP_User {
		$username = $claims['cognito:username'] ?? null;
		if ( ! is_string( $username ) || '' === $username ) {
			return null;
		}
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.SlowDBQuery -- Uncached, like the identity lookup.
		$ids = $wpdb->get_col( $wpdb->prepare( "SELECT user_id FROM {$wpdb->usermeta} WHERE meta_key = %s AND meta_value = %s LIMIT 2", self::META_KEY, self::key( (string) $claims['iss'], $username ) ) );
		if ( 1 !== count( $ids ) ) {
			return null; // None, or an ambiguous request: left to the administrator.
		}
		$user = get_user_by( 'id', (int) $ids[0] );
		return $user instanceof \WP_User && '' === (string) get_user_meta( (int) $user->ID, Identity::META_KEY, true ) ? $user : null;
	}

	/**
	 * The stored form of a request.
	 *
	 * @param string $issuer   Pool issuer.
	 * @param string $username Cognito username (compared without case, as pools do by default).
	 */
	private static function key( string $issuer, string $username ): string {
		return Identity::key( $issuer, 'username:' . mb_strtolower( $username, 'UTF-8' ) );
	}
}
