<?php
/**
 * The one renderer behind blocks, shortcodes, Elementor widgets and wp-login.php.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Render;

use CognitoBlocks\Settings\Settings;

/**
 * Prints a form's mount point: the element src/view.tsx finds and hydrates.
 *
 * The markup carries only static configuration (no nonce, no per-visitor state), so a page that holds a form can
 * be served from a full-page cache hours later and still work.
 */
final class FormRenderer {

	/**
	 * Forms the front end knows how to mount.
	 */
	public const FORMS = array( 'login' );

	/**
	 * Builds the mount point markup.
	 *
	 * @param string              $form       One of self::FORMS.
	 * @param array<string,mixed> $attributes Block/shortcode attributes (already sanitised by the caller's schema).
	 * @param string              $wrapper    Extra wrapper attributes, e.g. from get_block_wrapper_attributes().
	 * @return string HTML; empty for an unknown form.
	 */
	public static function render( string $form, array $attributes, string $wrapper = '' ): string {
		if ( ! in_array( $form, self::FORMS, true ) ) {
			return '';
		}
		Assets::enqueue();

		$config = array(
			'form'       => $form,
			'attributes' => $attributes,
			'cognito'    => Settings::client_config(),
			'sessionUrl' => rest_url( 'cognito-blocks/v1/session' ),
		);

		$class = 'wp-block-cognito-blocks-' . $form;
		if ( '' === $wrapper ) {
			$wrapper = 'class="' . esc_attr( $class ) . '"';
		} elseif ( ! str_contains( $wrapper, $class ) ) {
			$wrapper = (string) preg_replace( '/class="/', 'class="' . esc_attr( $class ) . ' ', $wrapper, 1 );
		}

		return sprintf(
			'<div %1$s data-cognito-blocks="%2$s" data-config="%3$s"><div class="cognito-blocks__reserve" aria-hidden="true"></div><noscript><p class="cognito-blocks__noscript">%4$s</p></noscript></div>',
			$wrapper,
			esc_attr( $form ),
			esc_attr( (string) wp_json_encode( $config ) ),
			esc_html__( 'This form needs JavaScript. Please enable JavaScript in your browser to sign in.', 'cognito-blocks' )
		);
	}
}
