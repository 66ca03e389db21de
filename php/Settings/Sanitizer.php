<?php
/**
 * Sanitising of the settings option.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Settings;

/**
 * Turns untrusted input (REST, the settings form, wp-config constants) into a complete, valid settings array,
 * and holds the cleaning functions the field kinds (Rule) are made of: each returns the clean value, or null when
 * nothing usable is left.
 *
 * Pure PHP so it can be tested without WordPress. An invalid value falls back to the field's default rather than
 * to something half-parsed: a mistyped pool id must leave the plugin unconfigured, not pointed elsewhere.
 */
final class Sanitizer {

	public const MAX_MAP_SIZE = 100;

	/**
	 * Meta keys an attribute map may never write: they grant capabilities or belong to sessions and identity.
	 */
	private const FORBIDDEN_META_FRAGMENTS = array( 'capabilities', 'user_level', 'session_tokens', 'cognito_blocks_', 'user_pass', 'wp_' );

	/**
	 * Sanitises a whole settings value, field by field (Fields::all()).
	 *
	 * @param mixed $raw Anything; non-arrays give the defaults.
	 * @return array<string,mixed> Every field of Fields::all(), valid.
	 */
	public static function sanitize( mixed $raw ): array {
		$raw    = is_array( $raw ) ? $raw : array();
		$result = array();
		foreach ( Fields::all() as $name => $field ) {
			$result[ $name ] = array_key_exists( $name, $raw ) ? $field->sanitize( $raw[ $name ] ) : $field->default;
		}
		return $result;
	}

	/**
	 * A role slug in the form WordPress stores them.
	 *
	 * @param mixed $value Untrusted value.
	 * @return string Lowercase [a-z0-9_-], or '' when nothing usable is left.
	 */
	public static function role( mixed $value ): string {
		if ( ! is_string( $value ) ) {
			return '';
		}
		return substr( (string) preg_replace( '/[^a-z0-9_\-]/', '', strtolower( trim( $value ) ) ), 0, 64 );
	}

	/**
	 * Whether a user meta key may be written from a token attribute.
	 *
	 * @param string $key Candidate meta key.
	 */
	public static function is_writable_meta_key( string $key ): bool {
		if ( 1 !== preg_match( '/^[a-z][a-z0-9_\-]{0,63}$/', $key ) ) {
			return false;
		}
		foreach ( self::FORBIDDEN_META_FRAGMENTS as $fragment ) {
			if ( str_contains( $key, $fragment ) ) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A string matching a pattern, trimmed.
	 *
	 * @param mixed  $value   Untrusted value.
	 * @param string $pattern Anchored regular expression.
	 * @param int    $max     Maximum length.
	 */
	public static function matching( mixed $value, string $pattern, int $max ): ?string {
		if ( ! is_string( $value ) ) {
			return null;
		}
		$value = trim( $value );
		if ( '' === $value ) {
			return '';
		}
		return strlen( $value ) <= $max && 1 === preg_match( $pattern, $value ) ? $value : null;
	}

	/**
	 * An absolute http(s) URL without credentials, query or fragment, with no trailing slash.
	 *
	 * @param mixed $value Untrusted value.
	 */
	public static function endpoint( mixed $value ): ?string {
		if ( ! is_string( $value ) ) {
			return null;
		}
		$value = trim( $value );
		if ( '' === $value ) {
			return '';
		}
		if ( strlen( $value ) > 2048 || false === filter_var( $value, FILTER_VALIDATE_URL ) ) {
			return null;
		}
		$parts = parse_url( $value ); // phpcs:ignore WordPress.WP.AlternativeFunctions.parse_url_parse_url -- Pure code, no WordPress loaded in unit tests.
		if ( ! is_array( $parts ) || ! in_array( strtolower( $parts['scheme'] ?? '' ), array( 'http', 'https' ), true ) || empty( $parts['host'] ) ) {
			return null;
		}
		if ( isset( $parts['user'] ) || isset( $parts['pass'] ) || isset( $parts['query'] ) || isset( $parts['fragment'] ) ) {
			return null;
		}
		return rtrim( $value, '/' );
	}

	/**
	 * One of a fixed set of strings.
	 *
	 * @param mixed    $value   Untrusted value.
	 * @param string[] $allowed Allowed values.
	 */
	public static function one_of( mixed $value, array $allowed ): ?string {
		return is_string( $value ) && in_array( $value, $allowed, true ) ? $value : null;
	}

	/**
	 * An integer inside a range; out-of-range numbers are clamped, non-numbers rejected.
	 *
	 * @param mixed $value Untrusted value.
	 * @param int   $min   Lower bound.
	 * @param int   $max   Upper bound.
	 */
	public static function integer( mixed $value, int $min, int $max ): ?int {
		if ( is_string( $value ) && 1 === preg_match( '/^\s*-?\d{1,9}\s*$/', $value ) ) {
			$value = (int) $value;
		}
		if ( ! is_int( $value ) ) {
			return null;
		}
		return max( $min, min( $max, $value ) );
	}

	/**
	 * A boolean, also from the strings and numbers forms and constants commonly use.
	 *
	 * @param mixed $value Untrusted value.
	 */
	public static function boolean( mixed $value ): ?bool {
		if ( is_bool( $value ) ) {
			return $value;
		}
		if ( 1 === $value || '1' === $value || 'true' === $value ) {
			return true;
		}
		if ( 0 === $value || '0' === $value || 'false' === $value || '' === $value ) {
			return false;
		}
		return null;
	}

	/**
	 * Ordered list of {group, role}; the order decides which role a member of several groups gets.
	 *
	 * @param mixed $value Untrusted value: a list of {group, role} or a group => role map.
	 * @return list<array{group:string,role:string}>|null
	 */
	public static function group_role_map( mixed $value ): ?array {
		return self::pair_list(
			$value,
			array( 'group', 'role' ),
			static function ( string $group ): string {
				$group = trim( (string) preg_replace( '/[\x00-\x1f\x7f]/', '', $group ) );
				return strlen( $group ) > 128 ? '' : $group;
			},
			static fn( mixed $role ): ?string => '' === self::role( $role ) ? null : self::role( $role ),
			false
		);
	}

	/**
	 * Ordered list of {provider, label}: the identity providers the single sign-on buttons offer, in the order
	 * they are shown. `provider` is a name as the pool gives it (`COGNITO` for the hosted page itself, `Google`,
	 * a SAML or OIDC provider's name), each once; `label` is the button's text, empty for the plugin's default.
	 *
	 * @param mixed $value Untrusted value: a list of {provider, label} or a provider => label map.
	 * @return list<array{provider:string,label:string}>|null
	 */
	public static function provider_list( mixed $value ): ?array {
		return self::pair_list(
			$value,
			array( 'provider', 'label' ),
			// Cognito's provider names: 1–32 characters without white space or controls.
			static fn( string $provider ): string => 1 === preg_match( '/^[^\s\x00-\x1f\x7f]{1,32}$/u', trim( $provider ) ) ? trim( $provider ) : '',
			static fn( mixed $label ): ?string => is_string( $label ) ? mb_substr( trim( (string) preg_replace( '/[\x00-\x1f\x7f<>]/u', '', $label ) ), 0, 80 ) : ( null === $label ? '' : null ),
			true
		);
	}

	/**
	 * An ordered list of two-string pairs, the shape of group_role_map and provider_list: each entry `{k: …, v: …}`
	 * (or a `k => v` map). An entry whose key cleans to '' or whose value cleans to null is dropped, as is a
	 * repeated key when $unique.
	 *
	 * @param mixed                   $value       Untrusted value.
	 * @param array{string,string}    $names       The two property names, key first.
	 * @param callable(string):string $clean_key   Cleans the key; '' drops the entry.
	 * @param callable(mixed):?string $clean_value Cleans the value; null drops the entry.
	 * @param bool                    $unique      Whether a key may appear once only.
	 * @return list<array<string,string>>|null
	 */
	private static function pair_list( mixed $value, array $names, callable $clean_key, callable $clean_value, bool $unique ): ?array {
		if ( ! is_array( $value ) ) {
			return null;
		}
		$key_name   = $names[0];
		$value_name = $names[1];
		$list       = array();
		foreach ( $value as $key => $item ) {
			if ( is_string( $key ) && is_string( $item ) ) {
				$item = array(
					$key_name   => $key,
					$value_name => $item,
				);
			}
			if ( ! is_array( $item ) || ! is_string( $item[ $key_name ] ?? null ) ) {
				continue;
			}
			$clean  = $clean_key( $item[ $key_name ] );
			$paired = $clean_value( $item[ $value_name ] ?? null );
			if ( '' === $clean || null === $paired ) {
				continue;
			}
			if ( $unique && in_array( $clean, array_column( $list, $key_name ), true ) ) {
				continue;
			}
			$list[] = array(
				$key_name   => $clean,
				$value_name => $paired,
			);
			if ( count( $list ) >= self::MAX_MAP_SIZE ) {
				break;
			}
		}
		return $list;
	}

	/**
	 * Cognito attribute => user meta key. Entries that would write a protected meta key are dropped.
	 *
	 * @param mixed $value Untrusted value.
	 * @return array<string,string>|null
	 */
	public static function attribute_map( mixed $value ): ?array {
		if ( ! is_array( $value ) ) {
			return null;
		}
		$map = array();
		foreach ( $value as $attribute => $meta_key ) {
			if ( ! is_string( $attribute ) || ! is_string( $meta_key ) ) {
				continue;
			}
			$attribute = trim( $attribute );
			$meta_key  = strtolower( trim( $meta_key ) );
			if ( 1 !== preg_match( '/^[A-Za-z0-9_:.\-]{1,64}$/', $attribute ) || ! self::is_writable_meta_key( $meta_key ) ) {
				continue;
			}
			$map[ $attribute ] = $meta_key;
			if ( count( $map ) >= self::MAX_MAP_SIZE ) {
				break;
			}
		}
		return $map;
	}

	/**
	 * IP addresses and CIDR ranges (IPv4 or IPv6, `203.0.113.7`, `10.0.0.0/8`, `2001:db8::/32`), without
	 * duplicates, from a list or a string separated by commas or white space. Blank entries are skipped; any
	 * invalid entry makes the whole value invalid, so a mistyped list falls back to the default (none trusted).
	 *
	 * @param mixed $value Untrusted value.
	 * @return list<string>|null
	 */
	public static function address_list( mixed $value ): ?array {
		return self::string_list(
			$value,
			static function ( string $item ): ?string {
				$parts  = explode( '/', $item, 2 );
				$bits   = $parts[1] ?? null;
				$packed = false !== filter_var( $parts[0], FILTER_VALIDATE_IP ) ? inet_pton( $parts[0] ) : false;
				$max    = false === $packed ? 0 : strlen( $packed ) * 8;
				$valid  = false !== $packed && ( null === $bits || ( ctype_digit( $bits ) && (int) $bits <= $max ) );
				return $valid ? strtolower( $item ) : null;
			}
		);
	}

	/**
	 * A list of keys cleaned as sanitize_key() does (lowercase a-z, 0-9, _ and -), without duplicates, from a list
	 * or a string separated by commas or white space (a settings form, a constant). Blank entries are skipped;
	 * an entry that is not a string or that nothing is left of makes the whole value invalid, so a mistyped
	 * list falls back to the default rather than to a shorter list.
	 *
	 * @param mixed $value Untrusted value.
	 * @return list<string>|null
	 */
	public static function key_list( mixed $value ): ?array {
		return self::string_list(
			$value,
			static function ( string $item ): ?string {
				$key = (string) preg_replace( '/[^a-z0-9_\-]/', '', strtolower( $item ) );
				return strlen( $item ) > 64 || '' === $key ? null : $key;
			}
		);
	}

	/**
	 * A list of strings, each cleaned by `$clean`, without duplicates; from a list or a string separated by
	 * commas or white space. Blank entries are skipped; null when the value is no list, too long, or any entry is
	 * not a string or cleans to null.
	 *
	 * @param mixed                     $value Untrusted value.
	 * @param callable(string): ?string $clean One trimmed, non-blank entry → its clean form, or null.
	 * @return list<string>|null
	 */
	private static function string_list( mixed $value, callable $clean ): ?array {
		if ( is_string( $value ) ) {
			$value = (array) preg_split( '/[\s,]+/', $value, -1, PREG_SPLIT_NO_EMPTY );
		}
		if ( ! is_array( $value ) || count( $value ) > self::MAX_MAP_SIZE ) {
			return null;
		}
		$items = array();
		foreach ( $value as $item ) {
			if ( ! is_string( $item ) ) {
				return null;
			}
			if ( '' === trim( $item ) ) {
				continue;
			}
			$cleaned = $clean( trim( $item ) );
			if ( null === $cleaned ) {
				return null;
			}
			$items[ $cleaned ] = true;
		}
		return array_map( 'strval', array_keys( $items ) );
	}
}
