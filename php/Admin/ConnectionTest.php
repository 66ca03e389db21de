<?php
/**
 * The settings page's "Test connection", server side.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Admin;

use CognitoBlocks\Auth\JwksCache;
use CognitoBlocks\Auth\SignatureCheck;
use CognitoBlocks\Settings\Config;
use CognitoBlocks\Settings\Fields;
use CognitoBlocks\Settings\Settings;

/**
 * What this server can check about a pool, for the values in the settings form (saved or not): the pool's OpenID
 * configuration (reachable, the issuer tokens will carry), its key set (reachable, keys that can verify RS256
 * tokens), that the saved hosted UI domain is the one the pool announces, and the clock against the `Date` header
 * of Cognito's answer. The app client is checked in the browser
 * (src/admin/probe.ts), where sign-ins happen. Works the same against Amazon Cognito and the emulator.
 *
 * Each line is `{ id, ok, label, detail }`; `lines()` is pure, so SettingsPageTest checks every outcome without a
 * failing server.
 */
final class ConnectionTest {

	public const ROUTE = '/connection-test';

	/**
	 * The settings the form may send to test before saving.
	 */
	private const TESTED = array( 'user_pool_id', 'client_id', 'region', 'endpoint' );

	/**
	 * `rest_api_init`: POST /cognito-blocks/v1/connection-test, for administrators.
	 */
	public static function register_routes(): void {
		$args = array();
		foreach ( self::TESTED as $name ) {
			$args[ $name ] = Fields::get( $name )?->schema() ?? array( 'type' => 'string' );
		}
		register_rest_route(
			'cognito-blocks/v1',
			self::ROUTE,
			array(
				'methods'             => 'POST',
				'callback'            => array( self::class, 'respond' ),
				'permission_callback' => static fn(): bool => current_user_can( 'manage_options' ),
				'args'                => $args,
			)
		);
	}

	/**
	 * Runs the checks for the sent values (pinned settings keep their constants' values).
	 *
	 * @param \WP_REST_Request $request Request.
	 */
	public static function respond( \WP_REST_Request $request ): \WP_REST_Response {
		$current = Settings::current();
		$values  = $current->all();
		foreach ( self::TESTED as $name ) {
			if ( null !== $request->get_param( $name ) && ! $current->is_pinned( $name ) ) {
				$values[ $name ] = $request->get_param( $name );
			}
		}
		$config = new Config( $values );

		$discovery = null;
		$date      = null;
		$keys      = null;
		if ( $config->is_configured() ) {
			$response  = wp_remote_get(
				$config->issuer() . '/.well-known/openid-configuration',
				array(
					'timeout'             => 5,
					'redirection'         => 0,
					'limit_response_size' => 65536,
					'headers'             => array( 'Accept' => 'application/json' ),
				)
			);
			$ok        = ! is_wp_error( $response ) && 200 === (int) wp_remote_retrieve_response_code( $response );
			$decoded   = $ok ? json_decode( wp_remote_retrieve_body( $response ), true, 8 ) : null;
			$discovery = is_array( $decoded ) ? $decoded : null;
			$header    = is_wp_error( $response ) ? '' : (string) wp_remote_retrieve_header( $response, 'date' );
			$parsed    = '' === $header ? false : strtotime( $header );
			$date      = false === $parsed ? null : $parsed;
			$body      = ( new \CognitoBlocks\Auth\WpHttpClient() )->get( $config->jwks_url() );
			$keys      = null === $body ? null : JwksCache::parse( $body );
		}

		return new \WP_REST_Response(
			array(
				'lines'  => self::lines( $config, $discovery, $keys, $date, time() ),
				// What the browser's app client check uses: the same values, derived the same way.
				'client' => $config->client_config(),
			),
			200
		);
	}

	/**
	 * The result lines.
	 *
	 * @param Config                                 $config    Settings tested.
	 * @param array<string,mixed>|null               $discovery The OpenID configuration; null when unreachable.
	 * @param array<string,array<string,mixed>>|null $keys      Parsed key set; null when unreachable or unusable.
	 * @param int|null                               $date      Time of Cognito's `Date` header; null when absent.
	 * @param int                                    $now       This server's time.
	 * @return list<array{id:string,ok:bool,label:string,detail:string}>
	 */
	public static function lines( Config $config, ?array $discovery, ?array $keys, ?int $date, int $now ): array {
		if ( ! $config->is_configured() ) {
			return array(
				self::line( 'configuration', false, __( 'The connection is not configured', 'cognito-blocks' ), __( 'Enter the user pool ID and the app client ID (the region comes from the pool ID).', 'cognito-blocks' ) ),
			);
		}
		$issuer = $config->issuer();
		$lines  = array();
		if ( null === $discovery ) {
			$lines[] = self::line(
				'discovery',
				false,
				__( 'The user pool cannot be reached', 'cognito-blocks' ),
				/* translators: %s: URL of the pool's OpenID configuration. */
				sprintf( __( 'No OpenID configuration was read from %s. Check the user pool ID and region (and the endpoint override, if you use one), and that this server may make outgoing HTTPS requests.', 'cognito-blocks' ), $issuer . '/.well-known/openid-configuration' )
			);
		} elseif ( ( $discovery['issuer'] ?? null ) !== $issuer ) {
			$lines[] = self::line(
				'discovery',
				false,
				__( 'The pool names another issuer', 'cognito-blocks' ),
				/* translators: 1: issuer the pool announces, 2: issuer the plugin expects. */
				sprintf( __( 'The pool announces the issuer %1$s, but tokens are accepted only from %2$s. Check the region and the endpoint override.', 'cognito-blocks' ), is_string( $discovery['issuer'] ?? null ) ? $discovery['issuer'] : '—', $issuer )
			);
		} else {
			/* translators: %s: the issuer URL. */
			$lines[] = self::line( 'discovery', true, __( 'The user pool answers', 'cognito-blocks' ), sprintf( __( 'Issuer: %s', 'cognito-blocks' ), $issuer ) );
		}
		$hosted = self::hosted_ui( $config, $discovery );
		if ( null !== $hosted ) {
			$lines[] = $hosted;
		}

		$usable  = null === $keys ? 0 : count( array_filter( $keys, array( SignatureCheck::class, 'usable' ) ) );
		$lines[] = 0 === $usable
			? self::line(
				'keys',
				false,
				__( 'No usable signing key', 'cognito-blocks' ),
				/* translators: %s: URL of the key set. */
				sprintf( __( 'No RSA signing key could be read from %s, so no token could be verified.', 'cognito-blocks' ), $config->jwks_url() )
			)
			: self::line(
				'keys',
				true,
				__( 'Signing keys are usable', 'cognito-blocks' ),
				/* translators: %d: number of keys. */
				sprintf( _n( '%d key can verify tokens.', '%d keys can verify tokens.', $usable, 'cognito-blocks' ), $usable )
			);

		$clock   = SiteHealthResults::clock( $date, $now, $config->leeway() );
		$lines[] = self::line( 'clock', 'critical' !== $clock['status'] && null !== $date, $clock['label'], html_entity_decode( wp_strip_all_tags( $clock['description'] ), ENT_QUOTES ) );
		return $lines;
	}

	/**
	 * Whether the hosted UI domain setting is the pool's: the pool's OpenID configuration names its authorization
	 * endpoint, which is `{domain}/oauth2/authorize` for the domain the sign-in buttons send people to. Pure (only
	 * `__()`), so it is unit-tested.
	 *
	 * @param Config                   $config    Settings tested.
	 * @param array<string,mixed>|null $discovery The OpenID configuration; null when unreachable.
	 * @return array{id:string,ok:bool,label:string,detail:string}|null Null when no domain is set, or when the
	 *                                                                   configuration was not read (the discovery
	 *                                                                   line says so).
	 */
	public static function hosted_ui( Config $config, ?array $discovery ): ?array {
		$domain = $config->hosted_ui_domain();
		if ( '' === $domain || null === $discovery ) {
			return null;
		}
		$expected = $domain . '/oauth2/authorize';
		$named    = $discovery['authorization_endpoint'] ?? null;
		if ( ! is_string( $named ) || '' === $named ) {
			return self::line(
				'hosted_ui',
				false,
				__( 'The pool has no hosted UI', 'cognito-blocks' ),
				/* translators: %s: the hosted UI domain setting. */
				sprintf( __( 'The pool\'s OpenID configuration names no authorization endpoint, so the single sign-on buttons cannot reach %s. Give the user pool a domain (in the Cognito console: App integration, Domain), or leave the hosted UI domain empty.', 'cognito-blocks' ), $domain )
			);
		}
		// Scheme and host are case-insensitive; Cognito writes them in lower case.
		if ( 0 !== strcasecmp( $named, $expected ) ) {
			return self::line(
				'hosted_ui',
				false,
				__( 'The hosted UI domain is not the pool\'s', 'cognito-blocks' ),
				/* translators: 1: authorization endpoint the pool announces, 2: the one the hosted UI domain setting gives. */
				sprintf( __( 'The pool announces the authorization endpoint %1$s, but the single sign-on buttons would send people to %2$s. Enter the pool\'s domain as the hosted UI domain (with https:// and without a path).', 'cognito-blocks' ), $named, $expected )
			);
		}
		return self::line(
			'hosted_ui',
			true,
			__( 'The hosted UI domain is the pool\'s', 'cognito-blocks' ),
			/* translators: %s: the authorization endpoint URL. */
			sprintf( __( 'Authorization endpoint: %s', 'cognito-blocks' ), $named )
		);
	}

	/**
	 * One line.
	 *
	 * @param string $id     Which check.
	 * @param bool   $ok     Green or red.
	 * @param string $label  What was found.
	 * @param string $detail What it means, or what to fix.
	 * @return array{id:string,ok:bool,label:string,detail:string}
	 */
	private static function line( string $id, bool $ok, string $label, string $detail ): array {
		return array(
			'id'     => $id,
			'ok'     => $ok,
			'label'  => $label,
			'detail' => $detail,
		);
	}
}
