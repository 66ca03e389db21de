<?php
/**
 * The forms as Elementor widgets, with the real Elementor loaded in the real WordPress of the test stack.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Integration;

use CognitoBlocks\Elementor\FormWidget;
use CognitoBlocks\Elementor\Integration;
use CognitoBlocks\Elementor\Labels;
use CognitoBlocks\Elementor\StyleControls;
use CognitoBlocks\Forms\Registry;
use PHPUnit\Framework\TestCase;

final class ElementorWidgetsTest extends TestCase {

	public static function setUpBeforeClass(): void {
		if ( ! function_exists( 'do_blocks' ) ) {
			self::markTestSkipped( 'Needs WordPress (WP_ROOT).' );
		}
		if ( ! did_action( 'elementor/loaded' ) ) {
			self::markTestSkipped( 'Elementor is not active on the test site: run the suite with --plugin=../shared/fixtures/elementor-4.1.5.tar.gz (and --wordpress=../shared/fixtures/wordpress-7.1.0.tar.gz; CI does).' );
		}
	}

	protected function setUp(): void {
		wp_set_current_user( 0 );
		\Elementor\Plugin::$instance->editor->set_edit_mode( false );
	}

	protected function tearDown(): void {
		wp_set_current_user( 0 );
		\Elementor\Plugin::$instance->editor->set_edit_mode( false );
		remove_all_filters( 'elementor/element/should_render_shortcode' );
	}

	/**
	 * A widget instance as Elementor creates one for a page.
	 *
	 * @param string              $widget_type Widget name.
	 * @param array<string,mixed> $settings    Saved settings.
	 * @param string              $id          Element id.
	 */
	private static function element( string $widget_type, array $settings = array(), string $id = 'abc1234' ): \Elementor\Element_Base {
		$element = \Elementor\Plugin::$instance->elements_manager->create_element_instance(
			array(
				'id'         => $id,
				'elType'     => 'widget',
				'widgetType' => $widget_type,
				'settings'   => $settings,
				'elements'   => array(),
			)
		);
		self::assertInstanceOf( \Elementor\Element_Base::class, $element, $widget_type . ' is not a registered widget' );
		return $element;
	}

	/**
	 * What print_element() prints.
	 *
	 * @param \Elementor\Element_Base $element The element.
	 */
	private static function printed( \Elementor\Element_Base $element ): string {
		ob_start();
		$element->print_element();
		return (string) ob_get_clean();
	}

	/**
	 * The mount point of the markup: its form name and decoded data-config.
	 *
	 * @param string $html Markup.
	 * @return array{0:string,1:array<string,mixed>}
	 */
	private static function mount_point( string $html ): array {
		self::assertSame( 1, preg_match( '/data-cognito-blocks="([^"]*)" data-config="([^"]*)"/', $html, $match ), $html );
		$config = json_decode( html_entity_decode( $match[2], ENT_QUOTES ), true );
		self::assertIsArray( $config );
		return array( $match[1], $config );
	}

	public function test_every_form_of_the_registry_has_a_widget_in_the_cognito_category(): void {
		$this->assertTrue( Integration::supported() );
		$types = \Elementor\Plugin::$instance->widgets_manager->get_widget_types();
		foreach ( Registry::all() as $form ) {
			$name = FormWidget::name_of( $form );
			$this->assertArrayHasKey( $name, $types, $form->name );
			$widget = $types[ $name ];
			$this->assertSame( array( FormWidget::CATEGORY ), $widget->get_categories() );
			$this->assertStringStartsWith( 'eicon-', $widget->get_icon() );
			$this->assertContains( 'cognito', $widget->get_keywords() );
			$this->assertNotSame( '', $widget->get_title() );
			$this->assertFalse( $widget->has_widget_inner_wrapper() );
		}
		$categories = \Elementor\Plugin::$instance->elements_manager->get_categories();
		$this->assertSame( 'Cognito', $categories[ FormWidget::CATEGORY ]['title'] ?? null );
	}

	public function test_an_elementor_older_than_the_minimum_gets_no_widgets_and_a_notice_that_says_so(): void {
		$this->assertTrue( Integration::supports( ELEMENTOR_VERSION ) );
		$this->assertTrue( Integration::supports( Integration::MINIMUM_VERSION ) );
		$this->assertFalse( Integration::supports( '3.23.9' ) );
		$this->assertStringContainsString( 'need Elementor ' . Integration::MINIMUM_VERSION . ' or newer (this site has 3.23.9)', Integration::too_old( '3.23.9' ) );
		// This site's Elementor is recent: no notice, even for an administrator.
		wp_set_current_user( 1 );
		ob_start();
		Integration::version_notice();
		$this->assertSame( '', ob_get_clean() );
	}

	public function test_there_is_one_widget_per_form_and_no_other(): void {
		$types = \Elementor\Plugin::$instance->widgets_manager->get_widget_types();
		$this->assertCount( count( Registry::all() ), array_filter( array_keys( $types ), static fn ( $name ) => str_starts_with( (string) $name, 'cognito-blocks-' ) ), 'one widget per form, no more' );
	}

	public function test_the_controls_cover_every_attribute_of_the_block_with_a_label_of_its_own(): void {
		$types = \Elementor\Plugin::$instance->widgets_manager->get_widget_types();
		foreach ( Registry::all() as $form ) {
			$controls = $types[ FormWidget::name_of( $form ) ]->get_controls();
			foreach ( array_keys( $form->attribute_schema() ) as $attribute ) {
				$this->assertArrayHasKey( $attribute, $controls, "{$form->name}: {$attribute}" );
				$this->assertSame( 'content', $controls[ $attribute ]['tab'], "{$form->name}: {$attribute}" );
				$this->assertArrayHasKey( $attribute, Labels::all(), "{$form->name}: {$attribute} has no label in Labels::all()" );
			}
			// Elementor keeps style controls apart outside its editor: ask for each one by id.
			$widget = $types[ FormWidget::name_of( $form ) ];
			foreach ( array( 'primary', 'primary-contrast', 'text', 'background', 'radius', 'primary-hover', 'focus', 'input-background' ) as $token ) {
				$control = $widget->get_controls( StyleControls::control_id( $token ) );
				$this->assertIsArray( $control, "{$form->name}: {$token}" );
				$this->assertStringContainsString( '--cognito-blocks-' . $token . ':', implode( ' ', (array) $control['selectors'] ), "{$form->name}: {$token}" );
			}
			$this->assertIsArray( $widget->get_controls( 'cognito_blocks_typography_font_family' ) );
		}
	}

	public function test_a_widget_prints_the_same_mount_point_and_config_as_the_block_with_equal_attributes(): void {
		$widget = self::printed(
			self::element(
				'cognito-blocks-register',
				array(
					'heading'       => 'Join us',
					'redirectUrl'   => array( 'url' => 'https://example.test/welcome/' ),
					'showSignIn'    => '',
					'usernameField' => 'yes',
					'fields'        => array(
						array(
							'_id'      => 'a1',
							'name'     => 'email',
							'label'    => '',
							'required' => 'yes',
						),
						array(
							'_id'      => 'a2',
							'name'     => 'custom:team',
							'label'    => 'Team',
							'required' => '',
						),
					),
				)
			)
		);
		$block = do_blocks(
			'<!-- wp:cognito-blocks/register ' . wp_json_encode(
				array(
					'heading'       => 'Join us',
					'redirectUrl'   => 'https://example.test/welcome/',
					'showSignIn'    => false,
					'usernameField' => true,
					'fields'        => array(
						array(
							'name'     => 'email',
							'label'    => '',
							'required' => true,
						),
						array(
							'name'     => 'custom:team',
							'label'    => 'Team',
							'required' => false,
						),
					),
				)
			) . ' /-->'
		);
		$this->assertSame( self::mount_point( $block ), self::mount_point( $widget ) );
		$this->assertSame( 'Join us', self::mount_point( $widget )[1]['attributes']['heading'] );
		// The same skeleton too: the markup inside the mount point is identical.
		$inner = static fn ( string $html ): string => (string) preg_replace( array( '/^.*?data-config="[^"]*">/s', '/cognito-blocks-skeleton-\d+-/' ), array( '', 'cognito-blocks-skeleton-N-' ), $html );
		$this->assertSame( $inner( $block ), substr( $inner( $widget ), 0, strlen( $inner( $block ) ) ) );
		$this->assertStringContainsString( 'elementor-widget-cognito-blocks-register', $widget );
		$this->assertStringNotContainsString( 'elementor-widget-container', $widget, 'no inner wrapper' );
	}

	public function test_the_defaults_of_an_untouched_widget_are_the_blocks_defaults(): void {
		foreach ( Registry::all() as $form ) {
			if ( $form->signed_in ) {
				continue; // signed out, the profile prints the sign-in form instead
			}
			$widget = self::mount_point( self::printed( self::element( FormWidget::name_of( $form ) ) ) );
			$block  = self::mount_point( do_blocks( '<!-- wp:' . $form->block_name() . ' /-->' ) );
			$this->assertSame( $block, $widget, $form->name );
		}
	}

	public function test_signed_in_the_front_end_shows_who_is_signed_in_but_the_editor_shows_the_form_inert(): void {
		wp_set_current_user( 1 );
		$front = self::printed( self::element( 'cognito-blocks-login' ) );
		$this->assertStringContainsString( 'cognito-blocks__signed-in', $front );
		$this->assertStringNotContainsString( 'data-config', $front );

		\Elementor\Plugin::$instance->editor->set_edit_mode( true );
		list( $form, $config ) = self::mount_point( self::printed( self::element( 'cognito-blocks-login' ) ) );
		$this->assertSame( 'login', $form );
		$this->assertTrue( $config['preview'] );
		$this->assertContains( Integration::PREVIEW_HANDLE, self::element( 'cognito-blocks-login' )->get_script_depends() );
	}

	public function test_the_front_end_asks_only_for_the_view_script_and_the_form_styles(): void {
		$element = self::element( 'cognito-blocks-login' );
		$this->assertSame( array( 'cognito-blocks-view' ), $element->get_script_depends() );
		$this->assertSame( array( 'cognito-blocks-forms' ), $element->get_style_depends() );
		$this->assertArrayNotHasKey( 'preview', self::mount_point( self::printed( $element ) )[1] );
	}

	public function test_the_widget_is_never_served_from_elementors_element_cache(): void {
		add_filter( 'elementor/element/should_render_shortcode', '__return_true' );
		// "Cache settings: Active" on the widget itself.
		$ours = self::printed( self::element( 'cognito-blocks-login', array( '_element_cache' => 'no' ) ) );
		$this->assertStringStartsWith( '[elementor-element ', $ours, 'rendered on every request, not cached' );
		// A core widget with the same setting is cached: the check above can tell the two apart.
		$heading = self::printed(
			self::element(
				'heading',
				array(
					'title'          => 'Hello',
					'_element_cache' => 'no',
				)
			)
		);
		$this->assertStringNotContainsString( '[elementor-element ', $heading );
	}

	public function test_style_controls_set_the_tokens_in_elementors_generated_css(): void {
		$admin = get_user_by( 'login', (string) getenv( 'WP_ADMIN_USER' ) );
		$this->assertInstanceOf( \WP_User::class, $admin );
		wp_set_current_user( $admin->ID );
		$post_id = wp_insert_post(
			array(
				'post_type'   => 'page',
				'post_status' => 'publish',
				'post_title'  => 'Elementor CSS test',
			)
		);
		$this->assertIsInt( $post_id );
		try {
			$document = \Elementor\Plugin::$instance->documents->get( $post_id );
			$document->save(
				array(
					'elements' => array(
						array(
							'id'       => 'ccc0001',
							'elType'   => 'container',
							'settings' => array(),
							'elements' => array(
								array(
									'id'         => 'ccc0002',
									'elType'     => 'widget',
									'widgetType' => 'cognito-blocks-login',
									'settings'   => array(
										'cognito_blocks_primary' => '#5b2a86',
										'cognito_blocks_radius'  => array(
											'unit' => 'px',
											'size' => 12,
										),
										'__globals__'            => array( 'cognito_blocks_text' => 'globals/colors?id=text' ),
									),
									'elements'   => array(),
								),
							),
						),
					),
				)
			);
			$css      = ( new \Elementor\Core\Files\CSS\Post( $post_id ) )->get_content();
			$selector = '.elementor-' . $post_id . ' .elementor-element.elementor-element-ccc0002 > *';
			$this->assertStringContainsString( $selector . '{', $css );
			$this->assertMatchesRegularExpression( '/' . preg_quote( $selector, '/' ) . '\{[^}]*--cognito-blocks-primary:#5b2a86;/', $css );
			$this->assertMatchesRegularExpression( '/' . preg_quote( $selector, '/' ) . '\{[^}]*--cognito-blocks-radius:12px;/', $css );
			$this->assertMatchesRegularExpression( '/--cognito-blocks-text:var\(\s*--e-global-color-text\s*\)/', $css, 'a global colour is linked, not copied' );
		} finally {
			// Not built with Elementor any more first: deleting a builder page makes Elementor read the post
			// it is deleting (a PHP warning in its own code).
			delete_post_meta( $post_id, '_elementor_edit_mode' );
			wp_delete_post( $post_id, true );
		}
	}
}
