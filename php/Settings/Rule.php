<?php
/**
 * The kinds of value a setting can hold.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Settings;

/**
 * A kind of value: its JSON schema (what register_setting() gives REST clients) and the sanitiser that turns
 * untrusted input into it, made by the same factory so the two cannot drift apart. Pure PHP, no WordPress calls.
 */
final class Rule {

	/**
	 * Declares a kind.
	 *
	 * @param array<string,mixed> $schema JSON schema of the value.
	 * @param \Closure            $clean  Untrusted value (mixed) → clean value, or null when nothing usable is left.
	 * @param string              $kind   Which control the settings page draws: text, url, choice, role, integer,
	 *                                    boolean, record, group_role_map, provider_list, list or
	 *                                    attribute_map.
	 */
	private function __construct( public readonly array $schema, private readonly \Closure $clean, public readonly string $kind ) {}

	/**
	 * Cleans an untrusted value.
	 *
	 * @param mixed $value Untrusted value.
	 * @return mixed The clean value, or null when invalid (the field then uses its default).
	 */
	public function clean( mixed $value ): mixed {
		return ( $this->clean )( $value );
	}

	/**
	 * A trimmed string matching a pattern, or empty.
	 *
	 * @param string $pattern Anchored regular expression.
	 * @param int    $max     Maximum length.
	 */
	public static function text( string $pattern, int $max ): self {
		return new self(
			array(
				'type'      => 'string',
				// Empty, or the pattern without its delimiters: PCRE and JavaScript read it alike.
				'pattern'   => '^$|' . substr( $pattern, 1, -1 ),
				'maxLength' => $max,
			),
			static fn( mixed $value ): ?string => Sanitizer::matching( $value, $pattern, $max ),
			'text'
		);
	}

	/**
	 * An absolute http(s) URL without credentials, query or fragment, or empty.
	 */
	public static function url(): self {
		return new self(
			array(
				'type'      => 'string',
				'pattern'   => '^$|^[Hh][Tt][Tt][Pp][Ss]?://[^\\s?#@]+$',
				'maxLength' => 2048,
			),
			Sanitizer::endpoint( ... ),
			'url'
		);
	}

	/**
	 * One of a fixed set of strings.
	 *
	 * @param string[] $allowed Allowed values.
	 */
	public static function choice( array $allowed ): self {
		return new self(
			array(
				'type' => 'string',
				'enum' => $allowed,
			),
			static fn( mixed $value ): ?string => Sanitizer::one_of( $value, $allowed ),
			'choice'
		);
	}

	/**
	 * A role slug; nothing usable left is invalid.
	 */
	public static function role(): self {
		return new self(
			array( 'type' => 'string' ),
			static function ( mixed $value ): ?string {
				$role = Sanitizer::role( $value );
				return '' === $role ? null : $role;
			},
			'role'
		);
	}

	/**
	 * An integer, clamped into a range.
	 *
	 * @param int $min Lower bound.
	 * @param int $max Upper bound.
	 */
	public static function integer( int $min, int $max ): self {
		return new self(
			array(
				'type'    => 'integer',
				'minimum' => $min,
				'maximum' => $max,
			),
			static fn( mixed $value ): ?int => Sanitizer::integer( $value, $min, $max ),
			'integer'
		);
	}

	/**
	 * A boolean, also from the strings and numbers forms and constants use.
	 */
	public static function boolean(): self {
		return new self( array( 'type' => 'boolean' ), Sanitizer::boolean( ... ), 'boolean' );
	}

	/**
	 * A map with fixed keys, each of its own kind. Each key falls back to its own default, so one mistyped entry
	 * does not discard the rest; unknown keys are dropped; a value that is not a map at all is invalid.
	 *
	 * @param array<string,Rule>  $rules    Kind of each key.
	 * @param array<string,mixed> $defaults Default of each key (the same keys).
	 */
	public static function record( array $rules, array $defaults ): self {
		return new self(
			array(
				'type'                 => 'object',
				'additionalProperties' => false,
				'properties'           => array_map( static fn( Rule $rule ): array => $rule->schema, $rules ),
			),
			static function ( mixed $value ) use ( $rules, $defaults ): ?array {
				if ( ! is_array( $value ) ) {
					return null;
				}
				$record = array();
				foreach ( $rules as $key => $rule ) {
					$record[ $key ] = ( array_key_exists( $key, $value ) ? $rule->clean( $value[ $key ] ) : null ) ?? $defaults[ $key ];
				}
				return $record;
			},
			'record'
		);
	}

	/**
	 * Ordered list of {group, role} (see Sanitizer::group_role_map()).
	 */
	public static function group_role_map(): self {
		return self::pair_list( 'group_role_map', array( 'group', 'role' ), Sanitizer::group_role_map( ... ) );
	}

	/**
	 * Ordered list of {provider, label} (see Sanitizer::provider_list()).
	 */
	public static function provider_list(): self {
		return self::pair_list( 'provider_list', array( 'provider', 'label' ), Sanitizer::provider_list( ... ) );
	}

	/**
	 * An ordered list of objects with two string properties.
	 *
	 * @param string               $kind  The control's kind.
	 * @param array{string,string} $names The two property names.
	 * @param \Closure             $clean The Sanitizer function.
	 */
	private static function pair_list( string $kind, array $names, \Closure $clean ): self {
		$string = array( 'type' => 'string' );
		return new self(
			array(
				'type'  => 'array',
				'items' => array(
					'type'                 => 'object',
					'additionalProperties' => false,
					'properties'           => array_fill_keys( $names, $string ),
				),
			),
			$clean,
			$kind
		);
	}

	/**
	 * A list of keys as WordPress's sanitize_key() leaves them, such as capability names (see
	 * Sanitizer::key_list()).
	 */
	public static function key_list(): self {
		return self::string_list( Sanitizer::key_list( ... ) );
	}

	/**
	 * IP addresses and CIDR ranges (see Sanitizer::address_list()).
	 */
	public static function address_list(): self {
		return self::string_list( Sanitizer::address_list( ... ) );
	}

	/**
	 * A list of distinct strings, cleaned by `$clean`.
	 *
	 * @param \Closure $clean Untrusted value → list of strings, or null.
	 */
	private static function string_list( \Closure $clean ): self {
		return new self(
			array(
				'type'        => 'array',
				'items'       => array( 'type' => 'string' ),
				'uniqueItems' => true,
			),
			$clean,
			'list'
		);
	}

	/**
	 * Cognito attribute => user meta key (see Sanitizer::attribute_map()).
	 */
	public static function attribute_map(): self {
		return new self(
			array(
				'type'                 => 'object',
				'additionalProperties' => array( 'type' => 'string' ),
			),
			Sanitizer::attribute_map( ... ),
			'attribute_map'
		);
	}
}
