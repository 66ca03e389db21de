<?php
/**
 * The plugin's Site Health tests and information.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Admin;

use CognitoBlocks\Auth\JwksCache;
use CognitoBlocks\Auth\Store\ObjectCache;
use CognitoBlocks\Auth\WpHttpClient;
use CognitoBlocks\Sessions\Revalidator;
use CognitoBlocks\Settings\Fields;
use CognitoBlocks\Settings\Settings;

/**
 * Tools › Site Health: whether the plugin is configured, reaches the pool's key set, runs on HTTPS, agrees with
 * Cognito about the time, has a shared object cache and can verify signatures; the Info tab lists its settings.
 *
 * The two tests that call Cognito run asynchronously, through REST routes (`cognito-blocks/v1/site-health/…`),
 * so the Site Health screen does not wait for the network. Each result is built by a pure function of what
 * was measured (SiteHealthResults), so every status can be tested without faking the network.
 */
final class SiteHealth {

	public const ROUTE_KEYS  = '/site-health/keys';
	public const ROUTE_CLOCK = '/site-health/clock';

	/**
	 * `site_status_tests`: the direct and asynchronous tests.
	 *
	 * @param array<string,mixed>|mixed $tests Core's tests.
	 * @return array<string,mixed>|mixed
	 */
	public static function tests( mixed $tests ): mixed {
		if ( ! is_array( $tests ) ) {
			return $tests;
		}
		$tests['direct'] = (array) ( $tests['direct'] ?? array() ) + array(
			'cognito_blocks_configuration' => array(
				'label' => __( 'Cognito sign-in is configured', 'cognito-blocks' ),
				'test'  => array( self::class, 'configuration' ),
			),
			'cognito_blocks_https'         => array(
				'label' => __( 'Sign-in cookies are sent over HTTPS only', 'cognito-blocks' ),
				'test'  => array( self::class, 'https' ),
			),
			'cognito_blocks_object_cache'  => array(
				'label' => __( 'Cognito sign-in shares its cache between web servers', 'cognito-blocks' ),
				'test'  => array( self::class, 'object_cache' ),
			),
			'cognito_blocks_signatures'    => array(
				'label' => __( 'Token signatures can be verified', 'cognito-blocks' ),
				'test'  => array( self::class, 'signatures' ),
			),
			'cognito_blocks_revalidation'  => array(
				'label' => __( 'WordPress sessions follow Cognito', 'cognito-blocks' ),
				'test'  => array( self::class, 'revalidation' ),
			),
		);
		$tests['async']  = (array) ( $tests['async'] ?? array() ) + array(
			'cognito_blocks_keys'  => array(
				'label'    => __( 'The user pool\'s signing keys can be fetched', 'cognito-blocks' ),
				'test'     => rest_url( 'cognito-blocks/v1' . self::ROUTE_KEYS ),
				'has_rest' => true,
			),
			'cognito_blocks_clock' => array(
				'label'    => __( 'The server clock agrees with Cognito', 'cognito-blocks' ),
				'test'     => rest_url( 'cognito-blocks/v1' . self::ROUTE_CLOCK ),
				'has_rest' => true,
			),
		);
		return $tests;
	}

	/**
	 * `rest_api_init`: the routes of the asynchronous tests (readable by whoever may view Site Health checks).
	 */
	public static function register_routes(): void {
		foreach ( array(
			self::ROUTE_KEYS  => 'keys',
			self::ROUTE_CLOCK => 'clock',
		) as $route => $method ) {
			register_rest_route(
				'cognito-blocks/v1',
				$route,
				array(
					'methods'             => 'GET',
					'callback'            => static fn(): \WP_REST_Response => new \WP_REST_Response( self::$method(), 200 ),
					'permission_callback' => static fn(): bool => current_user_can( 'view_site_health_checks' ),
				)
			);
		}
	}

	/**
	 * Configuration complete.
	 *
	 * @return array<string,mixed>
	 */
	public static function configuration(): array {
		return SiteHealthResults::configuration( Settings::current() );
	}

	/**
	 * HTTPS for the site and its cookies.
	 *
	 * @return array<string,mixed>
	 */
	public static function https(): array {
		return SiteHealthResults::https( wp_is_using_https() );
	}

	/**
	 * A shared persistent object cache.
	 *
	 * @return array<string,mixed>
	 */
	public static function object_cache(): array {
		return SiteHealthResults::object_cache( (bool) wp_using_ext_object_cache(), ObjectCache::down() );
	}

	/**
	 * Whether sessions are checked with Cognito, and when a check last reached it.
	 *
	 * @return array<string,mixed>
	 */
	public static function revalidation(): array {
		$config  = Settings::current();
		$reached = get_option( Revalidator::REACHED_OPTION );
		$outage  = get_option( Revalidator::OUTAGE_OPTION );
		return SiteHealthResults::revalidation(
			$config->bind_refresh_token() && $config->revalidate_interval() > 0,
			$config->revalidate_interval(),
			is_numeric( $reached ) ? (int) $reached : null,
			is_numeric( $outage ) ? (int) $outage : null,
			time()
		);
	}

	/**
	 * What signatures are verified with.
	 *
	 * @return array<string,mixed>
	 */
	public static function signatures(): array {
		$openssl = extension_loaded( 'openssl' ) && in_array( 'sha256', array_map( 'strtolower', openssl_get_md_methods() ), true );
		return SiteHealthResults::signatures( $openssl, class_exists( 'Firebase\\JWT\\JWT', false ) );
	}

	/**
	 * The key set, fetched now as token checks fetch it (WpHttpClient, JwksCache::parse()).
	 *
	 * @return array<string,mixed>
	 */
	public static function keys(): array {
		$config = Settings::current();
		if ( ! $config->is_configured() ) {
			return SiteHealthResults::keys( '', null );
		}
		$body = ( new WpHttpClient() )->get( $config->jwks_url() );
		return SiteHealthResults::keys( $config->jwks_url(), null === $body ? null : JwksCache::parse( $body ) );
	}

	/**
	 * The clock against the `Date` header of the pool's key set response.
	 *
	 * @return array<string,mixed>
	 */
	public static function clock(): array {
		$config = Settings::current();
		if ( ! $config->is_configured() ) {
			return SiteHealthResults::clock( null, time(), $config->leeway() );
		}
		$response = wp_remote_get(
			$config->jwks_url(),
			array(
				'timeout'             => 5,
				'redirection'         => 0,
				'limit_response_size' => 65536,
			)
		);
		$date     = is_wp_error( $response ) ? '' : (string) wp_remote_retrieve_header( $response, 'date' );
		$remote   = '' === $date ? false : strtotime( $date );
		return SiteHealthResults::clock( false === $remote ? null : $remote, time(), $config->leeway() );
	}

	/**
	 * `debug_information`: the Info tab's section, the settings the table declares. Nothing there is secret
	 * (the plugin has no secret: an app client for browsers has none); values pinned in wp-config.php say so.
	 *
	 * @param array<string,mixed>|mixed $info Core's sections.
	 * @return array<string,mixed>|mixed
	 */
	public static function info( mixed $info ): mixed {
		if ( ! is_array( $info ) ) {
			return $info;
		}
		$config = Settings::current();
		$values = $config->all();
		$fields = array();
		foreach ( Fields::all() as $name => $field ) {
			$value           = $values[ $name ] ?? null;
			$shown           = is_scalar( $value ) ? ( is_bool( $value ) ? ( $value ? 'true' : 'false' ) : (string) $value ) : (string) wp_json_encode( $value );
			$fields[ $name ] = array(
				'label' => $field->label(),
				'value' => $config->is_pinned( $name )
					/* translators: 1: setting value, 2: constant name. */
					? sprintf( __( '%1$s (set by %2$s)', 'cognito-blocks' ), $shown, $field->constant() )
					: ( '' === $shown ? __( '(empty)', 'cognito-blocks' ) : $shown ),
				'debug' => $shown,
			);
		}
		$fields['issuer']       = array(
			'label' => __( 'Issuer', 'cognito-blocks' ),
			'value' => '' === $config->issuer() ? __( '(not configured)', 'cognito-blocks' ) : $config->issuer(),
		);
		$info['cognito-blocks'] = array(
			'label'  => __( 'Cognito Blocks', 'cognito-blocks' ),
			'fields' => $fields,
		);
		return $info;
	}
}
