<?php
/**
 * The WordPress-password paths that do not pass through `wp_authenticate_user`.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Login;

use CognitoBlocks\Settings\Settings;
use CognitoBlocks\Users\LocalPasswordPolicy;

/**
 * LocalPasswordPolicy refuses WordPress passwords of Cognito-linked accounts wherever core calls
 * wp_authenticate(): the wp-login.php POST and XML-RPC (both run the `authenticate` filter, whose username and
 * e-mail handlers apply `wp_authenticate_user`). Three more paths could still turn a WordPress credential into a
 * session for such an account, or create accounts outside the pool; this class closes them:
 *
 * - Application passwords (REST and XML-RPC Basic auth) skip `wp_authenticate_user`. For a linked account they are
 *   refused like the account password: they are WordPress credentials that would outlive a user disabled in, or
 *   protected by MFA in, Cognito.
 * - The core lost-password e-mail would set a WordPress password that then cannot be used; it is not sent for a
 *   linked account (the Cognito reset is the way), so the e-mail does not suggest otherwise.
 * - Core registration creates accounts with WordPress passwords and no Cognito identity. While the plugin is
 *   configured, sign-up goes through Cognito (the register form), so core registration is refused.
 *
 * Every check refuses unless it positively knows the credential may be used.
 */
final class PasswordGuard {

	/**
	 * `wp_authenticate_application_password_errors`: runs after an application password matched.
	 *
	 * @param \WP_Error|mixed $error Collected errors; adding one refuses the request.
	 * @param \WP_User|mixed  $user  Account the password belongs to.
	 */
	public static function application_password( mixed $error, mixed $user ): void {
		if ( ! $error instanceof \WP_Error ) {
			return;
		}
		if ( ! $user instanceof \WP_User || LocalPasswordPolicy::refuses( $user ) ) {
			$refusal = LocalPasswordPolicy::error();
			$error->add( (string) $refusal->get_error_code(), $refusal->get_error_message() );
		}
	}

	/**
	 * `allow_password_reset`: no core reset e-mail for a linked account. Core shows a WP_Error's message on the
	 * lost-password screen, so the visitor learns where to reset instead.
	 *
	 * @param bool|\WP_Error|mixed $allowed Earlier verdict: false or a WP_Error already refuses.
	 * @param int|mixed            $user_id Account id.
	 * @return bool|\WP_Error|mixed
	 */
	public static function password_reset( mixed $allowed, mixed $user_id ): mixed {
		if ( ! $allowed || is_wp_error( $allowed ) ) {
			return $allowed;
		}
		$user = get_userdata( (int) $user_id );
		if ( ! $user instanceof \WP_User ) {
			return false;
		}
		return LocalPasswordPolicy::refuses( $user ) ? LocalPasswordPolicy::error() : $allowed;
	}

	/**
	 * `registration_errors`: refuses core registration while the plugin is configured.
	 *
	 * @param \WP_Error|mixed $errors Errors collected by register_new_user().
	 * @return \WP_Error|mixed
	 */
	public static function registration( mixed $errors ): mixed {
		if ( ! Settings::current()->is_configured() ) {
			return $errors;
		}
		$errors = $errors instanceof \WP_Error ? $errors : new \WP_Error();
		$errors->add(
			'cognito_blocks_registration_form',
			__( 'Accounts are created with the sign-up form on this page, which needs JavaScript.', 'cognito-blocks' )
		);
		return $errors;
	}
}
