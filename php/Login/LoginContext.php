<?php
/**
 * What one wp-login.php request asks for, as far as the Cognito integration is concerned.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Login;

use CognitoBlocks\Forms\Registry;
use CognitoBlocks\Render\Assets;
use CognitoBlocks\Settings\Settings;

/**
 * The screen (core action), whether the visitor chose the WordPress-password form, the validated redirect, and
 * which of the plugin's forms replaces the core one. Built from the request on each call: wp-login.php is one
 * short request, and keeping no static state makes the hooks independent of the order they run in.
 */
final class LoginContext {

	/**
	 * Query/POST parameter that asks for the core WordPress-password form instead of the Cognito one.
	 */
	public const PASSWORD_PARAM = 'cognito_blocks_password';

	/**
	 * Builds the context.
	 *
	 * @param string $action        Core action, as wp-login.php normalised it.
	 * @param bool   $password_mode The visitor asked for (or posted) the WordPress-password form.
	 * @param string $redirect      Validated redirect target (same site only).
	 * @param bool   $interim       The re-authentication modal of wp-admin (`interim-login`).
	 * @param bool   $configured    The plugin has a pool and client and its view script is built.
	 */
	public function __construct(
		public readonly string $action,
		public readonly bool $password_mode,
		public readonly string $redirect,
		public readonly bool $interim,
		public readonly bool $configured
	) {}

	/**
	 * The context of the current wp-login.php request.
	 *
	 * The screens of wp-login.php carry no nonce. Every value read here is only displayed or validated, none of them
	 * changes state, and only the presence of the credential fields is checked, never their content.
	 */
	public static function current(): self {
		// phpcs:disable WordPress.Security.NonceVerification -- read-only, see above.
		$action   = isset( $GLOBALS['action'] ) && is_string( $GLOBALS['action'] ) ? $GLOBALS['action'] : 'login';
		$password = isset( $_REQUEST[ self::PASSWORD_PARAM ] ) || isset( $_POST['log'] ) || isset( $_POST['pwd'] );
		$raw      = isset( $_REQUEST['redirect_to'] ) && is_string( $_REQUEST['redirect_to'] ) ? wp_sanitize_redirect( wp_unslash( $_REQUEST['redirect_to'] ) ) : '';
		$interim  = isset( $_REQUEST['interim-login'] );
		// phpcs:enable

		return new self(
			$action,
			$password,
			self::validate_redirect( (string) $raw ),
			$interim,
			Settings::current()->is_configured() && wp_script_is( Assets::VIEW_HANDLE, 'registered' )
		);
	}

	/**
	 * A same-site redirect, or the dashboard as wp-login.php itself falls back to. An external or malformed target
	 * is replaced, never followed.
	 *
	 * @param string $raw Requested redirect_to (unslashed).
	 */
	public static function validate_redirect( string $raw ): string {
		$fallback = admin_url();
		if ( '' === trim( $raw ) ) {
			return $fallback;
		}
		return wp_validate_redirect( wp_sanitize_redirect( $raw ), $fallback );
	}

	/**
	 * Whether this screen is one the integration handles at all (sign-in, lost password, register).
	 */
	public function handles(): bool {
		return $this->configured && null !== Registry::for_login_action( $this->action );
	}

	/**
	 * The plugin form that replaces the core one on this screen (see Forms\Registry); empty to keep the core
	 * screen as it is. On a screen whose form has a WordPress-password variant, asking for it keeps the core form;
	 * registration has none: core registration is refused while the plugin is configured (see PasswordGuard).
	 */
	public function form(): string {
		$form = $this->handles() ? Registry::for_login_action( $this->action ) : null;
		if ( null === $form || ( $this->password_mode && $form->password_variant ) ) {
			return '';
		}
		return $form->name;
	}

	/**
	 * Whether the core WordPress-password form is what the visitor asked for on this screen.
	 */
	public function shows_password_form(): bool {
		return $this->handles() && $this->password_mode && (bool) Registry::for_login_action( $this->action )?->password_variant;
	}

	/**
	 * Where the browser goes after the WordPress session is open. In the wp-admin re-authentication modal that is
	 * wp-login.php again: with the new auth cookie it answers with the "interim login success" page the modal
	 * waits for.
	 */
	public function target(): string {
		return $this->interim ? add_query_arg( 'interim-login', '1', wp_login_url() ) : $this->redirect;
	}

	/**
	 * A wp-login.php URL for an action of this screen family, carrying the redirect on.
	 *
	 * @param string $action   Core action ('login', 'lostpassword', 'register').
	 * @param bool   $password Ask for the WordPress-password form.
	 */
	public function url( string $action, bool $password = false ): string {
		$args = array();
		if ( 'login' !== $action ) {
			$args['action'] = $action;
		}
		if ( $password ) {
			$args[ self::PASSWORD_PARAM ] = '1';
		}
		if ( admin_url() !== $this->redirect ) {
			$args['redirect_to'] = rawurlencode( $this->redirect );
		}
		if ( $this->interim ) {
			$args['interim-login'] = '1';
		}
		return add_query_arg( $args, wp_login_url() );
	}
}
