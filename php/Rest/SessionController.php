<?php
/**
 * REST endpoint that turns a Cognito ID token into a WordPress session.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Rest;

use CognitoBlocks\Sessions\SessionBinding;

use CognitoBlocks\Users\LoginDenied;

/**
 * `/cognito-blocks/v1/session`: POST signs in, DELETE signs out (here); GET tells the profile form which identity
 * the session belongs to and PUT hands in a refreshed ID token (SessionSync). The only place a WordPress session is
 * created from Cognito. Only each method sent as itself is served (SessionRequest::refuse_other_methods()), and a
 * token is read from the JSON body only.
 */
final class SessionController {

	public const NAMESPACE = 'cognito-blocks/v1';

	public const ROUTE = '/session';

	/**
	 * The methods the route serves (the Allow header of a 405).
	 */
	public const ALLOW = 'GET, POST, PUT, DELETE';

	/**
	 * The `rest_api_init` action.
	 */
	public static function register_routes(): void {
		$token = array(
			'description' => __( 'Cognito ID token.', 'cognito-blocks' ),
			'type'        => 'string',
			'required'    => true,
		);
		register_rest_route(
			self::NAMESPACE,
			self::ROUTE,
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( SessionSync::class, 'read' ),
					'permission_callback' => array( SessionRequest::class, 'signed_in' ),
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( self::class, 'create_session' ),
					// Anyone may try: the token is the credential, and the origin check and rate limit run first.
					'permission_callback' => '__return_true',
					'args'                => array(
						'idToken'      => $token,
						'remember'     => array(
							'description' => __( 'Keep the session after the browser closes.', 'cognito-blocks' ),
							'type'        => 'boolean',
							'default'     => false,
						),
						'redirectTo'   => array(
							'description' => __( 'Where to go after signing in; only this site’s URLs are honoured.', 'cognito-blocks' ),
							'type'        => 'string',
							'default'     => '',
						),
						'hostedUi'     => array(
							'description' => __( 'The sign-in went through the hosted UI, whose session signing out may end too.', 'cognito-blocks' ),
							'type'        => 'boolean',
							'default'     => false,
						),
						'refreshToken' => array(
							'description' => __( 'The Cognito refresh token of the same sign-in: kept encrypted in the session, which then follows Cognito.', 'cognito-blocks' ),
							'type'        => 'string',
							'default'     => '',
						),
					),
				),
				array(
					// PUT alone: WP_REST_Server::EDITABLE would take PATCH (and POST) too.
					'methods'             => 'PUT',
					'callback'            => array( SessionSync::class, 'update' ),
					'permission_callback' => array( SessionRequest::class, 'signed_in' ),
					'args'                => array( 'idToken' => $token ),
				),
				array(
					'methods'             => \WP_REST_Server::DELETABLE,
					'callback'            => array( self::class, 'delete_session' ),
					'permission_callback' => array( SessionRequest::class, 'signed_in' ),
					'args'                => array(
						'everywhere' => array(
							'description' => __( 'End every session of the account, on every device, not only this one.', 'cognito-blocks' ),
							'type'        => 'boolean',
							'default'     => false,
						),
						'keepThis'   => array(
							'description' => __( 'With everywhere: keep this browser signed in and end only the other sessions.', 'cognito-blocks' ),
							'type'        => 'boolean',
							'default'     => false,
						),
					),
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
		$read = SessionRequest::token( $request, 'POST', self::ALLOW );
		if ( ! is_array( $read ) ) {
			return $read;
		}
		$redirect = $read['body']['redirectTo'] ?? null;
		if ( null !== $redirect && ! is_string( $redirect ) ) {
			return Errors::bad_request();
		}

		$services = new SessionServices( $read['config'] );
		$users    = $services->users();
		$resolved = SessionRequest::verified( $request, $services, $services->verifier(), $read['token'], static fn( array $claims ): array => array( $users->resolve( $claims ), $claims ) );
		if ( ! is_array( $resolved ) ) {
			return $resolved;
		}
		list( $user, $claims ) = $resolved;

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

		$refresh = $read['body']['refreshToken'] ?? '';
		SessionBinding::prepare( $read['config'], is_int( $claims['auth_time'] ?? null ) ? $claims['auth_time'] : time(), is_string( $refresh ) ? $refresh : '', time(), is_string( $claims['sub'] ?? null ) ? $claims['sub'] : '', true === ( $read['body']['hostedUi'] ?? false ) );
		$response = self::open_session( $user, $claims, self::remember( $read['body'] ), (string) $redirect );
		// Used by the session just opened, or by none.
		SessionBinding::discard();
		return $response;
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

		return SessionRequest::private_response(
			array(
				'userId'     => (int) $user->ID,
				'redirectTo' => '' === $redirect ? $fallback : $redirect,
			)
		);
	}

	/**
	 * Signs out. With `{ "everywhere": true, "keepThis": true }` only the account's other sessions end and this one
	 * stays. With `{ "everywhere": true }` in the JSON body, every session of the account ends first (other
	 * browsers and devices); without it, only this one.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @phpstan-param \WP_REST_Request<array<string,mixed>> $request
	 * @return \WP_REST_Response
	 */
	public static function delete_session( \WP_REST_Request $request ): \WP_REST_Response {
		$refused = SessionRequest::refuse_other_methods( $request, 'DELETE', self::ALLOW );
		if ( null !== $refused ) {
			return $refused;
		}
		// The JSON body only (the schema sanitised it to a boolean when present), like every other input here.
		$body       = (array) $request->get_json_params();
		$user       = wp_get_current_user();
		$everywhere = true === ( $body['everywhere'] ?? false );
		if ( $everywhere && true === ( $body['keepThis'] ?? false ) ) {
			// "Sign out other devices" after a password change: this browser stays, every other session ends.
			wp_destroy_other_sessions();
			return SessionRequest::private_response( array( 'signedOut' => false ) );
		}
		self::end_sessions( $everywhere );

		/**
		 * Fires after the session endpoint signed a user out (after `wp_logout`).
		 *
		 * @param \WP_User $user The account that was signed out.
		 */
		do_action( 'cognito_blocks_logout', $user );

		return SessionRequest::private_response( array( 'signedOut' => true ) );
	}

	/**
	 * Signs the current user out: wp_logout() destroys this session's token on the server (its cookies stop
	 * working) and clears the cookies. With $everywhere, the account's other sessions are destroyed before it.
	 * Session tokens are user meta, so on a network that is every session on every site of it.
	 *
	 * @param bool $everywhere Whether to end every session of the account, not only this one.
	 */
	public static function end_sessions( bool $everywhere ): void {
		if ( $everywhere ) {
			\WP_Session_Tokens::get_instance( get_current_user_id() )->destroy_all();
		}
		wp_logout();
	}

	/**
	 * The body's `remember` (the schema sanitised it to a boolean when present).
	 *
	 * @param array<mixed,mixed> $body JSON body.
	 */
	private static function remember( array $body ): bool {
		return isset( $body['remember'] ) && true === $body['remember'];
	}
}
