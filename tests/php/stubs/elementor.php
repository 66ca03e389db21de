<?php
/**
 * The part of Elementor's API that php/Elementor uses, for PHPStan only (it reads this file, never runs it).
 * Signatures as in Elementor 4.1.5; the integration tests run the real Elementor.
 *
 * @package CognitoBlocks
 */

// phpcs:ignoreFile -- declarations of a third-party API.

namespace Elementor {

	class Controls_Manager {
		const TAB_CONTENT = 'content';
		const TAB_STYLE   = 'style';
		const TEXT        = 'text';
		const TEXTAREA    = 'textarea';
		const NUMBER      = 'number';
		const SELECT      = 'select';
		const SWITCHER    = 'switcher';
		const URL         = 'url';
		const COLOR       = 'color';
		const SLIDER      = 'slider';
		const REPEATER    = 'repeater';
	}

	abstract class Controls_Stack {
		/** @param array<string,mixed> $args */
		public function start_controls_section( string $section_id, array $args = array() ): void {}
		public function end_controls_section(): void {}
		/** @param array<string,mixed> $args */
		public function add_control( string $id, array $args, array $options = array() ): bool { return true; }
		/** @param array<string,mixed> $args */
		public function add_responsive_control( string $id, array $args, array $options = array() ): void {}
		/** @param array<string,mixed> $args */
		public function add_group_control( string $group_name, array $args = array(), array $options = array() ): void {}
		/** @param array<string,mixed> $args */
		public function start_controls_tabs( string $tabs_id, array $args = array() ): void {}
		public function end_controls_tabs(): void {}
		/** @param array<string,mixed> $args */
		public function start_controls_tab( string $tab_id, array $args ): void {}
		public function end_controls_tab(): void {}
		/** @return array<string,mixed> */
		public function get_controls( ?string $control_id = null ): array { return array(); }
		/** @return array<string,mixed>|mixed */
		public function get_settings_for_display( ?string $setting_key = null ) { return array(); }
	}

	abstract class Element_Base extends Controls_Stack {
		/**
		 * @param array<string,mixed>      $data
		 * @param array<string,mixed>|null $args
		 */
		public function __construct( array $data = array(), ?array $args = null ) {}
		/** @return bool */
		protected function should_render_shortcode() { return false; }
		protected function is_dynamic_content(): bool { return true; }
		public function has_widget_inner_wrapper(): bool { return true; }
		public function print_element(): void {}
	}

	abstract class Widget_Base extends Element_Base {}

	class Repeater extends Element_Base {}

	class Group_Control_Typography {
		public static function get_type(): string { return 'typography'; }
	}

	class Elements_Manager {
		/** @param array<string,mixed> $category_properties */
		public function add_category( string $category_name, array $category_properties ): void {}
	}

	class Widgets_Manager {
		public function register( Widget_Base $widget_instance ): bool { return true; }
	}

	class Plugin {
		/** @var Plugin|null */
		public static $instance;
		/** @var Core\Editor\Editor|null */
		public $editor;
		/** @var Preview|null */
		public $preview;
	}

	class Preview {
		public function is_preview_mode( int $post_id = 0 ): bool { return false; }
	}
}

namespace Elementor\Core\Editor {
	class Editor {
		public function is_edit_mode( ?int $post_id = null ): bool { return false; }
	}
}
