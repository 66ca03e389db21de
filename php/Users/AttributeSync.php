<?php
/**
 * Keeps a bound account's mapped attributes in step with the pool.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Users;

/**
 * On every sign-in of an existing identity, and for each refreshed ID token its signed-in browser hands in
 * (PUT /session), writes the mapped fields (email, first and last name, display name, nickname) and mapped custom
 * attributes that changed in the pool since; nothing else of the account is touched, and an unchanged token costs
 * no write. The pool is the source of truth for these fields, as it is on creation.
 */
final class AttributeSync {

	/**
	 * Applies changed attributes.
	 *
	 * @param \WP_User             $user   Bound account.
	 * @param array<string,mixed>  $claims Verified claims.
	 * @param array<string,string> $map    Attribute => meta key (already sanitised).
	 * @return list<string> What was written: account fields (user_email, first_name, …) and meta keys.
	 */
	public static function apply( \WP_User $user, array $claims, array $map ): array {
		$user_id = (int) $user->ID;
		$fields  = AttributeMapper::user_fields( $claims );
		$current = array();
		foreach ( array_keys( $fields ) as $field ) {
			$current[ $field ] = (string) $user->get( $field );
		}
		$changes = AttributeMapper::changes( $fields, $current );
		if ( isset( $changes['user_email'] ) && ! self::may_take_email( $user_id, $changes['user_email'], $claims ) ) {
			unset( $changes['user_email'] );
		}

		/**
		 * Filters the account fields a returning Cognito user's sign-in, or a refreshed ID token of a signed-in
		 * user (PUT /session), is about to update from the token.
		 *
		 * Only fields that differ from the account are passed. Return an empty array to keep the account as it
		 * is (e.g. when people edit their names in WordPress); the `ID` key is always replaced with the
		 * account's own.
		 *
		 * @param array<string,string> $changes Fields for wp_update_user() (user_email, first_name, last_name,
		 *                                      display_name, nickname).
		 * @param array<string,mixed>  $claims  Verified ID-token claims.
		 * @param \WP_User             $user    The account.
		 */
		$changes = (array) apply_filters( 'cognito_blocks_user_update_data', $changes, $claims, $user );
		unset( $changes['ID'] );
		$written = array();
		if ( array() !== $changes && ! is_wp_error( wp_update_user( array_merge( $changes, array( 'ID' => $user_id ) ) ) ) ) {
			$written = array_map( 'strval', array_keys( $changes ) );
		}
		return array_merge( $written, self::write_meta( $user_id, $claims, $map ) );
	}

	/**
	 * Writes mapped custom attributes whose value changed, skipping anything under the table prefix
	 * (capabilities and the like).
	 *
	 * @param int                  $user_id User.
	 * @param array<string,mixed>  $claims  Verified claims.
	 * @param array<string,string> $map     Attribute => meta key.
	 * @return list<string> The meta keys written.
	 */
	public static function write_meta( int $user_id, array $claims, array $map ): array {
		global $wpdb;
		$written = array();
		foreach ( AttributeMapper::meta( $claims, $map ) as $meta_key => $value ) {
			if ( str_starts_with( $meta_key, $wpdb->base_prefix ) || str_starts_with( $meta_key, $wpdb->prefix ) ) {
				continue;
			}
			if ( get_user_meta( $user_id, $meta_key, true ) !== $value && false !== update_user_meta( $user_id, $meta_key, $value ) ) {
				$written[] = (string) $meta_key;
			}
		}
		return $written;
	}

	/**
	 * Whether an account may take the token's email, on creation as on a later sign-in: WordPress sends password
	 * resets and notifications there and Gravatar follows it, so only an address Cognito has verified (see
	 * Identity::email_verified()) that no other account uses.
	 *
	 * @param int                 $user_id The account; 0 for one about to be created.
	 * @param string              $email   Token email.
	 * @param array<string,mixed> $claims  Verified claims.
	 */
	public static function may_take_email( int $user_id, string $email, array $claims ): bool {
		if ( ! Identity::email_verified( $claims ) || ! is_email( $email ) ) {
			return false;
		}
		$owner = email_exists( $email );
		return false === $owner || $user_id === (int) $owner;
	}
}
