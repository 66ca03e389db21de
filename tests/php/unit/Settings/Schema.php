<?php
/**
 * The part of JSON schema the settings table uses, checked without WordPress.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Unit\Settings;

/**
 * Validates a PHP value against a schema the way rest_validate_value_from_schema() reads the keywords the table
 * uses: type (string, integer, boolean, array, object), enum, minimum, maximum, items, properties and
 * additionalProperties. The integration suite checks the same values with WordPress's own validator.
 */
final class Schema {

	/**
	 * Why the value does not match, or null when it does.
	 *
	 * @param mixed               $value  Value.
	 * @param array<string,mixed> $schema Schema.
	 * @param string              $path   Where the value is, for the message.
	 */
	public static function error( mixed $value, array $schema, string $path = '$' ): ?string {
		$type = $schema['type'] ?? null;
		$ok   = match ( $type ) {
			'string'  => is_string( $value ),
			'integer' => is_int( $value ),
			'boolean' => is_bool( $value ),
			'array'   => is_array( $value ) && array_is_list( $value ),
			'object'  => is_array( $value ) && ( array() === $value || ! array_is_list( $value ) ),
			default   => false,
		};
		if ( ! $ok ) {
			return $path . ': not of type ' . var_export( $type, true );
		}
		if ( isset( $schema['enum'] ) && ! in_array( $value, $schema['enum'], true ) ) {
			return $path . ': not one of the enum';
		}
		if ( isset( $schema['maxLength'] ) && strlen( $value ) > $schema['maxLength'] ) {
			return $path . ': too long';
		}
		// As rest_validate_json_schema_pattern() reads it.
		if ( isset( $schema['pattern'] ) && 1 !== preg_match( '#' . str_replace( '#', '\\#', $schema['pattern'] ) . '#u', $value ) ) {
			return $path . ': does not match the pattern';
		}
		if ( ( isset( $schema['minimum'] ) && $value < $schema['minimum'] ) || ( isset( $schema['maximum'] ) && $value > $schema['maximum'] ) ) {
			return $path . ': out of range';
		}
		if ( 'array' === $type && isset( $schema['items'] ) ) {
			foreach ( $value as $i => $item ) {
				$error = self::error( $item, $schema['items'], $path . '[' . $i . ']' );
				if ( null !== $error ) {
					return $error;
				}
			}
		}
		if ( 'object' === $type ) {
			foreach ( $value as $key => $item ) {
				$item_schema = $schema['properties'][ $key ] ?? ( $schema['additionalProperties'] ?? true );
				if ( false === $item_schema ) {
					return $path . '.' . $key . ': not allowed';
				}
				$error = is_array( $item_schema ) ? self::error( $item, $item_schema, $path . '.' . $key ) : null;
				if ( null !== $error ) {
					return $error;
				}
			}
		}
		return null;
	}
}
