<?php
/**
 * Front-end assets shared by every form.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Render;

use CognitoBlocks\Plugin;

/**
 * Registers the one view script and stylesheet that blocks, shortcodes, Elementor widgets and wp-login.php share.
 *
 * They are only registered here; a renderer enqueues them when it prints a form, so pages without a form load
 * none of the plugin's JavaScript or CSS.
 */
final class Assets {

	public const VIEW_HANDLE  = 'cognito-blocks-view';
	public const STYLE_HANDLE = 'cognito-blocks-forms';

	/**
	 * Registers the view script (with the dependencies @wordpress/scripts recorded in view.asset.php, so React
	 * comes from WordPress's own handles) and the form stylesheet.
	 */
	public static function register(): void {
		$asset_file = Plugin::path( 'build/view.asset.php' );
		if ( ! is_readable( $asset_file ) ) {
			// An unbuilt checkout: blocks still render their <noscript>/placeholder markup.
			return;
		}
		$asset = require $asset_file;

		wp_register_script(
			self::VIEW_HANDLE,
			Plugin::url( 'build/view.js' ),
			$asset['dependencies'],
			$asset['version'],
			array(
				'in_footer' => true,
				'strategy'  => 'defer',
			)
		);
		wp_set_script_translations( self::VIEW_HANDLE, 'cognito-blocks', Plugin::path( 'languages' ) );

		if ( is_readable( Plugin::path( 'build/view.css' ) ) ) {
			wp_register_style( self::STYLE_HANDLE, Plugin::url( 'build/view.css' ), array(), $asset['version'] );
		}
	}

	/**
	 * Enqueues the shared assets; called by the renderer for each form it prints.
	 */
	public static function enqueue(): void {
		wp_enqueue_script( self::VIEW_HANDLE );
		wp_enqueue_style( self::STYLE_HANDLE );
	}
}
