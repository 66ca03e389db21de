<?php
/**
 * Shortcodes for the forms.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Render;

use CognitoBlocks\Forms\Registry;

/**
 * `[cognito_<form>]` for every form of the registry (`[cognito_login]`, `[cognito_register]`,
 * `[cognito_reset_password]`, …): the blocks' forms for classic content, with the same attributes as the blocks
 * (see Forms\Attributes for how shortcode strings become typed attributes).
 */
final class Shortcodes {

	/**
	 * Registers every form's shortcode (the `init` action).
	 */
	public static function register(): void {
		foreach ( Registry::all() as $form ) {
			add_shortcode( $form->shortcode(), array( self::class, 'render' ) );
		}
	}

	/**
	 * Shortcode callback.
	 *
	 * @param array<int|string,mixed>|string $atts    Attributes as WordPress parsed them ('' when there are none).
	 * @param string|null                    $content Enclosed content (unused).
	 * @param string                         $tag     The shortcode tag.
	 */
	public static function render( $atts, $content = null, string $tag = '' ): string {
		unset( $content );
		$form = Registry::for_shortcode( $tag );
		if ( null === $form ) {
			return '';
		}
		return FormRenderer::render( $form->name, is_array( $atts ) ? $atts : array() );
	}
}
