<?php
/**
 * The widgets' Style tab.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Elementor;

use Elementor\Controls_Manager;
use Elementor\Group_Control_Typography;
use Elementor\Widget_Base;

/**
 * Style controls that set the forms' design tokens (`--cognito-blocks-*`, src/styles/_tokens.scss) on the
 * widget's form, so Elementor's generated CSS themes the form without any CSS of the form's own being
 * overridden. Colours accept Elementor's global colours and the typography its global fonts; nothing is preset,
 * so a form dropped on a page keeps its accessible defaults until a designer picks a value.
 */
final class StyleControls {

	/**
	 * What the tokens are set on: the form's outer element, the widget's only child (the widgets have no inner
	 * wrapper). Its class beats the tokens' own zero-specificity declaration on the same element.
	 */
	public const SELECTOR = '{{WRAPPER}} > *';

	/**
	 * Adds the Style tab's sections to a widget.
	 *
	 * @param Widget_Base $widget The widget being registered.
	 */
	public static function add( Widget_Base $widget ): void {
		$widget->start_controls_section(
			'cognito_blocks_style_colours',
			array(
				'label' => __( 'Colours', 'cognito-blocks' ),
				'tab'   => Controls_Manager::TAB_STYLE,
			)
		);
		foreach ( self::colours() as $token => $label ) {
			self::colour( $widget, $token, $label );
		}
		$widget->end_controls_section();

		$widget->start_controls_section(
			'cognito_blocks_style_states',
			array(
				'label' => __( 'Buttons and fields', 'cognito-blocks' ),
				'tab'   => Controls_Manager::TAB_STYLE,
			)
		);
		$widget->start_controls_tabs( 'cognito_blocks_states' );
		$widget->start_controls_tab( 'cognito_blocks_state_normal', array( 'label' => __( 'Normal', 'cognito-blocks' ) ) );
		self::colour( $widget, 'input-background', __( 'Field background', 'cognito-blocks' ) );
		$widget->end_controls_tab();
		$widget->start_controls_tab( 'cognito_blocks_state_hover', array( 'label' => __( 'Hover', 'cognito-blocks' ) ) );
		self::colour( $widget, 'primary-hover', __( 'Button background', 'cognito-blocks' ) );
		$widget->end_controls_tab();
		$widget->start_controls_tab( 'cognito_blocks_state_focus', array( 'label' => __( 'Focus', 'cognito-blocks' ) ) );
		self::colour( $widget, 'focus', __( 'Focus ring', 'cognito-blocks' ) );
		$widget->end_controls_tab();
		$widget->end_controls_tabs();
		$widget->end_controls_section();

		$widget->start_controls_section(
			'cognito_blocks_style_shape',
			array(
				'label' => __( 'Type, shape and spacing', 'cognito-blocks' ),
				'tab'   => Controls_Manager::TAB_STYLE,
			)
		);
		$widget->add_group_control(
			Group_Control_Typography::get_type(),
			array(
				'name'           => 'cognito_blocks_typography',
				'selector'       => self::SELECTOR,
				'global'         => array( 'active' => true ),
				'exclude'        => array( 'line_height', 'letter_spacing', 'word_spacing', 'text_decoration', 'text_transform', 'font_style' ),
				// The form reads its font through tokens (it sets its own font-family and size, so plain
				// properties on the element around it would not reach it).
				'fields_options' => array(
					'font_family' => array( 'selectors' => array( '{{SELECTOR}}' => '--cognito-blocks-font-family: "{{VALUE}}"' ) ),
					'font_size'   => array( 'selectors' => array( '{{SELECTOR}}' => '--cognito-blocks-font-size: {{SIZE}}{{UNIT}}' ) ),
				),
			)
		);
		self::size( $widget, 'heading-size', __( 'Heading size', 'cognito-blocks' ), array( 'em', 'rem', 'px' ), 4 );
		self::size( $widget, 'radius', __( 'Corner radius', 'cognito-blocks' ), array( 'px', 'rem', 'em' ), 40 );
		self::size( $widget, 'control-height', __( 'Field and button height', 'cognito-blocks' ), array( 'rem', 'px', 'em' ), 6 );
		self::size( $widget, 'space-4', __( 'Space between fields', 'cognito-blocks' ), array( 'rem', 'px', 'em' ), 4 );
		self::size( $widget, 'max-width', __( 'Maximum width', 'cognito-blocks' ), array( 'rem', 'px', '%' ), 60 );
		$widget->end_controls_section();

	}

	/**
	 * The colour tokens of the Colours section → label.
	 *
	 * @return array<string,string>
	 */
	private static function colours(): array {
		return array(
			'primary'          => __( 'Primary (buttons, links)', 'cognito-blocks' ),
			'primary-contrast' => __( 'Button text', 'cognito-blocks' ),
			'text'             => __( 'Text', 'cognito-blocks' ),
			'background'       => __( 'Background', 'cognito-blocks' ),
			'muted'            => __( 'Hints', 'cognito-blocks' ),
			'border'           => __( 'Borders', 'cognito-blocks' ),
			'error'            => __( 'Errors', 'cognito-blocks' ),
			'success'          => __( 'Success', 'cognito-blocks' ),
		);
	}

	/**
	 * A colour control for one token; Elementor's global colours can be picked for it.
	 *
	 * @param Widget_Base $widget The widget.
	 * @param string      $token  Token name without `--cognito-blocks-`.
	 * @param string      $label  Control label.
	 */
	private static function colour( Widget_Base $widget, string $token, string $label ): void {
		$widget->add_control(
			self::control_id( $token ),
			array(
				'label'     => $label,
				'type'      => Controls_Manager::COLOR,
				'global'    => array( 'active' => true ),
				'selectors' => array( self::SELECTOR => '--cognito-blocks-' . $token . ': {{VALUE}};' ),
			)
		);
	}

	/**
	 * A length control for one token.
	 *
	 * @param Widget_Base $widget The widget.
	 * @param string      $token  Token name without `--cognito-blocks-`.
	 * @param string      $label  Control label.
	 * @param string[]    $units Units offered, the first one preselected.
	 * @param int         $max    Upper end of the slider in the first unit.
	 */
	private static function size( Widget_Base $widget, string $token, string $label, array $units, int $max ): void {
		$range = array();
		foreach ( $units as $unit ) {
			$range[ $unit ] = 'px' === $unit ? array(
				'min' => 0,
				'max' => 'rem' === $units[0] || 'em' === $units[0] ? $max * 16 : $max,
			) : array(
				'min'  => 0,
				'max'  => '%' === $unit ? 100 : ( 'px' === $units[0] ? $max / 16 : $max ),
				'step' => 0.05,
			);
		}
		$widget->add_responsive_control(
			self::control_id( $token ),
			array(
				'label'      => $label,
				'type'       => Controls_Manager::SLIDER,
				'size_units' => $units,
				'range'      => $range,
				'selectors'  => array( self::SELECTOR => '--cognito-blocks-' . $token . ': {{SIZE}}{{UNIT}};' ),
			)
		);
	}

	/**
	 * The control id for a token: `primary-contrast` → `cognito_blocks_primary_contrast`.
	 *
	 * @param string $token Token name without `--cognito-blocks-`.
	 */
	public static function control_id( string $token ): string {
		return 'cognito_blocks_' . str_replace( '-', '_', $token );
	}
}
