<?php
/**
 * The one renderer behind blocks, shortcodes, Elementor widgets and wp-login.php.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Render;

use CognitoBlocks\Forms\Registry;
use CognitoBlocks\Settings\Settings;
use CognitoBlocks\Sso\HostedUi;

/**
 * Prints a form's mount point: the element src/view.tsx finds and hydrates.
 *
 * The markup carries only static configuration (no nonce, no per-visitor state), so a page that holds a form can
 * be served from a full-page cache hours later and still work.
 */
final class FormRenderer {

	/**
	 * Builds the mount point markup, or for a signed-in visitor a short "signed in as" line instead of the form.
	 *
	 * @param string                  $name       A form of the registry.
	 * @param array<int|string,mixed> $attributes What the surface was given (block, shortcode, wp-login.php);
	 *                                            normalised here against the form's block.json.
	 * @param string                  $wrapper    Extra wrapper attributes, e.g. from get_block_wrapper_attributes().
	 * @param bool                    $preview    A page builder's editor preview (Elementor): the form itself
	 *                                            whoever is signed in, marked so the browser shows it inert.
	 * @return string HTML; empty for a form the registry does not hold.
	 */
	public static function render( string $name, array $attributes, string $wrapper = '', bool $preview = false ): string {
		$form = Registry::get( $name );
		if ( null === $form ) {
			return '';
		}
		if ( ! $preview && ! is_user_logged_in() && '' !== $form->signed_out && null !== Registry::get( $form->signed_out ) ) {
			return self::signed_out( $form, $attributes, $wrapper );
		}
		$wrapper = self::with_class( $wrapper, $form->css_class() );
		if ( ! $preview && is_user_logged_in() && ! $form->signed_in ) {
			// Signed-in pages are not page-cached, so this per-visitor markup is safe here and needs no script.
			return self::signed_in( $wrapper );
		}
		// The blocks declare no viewScript for the same reason: the script loads only where a form is printed.
		Assets::enqueue();

		$config = array(
			'form'       => $form->name,
			'view'       => $form->view,
			'entry'      => $form->entry,
			'eager'      => $form->eager,
			'attributes' => $form->attributes( $attributes ),
			'cognito'    => Settings::client_config(),
			'sessionUrl' => rest_url( 'cognito-blocks/v1/session' ),
		);
		if ( $preview ) {
			$config['preview'] = true;
		}
		if ( 'sso' === $form->view ) {
			$sso = HostedUi::browser_config( Settings::current() );
			if ( null !== $sso ) {
				// The buttons this block picks, chosen once here for the stand-in and the script alike.
				$sso['providers'] = SsoButtons::chosen( $sso['providers'], $config['attributes'] );
			}
			$config['sso'] = $sso;
		}
		if ( $form->signed_in ) {
			// Still no nonce in the page: the browser asks core's rest-nonce action for the signed-in user's own.
			$config['accountUrl'] = rest_url( 'cognito-blocks/v1/account' );
			$config['nonceUrl']   = admin_url( 'admin-ajax.php?action=rest-nonce' );
		}

		$mount = sprintf(
			'<div %1$s data-cognito-blocks="%2$s" data-config="%3$s">%4$s<noscript><p class="cognito-blocks__noscript">%5$s</p></noscript></div>',
			$wrapper,
			esc_attr( $form->name ),
			esc_attr( (string) wp_json_encode( $config ) ),
			// Holds the form's place with its own markup, so mounting the form does not shift the page.
			self::stand_in( $form, $config ),
			esc_html__( 'This form needs JavaScript. Please enable JavaScript in your browser to sign in.', 'cognito-blocks' )
		);
		return $mount . self::sso_below( $config['attributes'], $preview );
	}

	/**
	 * The single sign-on buttons a form shows under itself (`showSso`, e.g. the sign-in form's "or continue
	 * with …"): the sso-button form's own mount point, after an "or" line. Nothing when single sign-on is not set
	 * up, so a page or wp-login.php asking for them does not print an empty "or".
	 *
	 * @param array<string,mixed> $attributes The form's normalised attributes.
	 * @param bool                $preview    A page builder's editor preview.
	 */
	private static function sso_below( array $attributes, bool $preview ): string {
		if ( true !== ( $attributes['showSso'] ?? null ) ) {
			return '';
		}
		$sso = HostedUi::browser_config( Settings::current() );
		if ( null === $sso || array() === $sso['providers'] ) {
			return '';
		}
		$redirect = is_string( $attributes['redirectUrl'] ?? null ) ? $attributes['redirectUrl'] : '';
		// One wrapper around the line and the buttons: it is what a theme's layout
		// (e.g. a constrained group's width and auto margins) applies to, so the line
		// inside keeps the form's width.
		return sprintf(
			'<div class="cognito-blocks-sso-below"><div class="cognito-blocks-sso-divider"><span>%1$s</span></div>%2$s</div>',
			esc_html_x( 'or', 'between the sign-in form and the single sign-on buttons', 'cognito-blocks' ),
			self::render( 'sso-button', array( 'redirectUrl' => $redirect ), '', $preview )
		);
	}

	/**
	 * What holds the form's place until the script mounts it.
	 *
	 * @param \CognitoBlocks\Forms\Form $form   The form.
	 * @param array<string,mixed>       $config The mount point's configuration.
	 */
	private static function stand_in( \CognitoBlocks\Forms\Form $form, array $config ): string {
		if ( 'profile' === $form->view ) {
			return Skeleton::placeholder();
		}
		if ( 'sso' === $form->view ) {
			$sso = is_array( $config['sso'] ?? null ) ? $config['sso'] : array();
			return SsoButtons::render( is_array( $sso['providers'] ?? null ) ? $sso['providers'] : array() );
		}
		return Skeleton::render( $form->entry, $config['attributes'] );
	}

	/**
	 * What a signed-out visitor gets in place of a signed-in form: a link to the sign-in page the placed form
	 * names (`signInUrl`), else the form the registry names for them (the sign-in form, which brings them back).
	 *
	 * @param \CognitoBlocks\Forms\Form $form       The signed-in form.
	 * @param array<int|string,mixed>   $attributes What the surface was given.
	 * @param string                    $wrapper    Extra wrapper attributes.
	 */
	private static function signed_out( \CognitoBlocks\Forms\Form $form, array $attributes, string $wrapper ): string {
		$normalised = $form->attributes( $attributes );
		$link       = isset( $normalised['signInUrl'] ) && is_string( $normalised['signInUrl'] ) ? $normalised['signInUrl'] : '';
		if ( '' !== $link ) {
			return sprintf(
				'<div %1$s><p class="cognito-blocks__signed-out"><a href="%2$s">%3$s</a></p></div>',
				self::with_class( $wrapper, $form->css_class() ),
				esc_url( $link ),
				esc_html__( 'Sign in to see your account', 'cognito-blocks' )
			);
		}
		return self::render( $form->signed_out, array(), $wrapper );
	}

	/**
	 * Makes sure the wrapper attributes carry the form's class.
	 *
	 * @param string $wrapper Wrapper attributes, possibly empty.
	 * @param string $class   The form's class.
	 */
	private static function with_class( string $wrapper, string $class ): string {
		if ( '' === $wrapper ) {
			return 'class="' . esc_attr( $class ) . '"';
		}
		if ( str_contains( $wrapper, $class ) ) {
			return $wrapper;
		}
		if ( ! str_contains( $wrapper, 'class="' ) ) {
			return 'class="' . esc_attr( $class ) . '" ' . $wrapper;
		}
		return (string) preg_replace( '/class="/', 'class="' . esc_attr( $class ) . ' ', $wrapper, 1 );
	}

	/**
	 * "Signed in as {name} · Sign out", signing out back to the current page.
	 *
	 * @param string $wrapper Wrapper attributes.
	 */
	private static function signed_in( string $wrapper ): string {
		$user = wp_get_current_user();
		$here = home_url( '/' );
		if ( isset( $_SERVER['HTTP_HOST'], $_SERVER['REQUEST_URI'] ) ) {
			// As core's loginout block does: wp-login.php validates this redirect after logout.
			$here = ( is_ssl() ? 'https://' : 'http://' ) . sanitize_text_field( wp_unslash( $_SERVER['HTTP_HOST'] ) ) . esc_url_raw( wp_unslash( $_SERVER['REQUEST_URI'] ) );
		}
		return sprintf(
			'<div %1$s><p class="cognito-blocks__signed-in">%2$s <span aria-hidden="true">&middot;</span> <a href="%3$s">%4$s</a></p></div>',
			$wrapper,
			esc_html(
				sprintf(
					/* translators: %s: the signed-in user's display name. */
					__( 'Signed in as %s', 'cognito-blocks' ),
					$user->display_name
				)
			),
			esc_url( wp_logout_url( $here ) ),
			esc_html__( 'Sign out', 'cognito-blocks' )
		);
	}
}
