<?php
/**
 * The network's settings and a site's overrides, over REST.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Rest;

use CognitoBlocks\Settings\Fields;
use CognitoBlocks\Settings\Network;
use CognitoBlocks\Settings\Settings;

/**
 * Two routes, registered on a network only (see php/Settings/README.md):
 *
 * - `GET|POST cognito-blocks/v1/network-settings` (manage_network_options): the network's defaults, in the shape
 *   /wp/v2/settings gives the site option, `{ "cognito_blocks_settings": { …every setting… } }`. A POST changes
 *   the settings it names; pinned ones stay as stored.
 * - `GET|POST cognito-blocks/v1/site-overrides` (manage_options): which settings the current site overrides and
 *   what the network would give it. A POST `{ "inherit": [ names ] }` returns those settings to the network's
 *   value. Values themselves are saved through /wp/v2/settings, as on a single site.
 *
 * Input is checked against each field's schema (Fields::schema()) and answered with 400 and one message per
 * setting, then cleaned by the same Sanitizer as the site option.
 */
final class NetworkSettingsController {

	public const NAMESPACE = 'cognito-blocks/v1';

	/**
	 * Registers the routes (rest_api_init).
	 */
	public static function register_routes(): void {
		if ( ! is_multisite() ) {
			return;
		}
		self::route( '/network-settings', 'manage_network_options', 'get_network', 'update_network' );
		self::route( '/site-overrides', 'manage_options', 'get_overrides', 'inherit' );
	}

	/**
	 * One route: a GET and a POST (or PUT/PATCH) behind one capability.
	 *
	 * @param string $path       Route.
	 * @param string $capability What the current user needs.
	 * @param string $read       Method of this class answering GET.
	 * @param string $write      Method of this class answering POST.
	 */
	private static function route( string $path, string $capability, string $read, string $write ): void {
		$allowed = static fn(): bool => current_user_can( $capability );
		register_rest_route(
			self::NAMESPACE,
			$path,
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( self::class, $read ),
					'permission_callback' => $allowed,
				),
				array(
					'methods'             => \WP_REST_Server::EDITABLE,
					'callback'            => array( self::class, $write ),
					'permission_callback' => $allowed,
				),
			)
		);
	}

	/**
	 * GET network-settings.
	 */
	public static function get_network(): \WP_REST_Response {
		return new \WP_REST_Response( array( Settings::OPTION => Network::values() ) );
	}

	/**
	 * POST network-settings.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function update_network( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$body     = (array) $request->get_json_params(); // Null when the body is not JSON.
		$settings = $body[ Settings::OPTION ] ?? null;
		if ( ! is_array( $settings ) || ( array() !== $settings && array_is_list( $settings ) ) ) {
			return self::invalid( array( Settings::OPTION => __( 'Send the settings as an object of setting names and values.', 'cognito-blocks' ) ) );
		}
		$errors = array();
		foreach ( $settings as $name => $value ) {
			$field = Fields::get( (string) $name );
			$valid = null === $field
				/* translators: %s: a name the request sent as a setting. */
				? new \WP_Error( 'rest_additional_properties_forbidden', sprintf( __( '%s is not a setting.', 'cognito-blocks' ), (string) $name ) )
				: rest_validate_value_from_schema( $value, $field->schema(), Settings::OPTION . '[' . $name . ']' );
			if ( is_wp_error( $valid ) ) {
				$errors[ (string) $name ] = $valid->get_error_message();
			}
		}
		if ( array() !== $errors ) {
			return self::invalid( $errors );
		}
		return new \WP_REST_Response( array( Settings::OPTION => Network::save( $settings ) ) );
	}

	/**
	 * GET site-overrides.
	 */
	public static function get_overrides(): \WP_REST_Response {
		return new \WP_REST_Response(
			array(
				'overrides' => (object) array_intersect_key( Settings::stored(), Fields::all() ),
				'inherited' => Network::inherited(),
				'network'   => Network::values(),
				'pinned'    => Settings::pinned(),
			)
		);
	}

	/**
	 * POST site-overrides: `{ "inherit": [ names ] }`. Pinned settings are left as they are.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function inherit( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$body    = (array) $request->get_json_params();
		$inherit = $body['inherit'] ?? null;
		if ( ! is_array( $inherit ) || ! array_is_list( $inherit ) ) {
			return self::invalid( array( 'inherit' => __( 'Send the names of the settings to take from the network as a list.', 'cognito-blocks' ) ) );
		}
		$errors = array();
		foreach ( $inherit as $name ) {
			if ( ! is_string( $name ) || null === Fields::get( $name ) ) {
				/* translators: %s: a name the request sent as a setting. */
				$errors[ is_string( $name ) ? $name : 'inherit' ] = sprintf( __( '%s is not a setting.', 'cognito-blocks' ), is_scalar( $name ) ? (string) $name : gettype( $name ) );
			}
		}
		if ( array() !== $errors ) {
			return self::invalid( $errors );
		}
		$drop = array_diff( $inherit, Settings::pinned() );
		update_option( Settings::OPTION, array_diff_key( Settings::stored(), array_flip( $drop ) ) );
		return self::get_overrides();
	}

	/**
	 * A 400 naming each rejected setting, as core's REST parameter errors do.
	 *
	 * @param array<string,string> $messages Message by setting name.
	 */
	private static function invalid( array $messages ): \WP_Error {
		return new \WP_Error(
			'rest_invalid_param',
			/* translators: %s: the names of the rejected settings, separated by commas. */
			sprintf( __( 'Invalid parameter(s): %s', 'cognito-blocks' ), implode( ', ', array_keys( $messages ) ) ),
			array(
				'status' => 400,
				'params' => $messages,
			)
		);
	}
}
