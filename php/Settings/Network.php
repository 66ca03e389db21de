<?php
/**
 * The network's defaults, and what each site of a network overrides.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Settings;

/**
 * On a network the settings come in layers (Settings::resolve()): a pinned constant, then the site's own option
 * (Settings::OPTION), which holds only the settings that site overrides, then the network's defaults in the site
 * option Network::OPTION (Network Admin › Settings › Cognito Blocks), then each field's default.
 *
 * A site's option stays small so that changing a network default reaches every site that did not override it.
 */
final class Network {

	public const OPTION = 'cognito_blocks_network_settings';

	/**
	 * The network's defaults, every setting, sanitised (the field defaults where the network set nothing).
	 *
	 * @return array<string,mixed>
	 */
	public static function values(): array {
		return Sanitizer::sanitize( self::stored() );
	}

	/**
	 * Saves the network's defaults: the submitted settings over the stored ones, pinned settings left as stored.
	 *
	 * @param array<string,mixed> $submitted Settings to change; already checked against Fields::schema().
	 * @return array<string,mixed> The network's defaults now.
	 */
	public static function save( array $submitted ): array {
		$stored = self::stored();
		$clean  = Sanitizer::sanitize( Settings::keep_pinned( array_merge( $stored, $submitted ), $stored ) );
		update_site_option( self::OPTION, $clean );
		return $clean;
	}

	/**
	 * What a site stores after a submission of its settings (the option's sanitize_callback on a network). A
	 * submitted setting becomes or stays an override when the site already overrides it or when its value differs
	 * from what the site inherits; a setting left out of the submission inherits. So saving the whole form
	 * unchanged, as /wp/v2/settings clients do, turns nothing into an override; a site returns a setting to the
	 * network's value through the site-overrides route (Rest\NetworkSettingsController).
	 *
	 * @param array<string,mixed> $stored    The site's overrides now.
	 * @param array<string,mixed> $submitted Submitted settings (pinned ones already put back: Settings::keep_pinned()).
	 * @param array<string,mixed> $inherited What the site inherits (values()).
	 * @return array<string,mixed> The site's overrides, sanitised.
	 */
	public static function overrides( array $stored, array $submitted, array $inherited ): array {
		$overrides = array();
		foreach ( Fields::all() as $name => $field ) {
			if ( ! array_key_exists( $name, $submitted ) ) {
				continue;
			}
			$clean = $field->sanitize( $submitted[ $name ] );
			if ( array_key_exists( $name, $stored ) || ( $inherited[ $name ] ?? $field->default ) !== $clean ) {
				$overrides[ $name ] = $clean;
			}
		}
		return $overrides;
	}

	/**
	 * The site's settings before constants: its overrides over the network's defaults. What /wp/v2/settings shows
	 * for the option on a network (see rest_value()), so a client edits the values that apply.
	 *
	 * @return array<string,mixed>
	 */
	public static function site_values(): array {
		return Sanitizer::sanitize( array_merge( self::values(), array_intersect_key( Settings::stored(), Fields::all() ) ) );
	}

	/**
	 * Names of the settings the current site takes from the network (those it does not override).
	 *
	 * @return list<string>
	 */
	public static function inherited(): array {
		return array_keys( array_diff_key( Fields::all(), Settings::stored() ) );
	}

	/**
	 * The `rest_pre_get_setting` filter: on a network, /wp/v2/settings reads the option as site_values(), not as
	 * the bare overrides stored.
	 *
	 * @param mixed  $value Null, or what an earlier filter returned.
	 * @param string $name  The setting's REST name.
	 */
	public static function rest_value( mixed $value, string $name ): mixed {
		if ( null !== $value || Settings::OPTION !== $name || ! is_multisite() ) {
			return $value;
		}
		return self::site_values();
	}

	/**
	 * The stored network option.
	 *
	 * @return array<string,mixed>
	 */
	private static function stored(): array {
		$stored = get_site_option( self::OPTION, array() );
		return is_array( $stored ) ? $stored : array();
	}
}
