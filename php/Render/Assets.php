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
	public const LOGIN_STYLE  = 'cognito-blocks-login-screen';

	/**
	 * Chunks the view script loads on demand with import() (build/<name>.js). WordPress loads translations only
	 * for scripts it prints itself, so theirs are handed to the view script up front (see add_chunk_translations).
	 */
	public const CHUNKS = array( 'account-steps', 'qr-code', 'profile', 'form-preview', 'sso', 'oauth' );

	/**
	 * Whether the chunks' translations were added on this request.
	 *
	 * @var bool
	 */
	private static bool $chunk_translations_added = false;

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
			wp_style_add_data( self::STYLE_HANDLE, 'rtl', 'replace' );
		}
		// wp-login.php's card styles live apart, so pages with a block never download them.
		if ( is_readable( Plugin::path( 'build/login-screen.css' ) ) ) {
			wp_register_style( self::LOGIN_STYLE, Plugin::url( 'build/login-screen.css' ), array( self::STYLE_HANDLE ), $asset['version'] );
			wp_style_add_data( self::LOGIN_STYLE, 'rtl', 'replace' );
		}
	}

	/**
	 * Enqueues the shared assets; called by the renderer for each form it prints.
	 */
	public static function enqueue(): void {
		wp_enqueue_script( self::VIEW_HANDLE );
		wp_enqueue_style( self::STYLE_HANDLE );
		self::add_chunk_translations();
	}

	/**
	 * Adds the on-demand chunks' translations to the view script, in the same shape WordPress prints for a
	 * script's own translations. Each chunk is registered (never enqueued) under its own handle only so that
	 * WordPress's usual lookup (languages folder, md5 of the script path) finds its JSON file.
	 */
	private static function add_chunk_translations(): void {
		if ( self::$chunk_translations_added || ! wp_script_is( self::VIEW_HANDLE, 'registered' ) ) {
			return;
		}
		self::$chunk_translations_added = true;
		foreach ( self::CHUNKS as $chunk ) {
			$handle = self::VIEW_HANDLE . '-' . $chunk;
			wp_register_script( $handle, Plugin::url( 'build/' . $chunk . '.js' ), array(), Plugin::VERSION, true );
			$json = load_script_textdomain( $handle, 'cognito-blocks', Plugin::path( 'languages' ) );
			if ( ! is_string( $json ) || '' === $json ) {
				continue;
			}
			wp_add_inline_script(
				self::VIEW_HANDLE,
				sprintf(
					'( function( translations ) { var data = translations.locale_data[ "cognito-blocks" ] || translations.locale_data.messages; data[ "" ].domain = "cognito-blocks"; wp.i18n.setLocaleData( data, "cognito-blocks" ); } )( %s );',
					$json
				),
				'before'
			);
		}
	}
}
