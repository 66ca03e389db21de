<?php
/**
 * Shortcodes for the account forms.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Render;

use CognitoBlocks\Plugin;

/**
 * `[cognito_login]`, `[cognito_register]` and `[cognito_reset_password]`: the blocks' forms for classic content.
 *
 * They take the same attributes as the blocks, read from the built block.json so that file stays the single
 * contract. Shortcode attribute names arrive lowercased, so `redirect_url`, `redirecturl` and `redirectUrl` all
 * mean the block's `redirectUrl`. Values are converted to the block attribute's type; an invalid value falls
 * back to the block's default. Arrays are JSON or a comma-separated list; for the sign-up `fields` each entry
 * is `name`, `name*` (required) or `name*:Label`.
 */
final class Shortcodes {

	/**
	 * Shortcode tag => form.
	 */
	public const TAGS = array(
		'cognito_login'          => 'login',
		'cognito_register'       => 'register',
		'cognito_reset_password' => 'reset-password',
	);

	/**
	 * Attribute schemas by form, read once per request.
	 *
	 * @var array<string,array<string,array<string,mixed>>>
	 */
	private static array $schemas = array();

	/**
	 * Registers every shortcode (the `init` action).
	 */
	public static function register(): void {
		foreach ( array_keys( self::TAGS ) as $tag ) {
			add_shortcode( $tag, array( self::class, 'render' ) );
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
		$form = self::TAGS[ $tag ] ?? '';
		if ( '' === $form ) {
			return '';
		}
		return FormRenderer::render( $form, self::attributes( $form, is_array( $atts ) ? $atts : array() ) );
	}

	/**
	 * Block attributes from shortcode attributes: every attribute of the block, typed, with defaults.
	 *
	 * @param string                  $form One of FormRenderer::FORMS.
	 * @param array<int|string,mixed> $atts Shortcode attributes.
	 * @return array<string,mixed>
	 */
	public static function attributes( string $form, array $atts ): array {
		$given = array();
		foreach ( $atts as $name => $value ) {
			if ( is_string( $name ) ) {
				$given[ self::key( $name ) ] = $value;
			}
		}
		$attributes = array();
		foreach ( self::schema( $form ) as $name => $schema ) {
			$default             = $schema['default'] ?? null;
			$value               = $given[ self::key( $name ) ] ?? null;
			$attributes[ $name ] = null === $value ? $default : self::sanitize( $value, $schema, $name );
		}
		return $attributes;
	}

	/**
	 * `redirect_url`, `redirecturl` and `redirectUrl` → `redirecturl`.
	 *
	 * @param string $name Attribute name.
	 */
	private static function key( string $name ): string {
		return strtolower( str_replace( array( '_', '-' ), '', $name ) );
	}

	/**
	 * The `attributes` of build/blocks/<form>/block.json.
	 *
	 * @param string $form Form name.
	 * @return array<string,array<string,mixed>>
	 */
	private static function schema( string $form ): array {
		if ( ! isset( self::$schemas[ $form ] ) ) {
			$file     = Plugin::path( 'build/blocks/' . $form . '/block.json' );
			$metadata = is_readable( $file ) ? wp_json_file_decode( $file, array( 'associative' => true ) ) : null;
			$schema   = is_array( $metadata ) && is_array( $metadata['attributes'] ?? null ) ? $metadata['attributes'] : array();

			self::$schemas[ $form ] = array_filter( $schema, 'is_array' );
		}
		return self::$schemas[ $form ];
	}

	/**
	 * Converts a shortcode value to the attribute's type; the default when it cannot.
	 *
	 * @param mixed               $value  Raw value.
	 * @param array<string,mixed> $schema The attribute's block.json schema.
	 * @param string              $name   Attribute name.
	 * @return mixed
	 */
	private static function sanitize( $value, array $schema, string $name ) {
		$default = $schema['default'] ?? null;
		$value   = is_scalar( $value ) ? trim( (string) $value ) : '';
		switch ( $schema['type'] ?? 'string' ) {
			case 'boolean':
				$flag = filter_var( $value, FILTER_VALIDATE_BOOLEAN, FILTER_NULL_ON_FAILURE );
				return null === $flag ? $default : $flag;
			case 'integer':
				$number = filter_var( $value, FILTER_VALIDATE_INT );
				return false === $number ? $default : $number;
			case 'number':
				return is_numeric( $value ) ? (float) $value : $default;
			case 'array':
				$items = self::list( $value, $schema );
				return null === $items ? $default : $items;
			default:
				$text = str_ends_with( $name, 'Url' ) ? esc_url_raw( $value, array( 'http', 'https' ) ) : sanitize_text_field( $value );
				if ( isset( $schema['enum'] ) && is_array( $schema['enum'] ) && ! in_array( $text, $schema['enum'], true ) ) {
					return $default;
				}
				return $text;
		}
	}

	/**
	 * A JSON array, or a comma-separated list (items of object type as `name*:Label`).
	 *
	 * @param string              $value  Raw value.
	 * @param array<string,mixed> $schema Attribute schema.
	 * @return array<int,mixed>|null Null when nothing usable was given.
	 */
	private static function list( string $value, array $schema ): ?array {
		if ( str_starts_with( $value, '[' ) ) {
			$decoded = json_decode( $value, true );
			return is_array( $decoded ) ? map_deep( array_values( $decoded ), array( self::class, 'clean_scalar' ) ) : null;
		}
		$objects = is_array( $schema['items'] ?? null ) && 'object' === ( $schema['items']['type'] ?? '' );
		$items   = array();
		foreach ( array_filter( array_map( 'trim', explode( ',', $value ) ) ) as $entry ) {
			$items[] = $objects ? self::field( $entry ) : sanitize_text_field( $entry );
		}
		return array() === $items ? null : $items;
	}

	/**
	 * `given_name*:First name` → { name: given_name, required: true, label: First name }.
	 *
	 * @param string $entry One list entry.
	 * @return array{name:string,required:bool,label:string}
	 */
	private static function field( string $entry ): array {
		$parts = explode( ':', $entry );
		$name  = (string) array_shift( $parts );
		// `custom:company` keeps its prefix: the label starts after the second colon.
		if ( 'custom' === $name && array() !== $parts ) {
			$name .= ':' . (string) array_shift( $parts );
		}
		$required = str_ends_with( $name, '*' );
		return array(
			'name'     => sanitize_text_field( rtrim( $name, '*' ) ),
			'required' => $required,
			'label'    => sanitize_text_field( implode( ':', $parts ) ),
		);
	}

	/**
	 * Sanitises one scalar of a JSON-decoded value; keeps booleans and numbers as they are.
	 *
	 * @param mixed $value Value.
	 * @return mixed
	 */
	public static function clean_scalar( $value ) {
		return is_string( $value ) ? sanitize_text_field( $value ) : $value;
	}
}
