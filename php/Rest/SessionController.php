<?php
/**
 * REST endpoint that turns a Cognito ID token into a WordPress session.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Rest;

use CognitoBlocks\Auth\Exception\KeysUnavailable;
use CognitoBlocks\Auth\Exception\TokenRejected;
use CognitoBlocks\Settings\Settings;
use CognitoBlocks\Users\LoginDenied;

/**
 * `POST /cognito-blocks/v1/session` signs in; `DELETE` signs out. The only place a WordPress session is created
 * from Cognito. Only a real POST or DELETE is served: WordPress's `_method` / X-HTTP-Method-Override would let a
 * plain GET link reach the sign-in handler, so either gets 405; and the token is read from the JSON body only.
 */
final class SessionController {

	public const NAMESPACE = 'cognito-blocks/v1';

	public const ROUTE = '/session';

	/**
	 * The methods the route serves (the Allow header of a 405).
	 */
	private const ALLOW = 'POST, DELETE';

	/**
	 * The `rest_api_init` action.
	 */
	public static function register_routes(): void {
		register_rest_route(
			self::NAMESPACE,
			self::ROUTE,
			array(
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( self::class, 'create_session' ),
					// Anyone may try: the token is the credential, and the origin check and rate limit run first.
					'permission_callback' => '__return_true',
					'args'                => array(
						'idToken'    => array(
							'description' => __( 'Cognito ID token.', 'cognito-blocks' ),
							'type'        => 'string',
							'required'    => true,
						),
						'remember'   => array(
							'description' => __( 'Keep the session after the browser closes.', 'cognito-blocks' ),
							'type'        => 'boolean',
							'default'     => false,
						),
						'redirectTo' => array(
							'description' => __( 'Where to go after signing in; only this site’s URLs are honoured.', 'cognito-blocks' ),
							'type'        => 'string',
							'default'     => '',
						),
					),
				),
				array(
					'methods'             => \WP_REST_Server::DELETABLE,
					'callback'            => array( self::class, 'delete_session' ),
					'permission_callback' => array( self::class, 'can_delete_session' ),
				),
			)
		);
	}

	/**
	 * Signs in with an ID token.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @phpstan-param \WP_REST_Request<array<string,mixed>> $request
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function create_session( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$refused = self::refuse_other_methods( $request, 'POST' );
		if ( null !== $refused ) {
			return $refused;
		}
		if ( ! OriginCheck::allows( self::header( $request, 'origin' ), self::header( $request, 'referer' ), array( home_url( '/' ), site_url( '/' ) ) ) ) {
			return Errors::bad_origin();
		}
		// The JSON body only (already checked against the args' schema): get_param() would also take a token from
		// the query string, where it leaks into logs and history and can ride on a link; or from a form post.
		$body = (array) $request->get_json_params(); // Null when the body is not JSON.
		if ( array_key_exists( 'idToken', $request->get_query_params() ) ) {
			return Errors::bad_request();
		}
		$token    = $body['idToken'] ?? null;
		$redirect = $body['redirectTo'] ?? null;
		if ( ! is_string( $token ) || ( null !== $redirect && ! is_string( $redirect ) ) ) {
			return Errors::bad_request();
		}
		$config = Settings::current();
		if ( ! $config->is_configured() ) {
			return Errors::not_configured();
		}

		$services = new SessionServices( $config );
		$limiter  = $services->limiter();
		$ip       = self::client_ip( $request, $config->trusted_proxies() );

		// The limit slows down whoever sends rejected tokens from one address; it never refuses a genuine token,
		// so visitors who share an address (an office, a carrier's NAT, a proxy) are not locked out by one of them.
		// Checking a token first costs little (a cached key and one RSA verification).
		try {
			$claims = $services->verifier()->verify( $token );
			$user   = $services->users()->resolve( $claims );
		} catch ( TokenRejected $e ) {
			$limited = $limiter->is_limited( $ip );
			$limiter->record_failure( $ip );
			if ( $limited ) {
				// The wait goes in the body (for the form's message) and in Retry-After (for any other client).
				$wait     = $limiter->retry_after( $ip );
				$response = rest_convert_error_to_response( Errors::rate_limited( $wait ) );
				$response->header( 'Retry-After', (string) $wait );
				return $response;
			}
			return Errors::invalid_token( $e );
		} catch ( KeysUnavailable $e ) {
			return Errors::keys_unavailable( $e );
		} catch ( LoginDenied $e ) {
			return Errors::login_denied( $e );
		}

		/**
		 * Filters whether a verified Cognito user may sign in (e.g. to require a group or block suspended users).
		 *
		 * Return anything but true to refuse with 403 cognito_blocks_login_not_allowed.
		 *
		 * @param bool                $allow  Whether to allow the sign-in. Default true.
		 * @param \WP_User            $user   The resolved (possibly just created) account.
		 * @param array<string,mixed> $claims Verified ID-token claims.
		 */
		if ( true !== apply_filters( 'cognito_blocks_allow_login', true, $user, $claims ) ) {
			return Errors::login_denied( new LoginDenied( LoginDenied::NOT_ALLOWED, 'cognito_blocks_allow_login filter' ) );
		}

		return self::open_session( $user, $claims, self::remember( $body ), (string) $redirect );
	}

	/**
	 * Sets the cookies and runs the login hooks, honouring a wp_login handler that ends or replaces the session.
	 *
	 * @param \WP_User            $user     Account.
	 * @param array<string,mixed> $claims   Verified claims.
	 * @param bool                $remember Persistent cookie.
	 * @param string              $redirect Requested redirect.
	 * @return \WP_REST_Response|\WP_Error
	 */
	private static function open_session( \WP_User $user, array $claims, bool $remember, string $redirect ): \WP_REST_Response|\WP_Error {
		$fallback  = home_url( '/' );
		$requested = $redirect;
		$redirect  = '' === $redirect ? $fallback : wp_validate_redirect( wp_sanitize_redirect( $redirect ), $fallback );

		$cleared = did_action( 'clear_auth_cookie' );
		wp_set_auth_cookie( (int) $user->ID, $remember, is_ssl() );
		wp_set_current_user( (int) $user->ID );

		/** This action is documented in wp-includes/user.php */
		do_action( 'wp_login', $user->user_login, $user ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- Core's login action, fired as wp_signon() does.

		if ( get_current_user_id() !== (int) $user->ID || did_action( 'clear_auth_cookie' ) > $cleared ) {
			return Errors::login_interrupted();
		}

		/**
		 * Fires after a WordPress session was opened from a Cognito ID token (after `wp_login`).
		 *
		 * @param \WP_User            $user   The signed-in account.
		 * @param array<string,mixed> $claims Verified ID-token claims.
		 */
		do_action( 'cognito_blocks_login', $user, $claims );

		// Plugins that send people somewhere by role after signing in hook core's login_redirect; run it as
		// wp-login.php does, then validate its answer like any other redirect.
		/** This filter is documented in wp-login.php */
		$filtered = apply_filters( 'login_redirect', $redirect, $requested, $user ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- Core's filter.
		$redirect = is_string( $filtered ) && '' !== $filtered ? wp_validate_redirect( wp_sanitize_redirect( $filtered ), $fallback ) : $redirect;

		$response = new \WP_REST_Response(
			array(
				'userId'     => (int) $user->ID,
				'redirectTo' => '' === $redirect ? $fallback : $redirect,
			),
			200
		);
		$response->header( 'Cache-Control', 'no-store, private' );
		return $response;
	}

	/**
	 * DELETE needs a signed-in user; with cookie auth, WordPress only keeps the user when the REST nonce is valid.
	 *
	 * @return true|\WP_Error
	 */
	public static function can_delete_session(): bool|\WP_Error {
		if ( is_user_logged_in() ) {
			return true;
		}
		return new \WP_Error( 'cognito_blocks_not_signed_in', __( 'You are not signed in.', 'cognito-blocks' ), array( 'status' => 401 ) );
	}

	/**
	 * Signs out: wp_logout() destroys the session token on the server (the old cookies stop working) and clears
	 * the cookies.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @phpstan-param \WP_REST_Request<array<string,mixed>> $request
	 * @return \WP_REST_Response
	 */
	public static function delete_session( \WP_REST_Request $request ): \WP_REST_Response {
		$refused = self::refuse_other_methods( $request, 'DELETE' );
		if ( null !== $refused ) {
			return $refused;
		}
		$user = wp_get_current_user();
		wp_logout();

		/**
		 * Fires after the session endpoint signed a user out (after `wp_logout`).
		 *
		 * @param \WP_User $user The account that was signed out.
		 */
		do_action( 'cognito_blocks_logout', $user );

		$response = new \WP_REST_Response( array( 'signedOut' => true ), 200 );
		$response->header( 'Cache-Control', 'no-store, private' );
		return $response;
	}

	/**
	 * A 405 (with Allow) unless the request came with the handler's method on the wire and without an override.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @param string           $method  The handler's method.
	 * @phpstan-param \WP_REST_Request<array<string,mixed>> $request
	 */
	private static function refuse_other_methods( \WP_REST_Request $request, string $method ): ?\WP_REST_Response {
		$wire = isset( $_SERVER['REQUEST_METHOD'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REQUEST_METHOD'] ) ) : null;
		if ( RequestMethod::is_real( $wire, $method, $request->get_query_params(), self::header( $request, 'x_http_method_override' ) ) ) {
			return null;
		}
		$response = rest_convert_error_to_response( Errors::method_not_allowed() );
		$response->header( 'Allow', self::ALLOW );
		$response->header( 'Cache-Control', 'no-store, private' );
		return $response;
	}

	/**
	 * The body's `remember` (the schema sanitised it to a boolean when present).
	 *
	 * @param array<mixed,mixed> $body JSON body.
	 */
	private static function remember( array $body ): bool {
		return isset( $body['remember'] ) && true === $body['remember'];
	}

	/**
	 * A request header as a string, or null.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @param string           $name    Header name.
	 * @phpstan-param \WP_REST_Request<array<string,mixed>> $request
	 */
	private static function header( \WP_REST_Request $request, string $name ): ?string {
		$value = $request->get_header( $name );
		return is_string( $value ) ? $value : null;
	}

	/**
	 * The client's address for the rate limit: the connection's own, or with trusted proxies configured the one
	 * they forwarded (see ClientAddress).
	 *
	 * @param \WP_REST_Request $request The request.
	 * @param string[]         $trusted Trusted proxies.
	 */
	private static function client_ip( \WP_REST_Request $request, array $trusted ): string {
		$remote    = isset( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ) : '';
		$forwarded = $request->get_header( 'x_forwarded_for' );
		return ClientAddress::of( $remote, null === $forwarded ? null : sanitize_text_field( $forwarded ), $trusted );
	}
}
