<?php
/**
 * A form's Elementor controls, from its block.json.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Elementor;

use CognitoBlocks\Forms\Form;
use Elementor\Controls_Manager;

/**
 * Turns a form's attributes (block.json) into Elementor content controls, and a widget's saved settings back
 * into those attributes. The control ids are the attribute names, so a widget and a block with equal settings
 * hand the renderer the same attributes.
 *
 * | block.json attribute                 | control                                                     |
 * |--------------------------------------|-------------------------------------------------------------|
 * | boolean                              | switcher (`yes` / empty)                                    |
 * | string with `enum`                   | select                                                      |
 * | string named `*Url`                  | URL (link options hidden; dynamic tags allowed)             |
 * | string `description`, `terms`        | textarea                                                    |
 * | other string, integer, number        | text, number                                                |
 * | array of objects (`fields`)          | repeater: attribute name, label and the form's flag switch  |
 */
final class Controls {

	/**
	 * The flag each form's field list carries, as the blocks' FieldsSetting offers it (blocks/<form>/edit.tsx).
	 */
	private const FIELD_FLAGS = array(
		'register' => 'required',
		'profile'  => 'readOnly',
	);

	/**
	 * The content sections of a form, in panel order: section → [ attribute name → control arguments ].
	 *
	 * @param Form $form A form of the registry.
	 * @return array<string,array<string,array<string,mixed>>>
	 */
	public static function content( Form $form ): array {
		$sections = array_fill_keys( array_keys( Labels::sections() ), array() );
		foreach ( $form->attribute_schema() as $name => $schema ) {
			list( $label, $help, $section ) = Labels::of( $name );
			$control                        = self::control( $form, $name, $schema ) + array( 'label' => $label );
			if ( '' !== $help ) {
				$control['description'] = $help;
			}
			$sections[ $section ][ $name ] = $control;
		}
		return array_filter( $sections );
	}

	/**
	 * The control for one attribute, without its label.
	 *
	 * @param Form                $form   The form.
	 * @param string              $name   Attribute name.
	 * @param array<string,mixed> $schema Its block.json schema.
	 * @return array<string,mixed>
	 */
	private static function control( Form $form, string $name, array $schema ): array {
		$type    = $schema['type'] ?? 'string';
		$default = $schema['default'] ?? null;
		if ( 'boolean' === $type ) {
			return array(
				'type'         => Controls_Manager::SWITCHER,
				'return_value' => 'yes',
				'default'      => true === $default ? 'yes' : '',
			);
		}
		if ( 'array' === $type && 'object' === ( $schema['items']['type'] ?? '' ) ) {
			return self::fields( $form, is_array( $default ) ? $default : array() );
		}
		if ( isset( $schema['enum'] ) && is_array( $schema['enum'] ) ) {
			$options = array();
			foreach ( $schema['enum'] as $value ) {
				$options[ (string) $value ] = Labels::choice( $name, (string) $value );
			}
			return array(
				'type'    => Controls_Manager::SELECT,
				'options' => $options,
				'default' => (string) $default,
			);
		}
		if ( str_ends_with( $name, 'Url' ) ) {
			return array(
				'type'        => Controls_Manager::URL,
				'options'     => false,
				'placeholder' => 'https://',
				'default'     => array( 'url' => (string) $default ),
				'dynamic'     => array( 'active' => true ),
			);
		}
		if ( 'integer' === $type || 'number' === $type ) {
			return array(
				'type'    => Controls_Manager::NUMBER,
				'default' => $default,
			);
		}
		return array(
			'type'        => in_array( $name, array( 'description', 'terms' ), true ) ? Controls_Manager::TEXTAREA : Controls_Manager::TEXT,
			'default'     => is_scalar( $default ) ? (string) $default : '',
			'label_block' => true,
			'dynamic'     => array( 'active' => true ),
		);
	}

	/**
	 * The field list as a repeater: which Cognito attribute, its label, and the form's flag.
	 *
	 * @param Form                    $form    The form.
	 * @param array<int|string,mixed> $default block.json's default list.
	 * @return array<string,mixed>
	 */
	private static function fields( Form $form, array $default ): array {
		$repeater = new \Elementor\Repeater();
		$repeater->add_control(
			'name',
			array(
				'label'       => __( 'Cognito attribute', 'cognito-blocks' ),
				'type'        => Controls_Manager::TEXT,
				'placeholder' => 'given_name',
				'description' => __( 'A standard attribute (email, given_name, phone_number…) or custom:<name>.', 'cognito-blocks' ),
			)
		);
		$repeater->add_control(
			'label',
			array(
				'label'       => __( 'Label', 'cognito-blocks' ),
				'type'        => Controls_Manager::TEXT,
				'description' => __( 'Leave empty for the default.', 'cognito-blocks' ),
			)
		);
		$flag = self::FIELD_FLAGS[ $form->name ] ?? null;
		if ( null !== $flag ) {
			$repeater->add_control(
				$flag,
				array(
					'label'        => 'required' === $flag ? __( 'Required', 'cognito-blocks' ) : __( 'Read-only', 'cognito-blocks' ),
					'type'         => Controls_Manager::SWITCHER,
					'return_value' => 'yes',
					'default'      => '',
				)
			);
		}
		$items = array();
		foreach ( $default as $item ) {
			if ( is_array( $item ) && isset( $item['name'] ) ) {
				$row = array(
					'name'  => (string) $item['name'],
					'label' => (string) ( $item['label'] ?? '' ),
				);
				if ( null !== $flag ) {
					$row[ $flag ] = empty( $item[ $flag ] ) ? '' : 'yes';
				}
				$items[] = $row;
			}
		}
		return array(
			'type'        => Controls_Manager::REPEATER,
			'fields'      => $repeater->get_controls(),
			'default'     => $items,
			'title_field' => '{{{ name }}}',
		);
	}

	/**
	 * A widget's settings as the form's block attributes (what a block with the same choices would hold). Only
	 * attributes the settings hold are returned; the renderer fills in the rest from block.json.
	 *
	 * @param Form                $form     The form.
	 * @param array<string,mixed> $settings The widget's settings for display.
	 * @return array<string,mixed>
	 */
	public static function attributes( Form $form, array $settings ): array {
		$attributes = array();
		foreach ( $form->attribute_schema() as $name => $schema ) {
			if ( ! array_key_exists( $name, $settings ) ) {
				continue;
			}
			$value = $settings[ $name ];
			$type  = $schema['type'] ?? 'string';
			if ( 'boolean' === $type ) {
				$attributes[ $name ] = 'yes' === $value || true === $value;
			} elseif ( 'array' === $type && is_array( $value ) ) {
				$attributes[ $name ] = self::field_list( $form, $value );
			} elseif ( is_array( $value ) ) {
				// A URL control: { url, is_external, nofollow }.
				$attributes[ $name ] = is_string( $value['url'] ?? null ) ? $value['url'] : '';
			} else {
				$attributes[ $name ] = $value;
			}
		}
		return $attributes;
	}

	/**
	 * Repeater rows → the block's field list.
	 *
	 * @param Form         $form The form.
	 * @param array<mixed> $rows Repeater rows.
	 * @return list<array<string,mixed>>
	 */
	private static function field_list( Form $form, array $rows ): array {
		$flag   = self::FIELD_FLAGS[ $form->name ] ?? null;
		$fields = array();
		foreach ( $rows as $row ) {
			$name = is_array( $row ) && is_string( $row['name'] ?? null ) ? trim( $row['name'] ) : '';
			if ( '' === $name ) {
				continue;
			}
			$field = array(
				'name'  => $name,
				'label' => is_string( $row['label'] ?? null ) ? $row['label'] : '',
			);
			if ( null !== $flag ) {
				$field[ $flag ] = 'yes' === ( $row[ $flag ] ?? '' );
			}
			$fields[] = $field;
		}
		return $fields;
	}
}
