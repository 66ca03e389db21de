<?php
/**
 * A form's attributes, normalised once for every surface.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Forms;

/**
 * Turns what a surface was given into every attribute of the form's block.json, typed, with defaults:
 *
 * - Names match in any case and with or without `_`/`-`, since shortcode attribute names arrive lowercased:
 *   `redirect_url`, `redirecturl` and `redirectUrl` all mean `redirectUrl`.
 * - A value of the attribute's type is kept (block attributes, values built in PHP); a string is converted
 *   (shortcodes). A value that cannot be converted, or a string outside the attribute's `enum`, falls back to
 *   the default.
 * - Arrays are JSON or a comma-separated list; for a list of objects (the sign-up `fields`) each entry is `name`,
 *   `name*` (required) or `name*:Label`.
 * - Strings are sanitised as text; `*Url` attributes keep http(s) URLs only, so an editor cannot plant a
 *   javascript: link.
 */
final class Attributes {

	/**
	 * Every attribute in `$schema`, from `$given`.
	 *
	 * @param array<string,array<string,mixed>> $schema block.json `attributes`.
	 * @param array<int|string,mixed>           $given  Given attributes.
	 * @return array<string,mixed>
	 */
	public static function normalise( array $schema, array $given ): array {
		$by_key = array();
		foreach ( $given as $name => $value ) {
			if ( is_string( $name ) ) {
				$by_key[ self::key( $name ) ] = $value;
			}
		}
		$attributes = array();
		foreach ( $schema as $name => $attribute ) {
			$value               = $by_key[ self::key( $name ) ] ?? null;
			$attributes[ $name ] = null === $value ? ( $attribute['default'] ?? null ) : self::value( $value, $attribute, $name );
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
	 * One value, as the attribute's type; the default when it cannot be.
	 *
	 * @param mixed               $value  Given value.
	 * @param array<string,mixed> $schema The attribute's schema.
	 * @param string              $name   Attribute name.
	 * @return mixed
	 */
	private static function value( $value, array $schema, string $name ) {
		$default = $schema['default'] ?? null;
		$type    = $schema['type'] ?? 'string';
		if ( 'array' === $type && is_array( $value ) ) {
			return map_deep( array_values( $value ), array( self::class, 'clean_scalar' ) );
		}
		if ( ( 'boolean' === $type && is_bool( $value ) ) || ( 'integer' === $type && is_int( $value ) ) ) {
			return $value;
		}
		if ( ! is_scalar( $value ) ) {
			return $default;
		}
		$value = trim( (string) $value );
		switch ( $type ) {
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
	 * Sanitises one scalar of an array value; keeps booleans and numbers as they are.
	 *
	 * @param mixed $value Value.
	 * @return mixed
	 */
	public static function clean_scalar( $value ) {
		return is_string( $value ) ? sanitize_text_field( $value ) : $value;
	}
}
