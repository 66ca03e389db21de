<?php
/**
 * The wp-login.php screens through the plugin's forms.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Login;

use CognitoBlocks\Render\Assets;
use CognitoBlocks\Render\FormRenderer;
use CognitoBlocks\Settings\Settings;

/**
 * Puts the shared mount point on wp-login.php: sign-in (SRP in the browser, so the password never reaches
 * WordPress), "Lost your password?" (Cognito reset) and "Register" (Cognito sign-up).
 *
 * The core form stays in the page and is hidden by login.scss only while script runs (wp-login.php swaps the
 * body's `no-js` class for `js`), so without JavaScript it still works for accounts that may use a WordPress
 * password. With JavaScript, a visible link opens the core form on its own ("password mode"): administrators are
 * never linked to Cognito automatically, so an unlinked administrator is the usual break-glass account, and the
 * browser cannot know whose name will be typed. Which accounts a WordPress password actually opens is decided on
 * the server (LocalPasswordPolicy), never by what the page shows.
 */
final class LoginScreen {

	/**
	 * `login_enqueue_scripts`: the shared view script and stylesheet plus the screen's own (login.scss), in the
	 * head, so the core form is hidden before the first paint instead of flashing.
	 */
	public static function enqueue(): void {
		if ( '' !== LoginContext::current()->form() ) {
			Assets::enqueue();
			wp_enqueue_style( Assets::LOGIN_STYLE );
		}
	}

	/**
	 * `login_body_class`: marks the screen for login.scss.
	 *
	 * @param string[]|mixed $classes Body classes.
	 * @return string[]|mixed
	 */
	public static function body_class( mixed $classes ): mixed {
		if ( ! is_array( $classes ) ) {
			return $classes;
		}
		$context = LoginContext::current();
		if ( $context->handles() ) {
			$classes[] = 'cognito-blocks-login';
			$classes[] = '' !== $context->form() ? 'cognito-blocks-login--form' : 'cognito-blocks-login--password';
		}
		return $classes;
	}

	/**
	 * `login_message`: the mount point (or, in password mode, a note and the way back), printed above the core
	 * form and outside it, since forms cannot nest.
	 *
	 * @param string|mixed $message Core message of the screen.
	 */
	public static function message( mixed $message ): string {
		$message = is_string( $message ) ? $message : '';
		$context = LoginContext::current();
		$form    = $context->form();
		if ( '' !== $form ) {
			$mount = FormRenderer::render( $form, self::attributes( $context ) );
			if ( '' !== $mount ) {
				// The core message describes the core form (e.g. "you will receive an email"): kept for the no-script
				// case only.
				$core = '' === $message ? '' : '<div class="cognito-blocks-login__core">' . $message . '</div>';
				return $mount . self::password_link( $context ) . $core;
			}
		}
		if ( $context->shows_password_form() ) {
			return self::password_note( $context ) . $message;
		}
		return $message;
	}

	/**
	 * `login_form` and `lostpassword_form`: a posted core form comes back in password mode, so its errors are shown
	 * next to the form that caused them.
	 */
	public static function password_field(): void {
		if ( LoginContext::current()->handles() ) {
			printf( '<input type="hidden" name="%s" value="1" />', esc_attr( LoginContext::PASSWORD_PARAM ) );
		}
	}

	/**
	 * `enable_login_autofocus`: core focuses its (hidden) username field; the plugin form manages focus itself.
	 *
	 * @param bool|mixed $enabled Core default.
	 */
	public static function autofocus( mixed $enabled ): bool {
		return (bool) $enabled && '' === LoginContext::current()->form();
	}

	/**
	 * Attributes of the form on this screen, named as in blocks/<form>/block.json. The form's own links to the
	 * other screens are off: wp-login.php prints its own ("Register | Lost your password?") below, and two sets
	 * would say the same thing twice. Their URLs are still given, for a filter that turns the links on.
	 *
	 * @param LoginContext $context This request.
	 * @return array<string,mixed>
	 */
	public static function attributes( LoginContext $context ): array {
		$attributes = array( 'redirectUrl' => $context->target() );
		if ( 'login' === $context->action ) {
			$can_register = (bool) get_option( 'users_can_register' );
			$attributes  += array(
				'showRemember'       => true,
				// The "Continue with …" buttons, once single sign-on is set up (FormRenderer prints nothing before).
				'showSso'            => true,
				'showForgotPassword' => false,
				'forgotPasswordUrl'  => $context->url( 'lostpassword' ),
				'showCreateAccount'  => false,
				'createAccountUrl'   => $can_register ? $context->url( 'register' ) : '',
				// "Incorrect username or password" and "New accounts are not created" point here: what an unlinked
				// administrator who typed into the Cognito form meets.
				'passwordSignInUrl'  => self::shows_password_link() ? $context->url( 'login', true ) : '',
			);
		} else {
			$attributes += array(
				'showSignIn' => false,
				'signInUrl'  => $context->url( 'login' ),
			);
		}

		/**
		 * Filters the attributes of the form that wp-login.php mounts (labels, headings, links).
		 *
		 * @param array<string,mixed> $attributes Attributes, as a block would pass them.
		 * @param string              $form       The form's name in the registry (php/Forms), e.g. 'login'.
		 * @param string              $redirect   Validated redirect target.
		 */
		$filtered = apply_filters( 'cognito_blocks_login_screen_attributes', $attributes, $context->form(), $context->redirect );
		$filtered = is_array( $filtered ) ? $filtered : $attributes;
		// Validated again after the filter: it may change labels, not send visitors off-site.
		$requested               = is_string( $filtered['redirectUrl'] ?? null ) ? $filtered['redirectUrl'] : '';
		$filtered['redirectUrl'] = $context->interim ? $context->target() : LoginContext::validate_redirect( $requested );
		return $filtered;
	}

	/**
	 * The visible way to the core WordPress-password form (sign-in and lost password only).
	 *
	 * @param LoginContext $context This request.
	 */
	private static function password_link( LoginContext $context ): string {
		if ( 'register' === $context->action || ! self::shows_password_link() ) {
			return '';
		}
		$login = 'login' === $context->action;
		return sprintf(
			'<p class="cognito-blocks-login__alt"><a href="%1$s">%2$s</a></p>',
			esc_url( $context->url( $login ? 'login' : 'lostpassword', true ) ),
			$login
				? esc_html__( 'Site administrators: sign in with your WordPress password', 'cognito-blocks' )
				: esc_html__( 'Site administrators: reset your WordPress password', 'cognito-blocks' )
		);
	}

	/**
	 * Whether wp-login.php points to the WordPress-password form (the link under the form, and the errors that
	 * name it).
	 */
	private static function shows_password_link(): bool {
		/**
		 * Filters whether wp-login.php shows the link to the WordPress-password form. Hiding it does not disable
		 * the form: it stays reachable without script and at its URL, for the break-glass administrator.
		 *
		 * @param bool $show Default true.
		 */
		return (bool) apply_filters( 'cognito_blocks_login_show_password_link', true );
	}

	/**
	 * What password mode is for, and the way back to the plugin form.
	 *
	 * @param LoginContext $context This request.
	 */
	private static function password_note( LoginContext $context ): string {
		$login = 'login' === $context->action;
		$note  = Settings::current()->allow_local_passwords()
			? __( 'Sign in with the password of your WordPress account.', 'cognito-blocks' )
			: __( 'This form is for site accounts that are not connected to the member sign-in. Members use the sign-in form.', 'cognito-blocks' );
		return sprintf(
			'<div class="notice notice-info message cognito-blocks-login__note"><p>%1$s</p><p><a href="%2$s">%3$s</a></p></div>',
			esc_html( $note ),
			esc_url( $context->url( $login ? 'login' : 'lostpassword' ) ),
			$login
				? esc_html__( 'Back to the sign-in form', 'cognito-blocks' )
				: esc_html__( 'Back to the password reset form', 'cognito-blocks' )
		);
	}
}
