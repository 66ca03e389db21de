<?php
/**
 * Account fields and meta from token claims.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Users;

use CognitoBlocks\Settings\Sanitizer;

/**
 * Pure mapping of standard claims to wp_insert_user() fields and of configured attributes to user meta.
 */
final class AttributeMapper {

	private const MAX_FIELD = 250;
	private const MAX_META  = 1000;

	/**
	 * Standard fields: user_email ← email, first_name ← given_name, last_name ← family_name,
	 * display_name ← name (else given and family name), nickname ← nickname (else preferred_username).
	 *
	 * @param array<string,mixed> $claims Verified claims.
	 * @return array<string,string> Only fields the token has.
	 */
	public static function user_fields( array $claims ): array {
		$given  = self::text( $claims['given_name'] ?? null, self::MAX_FIELD );
		$family = self::text( $claims['family_name'] ?? null, self::MAX_FIELD );
		$fields = array(
			'user_email'   => self::text( $claims['email'] ?? null, 100 ),
			'first_name'   => $given,
			'last_name'    => $family,
			'display_name' => self::text( $claims['name'] ?? null, self::MAX_FIELD ),
			'nickname'     => self::text( $claims['nickname'] ?? ( $claims['preferred_username'] ?? null ), self::MAX_FIELD ),
		);
		if ( '' === $fields['display_name'] ) {
			$fields['display_name'] = trim( $given . ' ' . $family );
		}
		return array_filter( $fields, static fn( string $value ): bool => '' !== $value );
	}

	/**
	 * Configured attribute => meta key pairs, for the attributes the token has.
	 *
	 * @param array<string,mixed>  $claims Verified claims.
	 * @param array<string,string> $map    Attribute => meta key (already sanitised).
	 * @return array<string,string> Meta key => value.
	 */
	public static function meta( array $claims, array $map ): array {
		$meta = array();
		foreach ( $map as $attribute => $meta_key ) {
			if ( ! array_key_exists( $attribute, $claims ) || ! Sanitizer::is_writable_meta_key( $meta_key ) ) {
				continue;
			}
			$value = $claims[ $attribute ];
			if ( is_bool( $value ) ) {
				$value = $value ? 'true' : 'false';
			}
			if ( is_int( $value ) || is_float( $value ) ) {
				$value = (string) $value;
			}
			if ( is_string( $value ) ) {
				$meta[ $meta_key ] = self::text( $value, self::MAX_META );
			}
		}
		return $meta;
	}

	/**
	 * The mapped values that differ from what the account has, so an unchanged sign-in writes nothing. Email
	 * addresses compare case-insensitively (WordPress keeps the case it was given; Cognito may lowercase).
	 *
	 * @param array<string,string> $mapped  Values from the token (user_fields() or meta()).
	 * @param array<string,mixed>  $current The account's current values under the same keys.
	 * @return array<string,string> Only the keys whose value changes.
	 */
	public static function changes( array $mapped, array $current ): array {
		$changes = array();
		foreach ( $mapped as $key => $value ) {
			$now  = $current[ $key ] ?? null;
			$same = 'user_email' === $key
				? is_string( $now ) && strtolower( $now ) === strtolower( $value )
				: $now === $value;
			if ( ! $same ) {
				$changes[ $key ] = $value;
			}
		}
		return $changes;
	}

	/**
	 * Trimmed single-line text, or '' for non-strings.
	 *
	 * @param mixed $value Claim value.
	 * @param int   $max   Maximum length in bytes.
	 */
	private static function text( mixed $value, int $max ): string {
		if ( ! is_string( $value ) ) {
			return '';
		}
		$value = trim( (string) preg_replace( '/[\x00-\x1f\x7f]+/', ' ', $value ) );
		return strlen( $value ) > $max ? (string) mb_strcut( $value, 0, $max, 'UTF-8' ) : $value;
	}
}
