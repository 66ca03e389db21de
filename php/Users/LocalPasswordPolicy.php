<?php
/**
 * Local WordPress passwords for Cognito-bound accounts.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Users;

use CognitoBlocks\Settings\Settings;

/**
 * Unless the break-glass setting allows local passwords, an account bound to a Cognito identity signs in only
 * through Cognito, so the pool's password policy, MFA and account locks cannot be bypassed with the random
 * WordPress password (or one set later). Accounts without a binding are unaffected.
 */
final class LocalPasswordPolicy {

	/**
	 * The `wp_authenticate_user` filter: runs once the username or email matched an account, before core checks
	 * the password.
	 *
	 * A wrong password is left to core, so it reads exactly as for any other account ("The password you entered
	 * … is incorrect"): the refusal must not tell a stranger which accounts are linked to Cognito. Only someone
	 * who knows the account's WordPress password learns that it signs in through Cognito.
	 *
	 * @param \WP_User|\WP_Error|mixed $user     Result so far.
	 * @param string                   $password Submitted password.
	 * @return \WP_User|\WP_Error|mixed
	 */
	public static function check( mixed $user, string $password = '' ): mixed {
		if ( ! $user instanceof \WP_User || ! self::refuses( $user ) ) {
			return $user;
		}
		if ( ! wp_check_password( $password, $user->user_pass, (int) $user->ID ) ) {
			return $user; // Core answers "incorrect password", as for everyone.
		}
		return self::error();
	}

	/**
	 * Whether a WordPress password (or anything derived from one, such as an application password or a reset
	 * e-mail) must not open this account.
	 *
	 * @param \WP_User $user Account.
	 */
	public static function refuses( \WP_User $user ): bool {
		if ( Settings::current()->allow_local_passwords() ) {
			return false;
		}
		return '' !== (string) get_user_meta( (int) $user->ID, Identity::META_KEY, true );
	}

	/**
	 * The refusal, with one message wherever a WordPress password was tried.
	 */
	public static function error(): \WP_Error {
		return new \WP_Error(
			'cognito_blocks_local_password_disabled',
			__( 'This account signs in with the site’s sign-in form, not a WordPress password.', 'cognito-blocks' )
		);
	}
}
