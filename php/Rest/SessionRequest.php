<?php
/**
 * What the session and account routes check the same way in every request.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Rest;

use CognitoBlocks\Auth\Exception\KeysUnavailable;
use CognitoBlocks\Auth\Exception\TokenRejected;
use CognitoBlocks\Auth\TokenVerifier;
use CognitoBlocks\Settings\Config;
use CognitoBlocks\Settings\Settings;
use CognitoBlocks\Users\Identity;
use CognitoBlocks\Users\LoginDenied;

/**
 * The checks that the handlers of `/session` and `/account` share: the real HTTP method, a signed-in user where one
 * is needed, a handed-in ID token read only from a same-site JSON body, and verification, where rejected tokens
 * count against the client's address whichever route they were sent to.
 */
final class SessionRequest {

	/**
	 * A 405 (with Allow) unless the request came with the handler's method on the wire and without an override:
	 * WordPress's `_method` / X-HTTP-Method-Override would let a plain GET link reach a handler that changes state.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @param string           $method  The handler's method.
	 * @param string           $allow   The methods the route serves, for the Allow header.
	 * @phpstan-param \WP_REST_Request<array<string,mixed>> $request
	 */
	public static function refuse_other_methods( \WP_REST_Request $request, string $method, string $allow ): ?\WP_REST_Response {
		$wire = isset( $_SERVER['REQUEST_METHOD'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REQUEST_METHOD'] ) ) : null;
		if ( RequestMethod::is_real( $wire, $method, $request->get_query_params(), self::header( $request, 'x_http_method_override' ) ) ) {
			return null;
		}
		$response = rest_convert_error_to_response( Errors::method_not_allowed( $allow ) );
		$response->header( 'Allow', $allow );
		$response->header( 'Cache-Control', 'no-store, private' );
		return $response;
	}

	/**
	 * The permission callback of every handler for a signed-in user. With cookie auth, WordPress keeps the user
	 * only when the request carries a valid REST nonce, so this also stops a cross-site page from using them.
	 *
	 * @return true|\WP_Error
	 */
	public static function signed_in(): bool|\WP_Error {
		if ( is_user_logged_in() ) {
			return true;
		}
		return new \WP_Error( 'cognito_blocks_not_signed_in', __( 'You are not signed in.', 'cognito-blocks' ), array( 'status' => 401 ) );
	}

	/**
	 * The ID token a request hands in, its JSON body and the settings to verify it with. The request must be sent
	 * with the handler's own method (refuse_other_methods()) and come from this site (Origin, else Referer): that
	 * stops a cross-site page from posting an attacker's token to log
	 * a visitor into the attacker's account, without a nonce in the page HTML, which full-page caches would serve
	 * stale. The token is read from the JSON body only (already checked against the route's args schema):
	 * get_param() would also take it from the query string, where it leaks into logs and history and can ride on
	 * a link, or from a form post.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @param string           $method  The handler's method.
	 * @param string           $allow   The methods the route serves, for the Allow header.
	 * @phpstan-param \WP_REST_Request<array<string,mixed>> $request
	 * @return array{token:string,body:array<mixed,mixed>,config:Config}|\WP_REST_Response|\WP_Error
	 */
	public static function token( \WP_REST_Request $request, string $method, string $allow ): array|\WP_REST_Response|\WP_Error {
		$refused = self::refuse_other_methods( $request, $method, $allow );
		if ( null !== $refused ) {
			return $refused;
		}
		if ( ! OriginCheck::allows( self::header( $request, 'origin' ), self::header( $request, 'referer' ), array( home_url( '/' ), site_url( '/' ) ) ) ) {
			return Errors::bad_origin();
		}
		$body  = (array) $request->get_json_params(); // Null when the body is not JSON.
		$token = $body['idToken'] ?? null;
		if ( array_key_exists( 'idToken', $request->get_query_params() ) || ! is_string( $token ) ) {
			return Errors::bad_request();
		}
		$config = Settings::current();
		if ( ! $config->is_configured() ) {
			return Errors::not_configured();
		}
		return array(
			'token'  => $token,
			'body'   => $body,
			'config' => $config,
		);
	}

	/**
	 * Verifies a token and runs `$then` with its claims, turning every failure into its response.
	 *
	 * The limit slows down whoever sends rejected tokens from one address; it never refuses a genuine token, so
	 * visitors who share an address (an office, a carrier's NAT, a proxy) are not locked out by one of them.
	 * Checking a token first costs little (a cached key and one RSA verification).
	 *
	 * @template T
	 * @param \WP_REST_Request $request  Request (for the client's address).
	 * @param SessionServices  $services Wiring.
	 * @param TokenVerifier    $verifier The verifier the handler needs.
	 * @param string           $token    The handed-in token.
	 * @param callable         $then     Runs with the verified claims; may throw LoginDenied.
	 * @phpstan-param \WP_REST_Request<array<string,mixed>> $request
	 * @phpstan-param callable(array<string,mixed>):T $then
	 * @return T|\WP_REST_Response|\WP_Error
	 */
	public static function verified( \WP_REST_Request $request, SessionServices $services, TokenVerifier $verifier, string $token, callable $then ): mixed {
		$limiter = $services->limiter();
		$ip      = self::client_ip( $request, $services->config()->trusted_proxies() );
		try {
			return $then( $verifier->verify( $token ) );
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
	}

	/**
	 * The verified claims of a token of the signed-in user's own identity, the one the account is linked to; the
	 * refusal otherwise: the token's (failures count as in verified()), or 403 for another identity's token or an
	 * account linked to none, since the browser then holds someone else's Cognito session.
	 *
	 * @param \WP_REST_Request $request  Request.
	 * @param SessionServices  $services Wiring.
	 * @param TokenVerifier    $verifier The verifier the handler needs.
	 * @param string           $token    The handed-in token.
	 * @phpstan-param \WP_REST_Request<array<string,mixed>> $request
	 * @return array<string,mixed>|\WP_REST_Response|\WP_Error
	 */
	public static function own_claims( \WP_REST_Request $request, SessionServices $services, TokenVerifier $verifier, string $token ): array|\WP_REST_Response|\WP_Error {
		$claims = self::verified( $request, $services, $verifier, $token, static fn( array $claims ): array => $claims );
		if ( is_array( $claims ) && ! Identity::is_bound_to( get_current_user_id(), (string) $claims['iss'], (string) $claims['sub'] ) ) {
			return Errors::wrong_user();
		}
		return $claims;
	}

	/**
	 * A 200 no cache may keep: it describes or changes one person's session.
	 *
	 * @param array<string,mixed> $data Response body.
	 */
	public static function private_response( array $data ): \WP_REST_Response {
		$response = new \WP_REST_Response( $data, 200 );
		$response->header( 'Cache-Control', 'no-store, private' );
		return $response;
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
	 * @phpstan-param \WP_REST_Request<array<string,mixed>> $request
	 */
	private static function client_ip( \WP_REST_Request $request, array $trusted ): string {
		$remote    = isset( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ) : '';
		$forwarded = $request->get_header( 'x_forwarded_for' );
		return ClientAddress::of( $remote, null === $forwarded ? null : sanitize_text_field( $forwarded ), $trusted );
	}
}
