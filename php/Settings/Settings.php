<?php
/**
 * The settings option and its wp-config.php overrides.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Settings;

/**
 * Stores the plugin settings (Fields::all()) in one option and merges in `COGNITO_BLOCKS_<FIELD>` constants. On a
 * network the option holds only what the site overrides, over the network's defaults (Network).
 */
final class Settings {

	public const OPTION = 'cognito_blocks_settings';

	public const GROUP = 'cognito_blocks';

	/**
	 * Registers the option with its schema, so it can be read and written through /wp/v2/settings.
	 *
	 * Runs on `init`, which precedes both admin_init and rest_api_init.
	 */
	public static function register(): void {
		register_setting(
			self::GROUP,
			self::OPTION,
			array(
				'type'              => 'object',
				'description'       => __( 'Amazon Cognito sign-in settings.', 'cognito-blocks' ),
				'sanitize_callback' => array( self::class, 'sanitize_option' ),
				'default'           => Fields::defaults(),
				'show_in_rest'      => array(
					'name'   => self::OPTION,
					'schema' => Fields::schema(),
				),
			)
		);
	}

	/**
	 * The sanitize_callback of the option. Pinned fields keep their stored value: the constant wins anyway, and
	 * the stored value is what applies again if the constant is removed.
	 *
	 * @param mixed $value Submitted value.
	 * @return array<string,mixed>
	 */
	public static function sanitize_option( mixed $value ): array {
		$value = self::keep_pinned( is_array( $value ) ? $value : array(), self::stored() );
		if ( is_multisite() ) {
			return Network::overrides( self::stored(), $value, Network::values() );
		}
		return Sanitizer::sanitize( $value );
	}

	/**
	 * The option as stored: every setting on a single site, the site's overrides on a network.
	 *
	 * @return array<string,mixed>
	 */
	public static function stored(): array {
		$stored = get_option( self::OPTION, array() );
		return is_array( $stored ) ? $stored : array();
	}

	/**
	 * The effective settings of this request.
	 */
	public static function current(): Config {
		return self::resolve( self::stored(), self::constant_lookup(), is_multisite() ? Network::values() : array() );
	}

	/**
	 * Names of the settings pinned by constants in this request.
	 *
	 * @return list<string>
	 */
	public static function pinned(): array {
		return array_keys( self::pinned_values( self::constant_lookup() ) );
	}

	/**
	 * A submitted value with the pinned settings put back as `$stored` has them (or left out when it has none):
	 * the constant wins anyway, and the stored value is what applies again if the constant is removed.
	 *
	 * @param array<string,mixed> $value  Submitted value.
	 * @param array<string,mixed> $stored What is stored now.
	 * @return array<string,mixed>
	 */
	public static function keep_pinned( array $value, array $stored ): array {
		foreach ( self::pinned() as $field ) {
			if ( array_key_exists( $field, $stored ) ) {
				$value[ $field ] = $stored[ $field ];
			} else {
				unset( $value[ $field ] );
			}
		}
		return $value;
	}

	/**
	 * Configuration for the browser (see Config::client_config()).
	 *
	 * @return array<string,mixed>
	 */
	public static function client_config(): array {
		return self::current()->client_config();
	}

	/**
	 * The configured issuer; empty when the plugin is not configured.
	 */
	public static function issuer(): string {
		return self::current()->issuer();
	}

	/**
	 * Merges the layers, each winning over the next: a pinned constant, the stored option (on a network: the
	 * site's overrides), the network's defaults, the field's default.
	 *
	 * @param array<string,mixed>    $stored   Stored option value.
	 * @param callable(string):mixed $constant Returns a constant's value, or null when it is not defined.
	 * @param array<string,mixed>    $network  The network's defaults (Network::values()); empty on a single site.
	 */
	public static function resolve( array $stored, callable $constant, array $network = array() ): Config {
		$pinned = self::pinned_values( $constant );
		return new Config( array_merge( $network, $stored, $pinned ), array_keys( $pinned ) );
	}

	/**
	 * Values of the defined constants, by field (see Field::from_constant()).
	 *
	 * @param callable(string):mixed $constant Constant lookup.
	 * @return array<string,mixed>
	 */
	private static function pinned_values( callable $constant ): array {
		$pinned = array();
		foreach ( Fields::all() as $name => $field ) {
			$value = $constant( $field->constant() );
			if ( null !== $value ) {
				$pinned[ $name ] = $field->from_constant( $value );
			}
		}
		return $pinned;
	}

	/**
	 * Reads wp-config.php constants.
	 *
	 * @return callable(string):mixed
	 */
	private static function constant_lookup(): callable {
		return static fn( string $name ): mixed => defined( $name ) ? constant( $name ) : null;
	}
}
