<?php
/**
 * Elementor support.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Elementor;

use CognitoBlocks\Forms\Registry;
use CognitoBlocks\Plugin;
use CognitoBlocks\Render\Assets;

/**
 * The forms as Elementor widgets, when Elementor is active and recent enough. Elementor is never required: its
 * hooks (wired in Plugin::register()) simply never fire without it, and an Elementor older than MINIMUM_VERSION
 * gets no widgets and a notice for administrators instead.
 */
final class Integration {

	/**
	 * The oldest Elementor the widgets work with: element caching with `is_dynamic_content()` (3.22) and
	 * per-page widget assets (3.24). Tested with 4.1.5.
	 */
	public const MINIMUM_VERSION = '3.24.0';

	/**
	 * The script that mounts forms Elementor's editor renders again (build/elementor-preview.js).
	 */
	public const PREVIEW_HANDLE = 'cognito-blocks-elementor-preview';

	/**
	 * Whether Elementor is loaded and at least MINIMUM_VERSION.
	 */
	public static function supported(): bool {
		return did_action( 'elementor/loaded' ) > 0 && defined( 'ELEMENTOR_VERSION' ) && self::supports( (string) ELEMENTOR_VERSION );
	}

	/**
	 * Whether an Elementor version is recent enough for the widgets.
	 *
	 * @param string $version An Elementor version, e.g. 4.1.5.
	 */
	public static function supports( string $version ): bool {
		return version_compare( $version, self::MINIMUM_VERSION, '>=' );
	}

	/**
	 * `elementor/elements/categories_registered`: the "Cognito" category.
	 *
	 * @param \Elementor\Elements_Manager $elements Elementor's elements manager.
	 */
	public static function category( $elements ): void {
		if ( self::supported() ) {
			$elements->add_category(
				FormWidget::CATEGORY,
				array(
					'title' => __( 'Cognito', 'cognito-blocks' ),
					'icon'  => 'eicon-lock-user',
				)
			);
		}
	}

	/**
	 * `elementor/widgets/register`: one widget per form of the registry whose block is built.
	 *
	 * @param \Elementor\Widgets_Manager $widgets Elementor's widgets manager.
	 */
	public static function widgets( $widgets ): void {
		if ( ! self::supported() ) {
			return;
		}
		foreach ( Registry::all() as $form ) {
			if ( $form->is_built() ) {
				$widgets->register( new FormWidget( array(), array( FormWidget::FORM_ARG => $form->name ) ) );
			}
		}
	}

	/**
	 * `elementor/frontend/after_register_scripts`: the editor preview's mounting script (widgets ask for it only
	 * in the editor, see FormWidget::get_script_depends()). It runs after the view script and Elementor's own.
	 */
	public static function register_preview_script(): void {
		if ( ! is_readable( Plugin::path( 'build/elementor-preview.js' ) ) ) {
			return;
		}
		wp_register_script( self::PREVIEW_HANDLE, Plugin::url( 'build/elementor-preview.js' ), array( 'elementor-frontend', Assets::VIEW_HANDLE ), Plugin::VERSION, true );
		$names = array();
		foreach ( Registry::all() as $form ) {
			$names[] = FormWidget::name_of( $form );
		}
		wp_add_inline_script( self::PREVIEW_HANDLE, 'window.cognitoBlocksElementorWidgets = ' . wp_json_encode( $names ) . ';', 'before' );
	}

	/**
	 * Whether Elementor is rendering for its editor: the preview frame, or a widget rendered again for it.
	 */
	public static function is_editor(): bool {
		if ( ! class_exists( \Elementor\Plugin::class ) || ! isset( \Elementor\Plugin::$instance ) ) {
			return false;
		}
		$elementor = \Elementor\Plugin::$instance;
		return ( isset( $elementor->editor ) && $elementor->editor->is_edit_mode() )
			|| ( isset( $elementor->preview ) && $elementor->preview->is_preview_mode() );
	}

	/**
	 * `admin_notices`: an Elementor too old for the widgets, said to those who can update plugins.
	 */
	public static function version_notice(): void {
		if ( ! did_action( 'elementor/loaded' ) || ! defined( 'ELEMENTOR_VERSION' ) || self::supported() || ! current_user_can( 'update_plugins' ) ) {
			return;
		}
		printf( '<div class="notice notice-warning"><p>%s</p></div>', esc_html( self::too_old( (string) ELEMENTOR_VERSION ) ) );
	}

	/**
	 * The notice's words for an Elementor that is too old.
	 *
	 * @param string $version The installed version.
	 */
	public static function too_old( string $version ): string {
		return sprintf(
			/* translators: 1: the installed Elementor version, 2: the oldest version the widgets support. */
			__( 'Cognito Blocks: the Elementor widgets need Elementor %2$s or newer (this site has %1$s). The blocks and shortcodes work as before; update Elementor to use the widgets.', 'cognito-blocks' ),
			$version,
			self::MINIMUM_VERSION
		);
	}
}
