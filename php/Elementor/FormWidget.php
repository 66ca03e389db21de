<?php
/**
 * One Elementor widget per form.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Elementor;

use CognitoBlocks\Forms\Form;
use CognitoBlocks\Forms\Registry;
use CognitoBlocks\Render\Assets;
use CognitoBlocks\Render\FormRenderer;
use Elementor\Controls_Manager;
use Elementor\Widget_Base;

/**
 * A form of the registry as an Elementor widget: `cognito-blocks-<form>`, its content controls generated from the
 * form's block.json (Controls), the Style tab's design tokens (StyleControls), and the same renderer and mount
 * point as the block and the shortcode. One class serves every form: Elementor creates each widget instance with
 * the arguments its type was registered with (as it does for WordPress widgets), and the form's name is one.
 */
final class FormWidget extends Widget_Base {

	/**
	 * The registration argument that names the form.
	 */
	public const FORM_ARG = 'cognito_blocks_form';

	/**
	 * The widget category (Integration::category()).
	 */
	public const CATEGORY = 'cognito-blocks';

	/**
	 * The form this widget shows.
	 *
	 * @var Form|null
	 */
	private ?Form $form;

	/**
	 * Elementor's element constructor, plus the form from the arguments.
	 *
	 * @param array<string,mixed>      $data Element data (empty for the widget type itself).
	 * @param array<string,mixed>|null $args Element arguments: FORM_ARG names the form.
	 */
	public function __construct( $data = array(), $args = null ) {
		$this->form = Registry::get( is_array( $args ) && is_string( $args[ self::FORM_ARG ] ?? null ) ? $args[ self::FORM_ARG ] : '' );
		parent::__construct( $data, $args );
	}

	/**
	 * The widget name for a form: `cognito-blocks-login`.
	 *
	 * @param Form $form The form.
	 */
	public static function name_of( Form $form ): string {
		return 'cognito-blocks-' . $form->name;
	}

	/**
	 * The widget's name.
	 */
	public function get_name(): string {
		return null === $this->form ? 'cognito-blocks-unknown' : self::name_of( $this->form );
	}

	/**
	 * The block's title, as WordPress translated it when it registered the block.
	 */
	public function get_title(): string {
		$type = null === $this->form ? null : \WP_Block_Type_Registry::get_instance()->get_registered( $this->form->block_name() );
		return null === $type ? __( 'Cognito form', 'cognito-blocks' ) : (string) $type->title;
	}

	/**
	 * An Elementor icon per form.
	 */
	public function get_icon(): string {
		$icons = array(
			'login'          => 'eicon-lock-user',
			'register'       => 'eicon-person',
			'reset-password' => 'eicon-lock',
			'profile'        => 'eicon-user-circle-o',
		);
		return $icons[ $this->form->name ?? '' ] ?? 'eicon-site-identity';
	}

	/**
	 * The "Cognito" category.
	 *
	 * @return list<string>
	 */
	public function get_categories(): array {
		return array( self::CATEGORY );
	}

	/**
	 * The block's keywords, for the panel's search.
	 *
	 * @return list<string>
	 */
	public function get_keywords(): array {
		$type     = null === $this->form ? null : \WP_Block_Type_Registry::get_instance()->get_registered( $this->form->block_name() );
		$keywords = null === $type ? array() : array_values( array_map( 'strval', (array) $type->keywords ) );
		return array_values( array_unique( array_merge( $keywords, array( 'cognito', 'account' ) ) ) );
	}

	/**
	 * The view script, which Elementor enqueues only on pages holding a widget; in the editor's preview, also the
	 * script that mounts widgets Elementor renders again as their controls change.
	 *
	 * @return list<string>
	 */
	public function get_script_depends(): array {
		return Integration::is_editor() ? array( Assets::VIEW_HANDLE, Integration::PREVIEW_HANDLE ) : array( Assets::VIEW_HANDLE );
	}

	/**
	 * The forms' stylesheet.
	 *
	 * @return list<string>
	 */
	public function get_style_depends(): array {
		return array( Assets::STYLE_HANDLE );
	}

	/**
	 * No inner wrapper: the mount point is the widget element's only child.
	 */
	public function has_widget_inner_wrapper(): bool {
		return false;
	}

	/**
	 * The markup depends on the visitor (signed in or not), so it is never kept in Elementor's element cache.
	 */
	protected function is_dynamic_content(): bool {
		return true;
	}

	/**
	 * Elementor's per-widget "Cache settings" can turn the element cache on for one widget; not for these, whose
	 * signed-in markup names the visitor. While the element cache is on, the widget is always rendered fresh.
	 */
	protected function should_render_shortcode() {
		// Elementor's own filter, read as Element_Base::should_render_shortcode() reads it.
		return (bool) apply_filters( 'elementor/element/should_render_shortcode', false ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound, WordPress.NamingConventions.ValidHookName.UseUnderscores
	}

	/**
	 * Content controls from block.json, then the Style tab.
	 */
	protected function register_controls(): void {
		if ( null === $this->form ) {
			return;
		}
		$titles = Labels::sections();
		foreach ( Controls::content( $this->form ) as $section => $controls ) {
			$this->start_controls_section(
				'cognito_blocks_' . $section,
				array(
					'label' => $titles[ $section ] ?? $section,
					'tab'   => Controls_Manager::TAB_CONTENT,
				)
			);
			foreach ( $controls as $name => $control ) {
				$this->add_control( $name, $control );
			}
			$this->end_controls_section();
		}
		StyleControls::add( $this );
	}

	/**
	 * The form's mount point, from the same renderer as the block; in Elementor's editor, the form whoever is
	 * signed in, inert.
	 */
	protected function render(): void {
		if ( null === $this->form ) {
			return;
		}
		$attributes = Controls::attributes( $this->form, (array) $this->get_settings_for_display() );
		// The renderer escapes everything it prints.
		echo FormRenderer::render( $this->form->name, $attributes, '', Integration::is_editor() ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped
	}
}
