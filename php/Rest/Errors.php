<?php
/**
 * The session and account endpoints' error responses.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Rest;

use CognitoBlocks\Auth\Exception\KeysUnavailable;
use CognitoBlocks\Auth\Exception\TokenRejected;
use CognitoBlocks\Users\AccountRemoval;
use CognitoBlocks\Users\LoginDenied;

/**
 * Converts failures into WP_Error with stable codes and generic translated messages. The precise reason goes to
 * the debug log only (and only when WP_DEBUG_LOG is on); it never contains the token.
 */
final class Errors {

	/**
	 * Request from another site.
	 */
	public static function bad_origin(): \WP_Error {
		self::log( 'request rejected: Origin/Referer is not this site' );
		return new \WP_Error( 'cognito_blocks_bad_origin', __( 'This request must come from this site.', 'cognito-blocks' ), array( 'status' => 403 ) );
	}

	/**
	 * Plugin not configured.
	 */
	public static function not_configured(): \WP_Error {
		return new \WP_Error( 'cognito_blocks_not_configured', __( 'Sign-in is not set up on this site yet.', 'cognito-blocks' ), array( 'status' => 503 ) );
	}

	/**
	 * Too many rejected tokens.
	 *
	 * @param int $retry_after Seconds until the client may try again.
	 */
	public static function rate_limited( int $retry_after ): \WP_Error {
		return new \WP_Error(
			'cognito_blocks_rate_limited',
			__( 'Too many failed sign-in attempts. Please wait a few minutes and try again.', 'cognito-blocks' ),
			array(
				'status'     => 429,
				'retryAfter' => $retry_after,
			)
		);
	}

	/**
	 * Any rejected token: one message whatever the reason.
	 *
	 * @param TokenRejected $e The failed check.
	 */
	public static function invalid_token( TokenRejected $e ): \WP_Error {
		self::log( 'token rejected: ' . $e->getMessage() );
		return new \WP_Error( 'cognito_blocks_invalid_token', __( 'Your sign-in could not be verified. Please sign in again.', 'cognito-blocks' ), array( 'status' => 401 ) );
	}

	/**
	 * Signing keys unavailable.
	 *
	 * @param KeysUnavailable $e Cause.
	 */
	public static function keys_unavailable( KeysUnavailable $e ): \WP_Error {
		self::log( 'keys unavailable: ' . $e->getMessage() );
		return new \WP_Error( 'cognito_blocks_keys_unavailable', __( 'Sign-in is temporarily unavailable. Please try again in a moment.', 'cognito-blocks' ), array( 'status' => 503 ) );
	}

	/**
	 * Site policy refused the login.
	 *
	 * @param LoginDenied $e Denial.
	 */
	public static function login_denied( LoginDenied $e ): \WP_Error {
		self::log( 'login denied: ' . $e->getMessage() );
		if ( LoginDenied::BUSY === $e->error_code() ) {
			return new \WP_Error( $e->error_code(), __( 'Sign-in is busy. Please try again in a moment.', 'cognito-blocks' ), array( 'status' => 503 ) );
		}
		$messages = array(
			LoginDenied::ACCOUNT_EXISTS    => __( 'An account with this email address already exists. Please ask a site administrator to connect it.', 'cognito-blocks' ),
			// The same words as the browser's message for this code (src/auth/error-codes.ts).
			LoginDenied::CREATION_DISABLED => __( 'New accounts are not created on this site. If you already have an account here, ask the site administrator to connect it to your sign-in.', 'cognito-blocks' ),
		);
		$message  = $messages[ $e->error_code() ] ?? __( 'This account may not sign in to this site.', 'cognito-blocks' );
		return new \WP_Error( $e->error_code(), $message, array( 'status' => 403 ) );
	}

	/**
	 * Another plugin on wp_login ended or replaced the session.
	 */
	public static function login_interrupted(): \WP_Error {
		self::log( 'login interrupted by a wp_login handler' );
		return new \WP_Error( 'cognito_blocks_login_interrupted', __( 'Sign-in could not be completed. Please use the site’s login page.', 'cognito-blocks' ), array( 'status' => 403 ) );
	}

	/**
	 * A method override, or a wire method that is not the route's (a GET turned into a sign-in by `?_method=POST`).
	 *
	 * @param string $allow The methods the route serves, as in the Allow header ("GET, POST, PUT, DELETE").
	 */
	public static function method_not_allowed( string $allow ): \WP_Error {
		self::log( 'request rejected: method override or a method other than the route\'s' );
		return new \WP_Error(
			'cognito_blocks_method_not_allowed',
			/* translators: %s: HTTP methods, such as "GET, POST, PUT, DELETE". */
			sprintf( __( 'This request must be sent with its own HTTP method (%s), without a method override.', 'cognito-blocks' ), $allow ),
			array( 'status' => 405 )
		);
	}

	/**
	 * A verified token of another identity than the one the signed-in account is linked to (or the account is
	 * linked to none): the browser holds someone else's Cognito session.
	 */
	public static function wrong_user(): \WP_Error {
		self::log( 'token rejected: not the identity the signed-in account is linked to' );
		return new \WP_Error( 'cognito_blocks_wrong_user', __( 'This sign-in belongs to another account than the one signed in to this site. Please sign out and sign in again.', 'cognito-blocks' ), array( 'status' => 403 ) );
	}

	/**
	 * The profile form may not delete this account (see Users\AccountRemoval::decide()).
	 *
	 * @param string $reason AccountRemoval::OFF, ::PROTECTED or ::HAS_CONTENT.
	 */
	public static function deletion_refused( string $reason ): \WP_Error {
		self::log( 'account deletion refused: ' . $reason );
		if ( AccountRemoval::PROTECTED === $reason ) {
			return new \WP_Error( 'cognito_blocks_account_protected', __( 'This account cannot be deleted from the profile form. Please ask a site administrator.', 'cognito-blocks' ), array( 'status' => 403 ) );
		}
		if ( AccountRemoval::HAS_CONTENT === $reason ) {
			return new \WP_Error( 'cognito_blocks_account_has_content', __( 'This account has content on the site, so it cannot be deleted from the profile form. Please ask a site administrator.', 'cognito-blocks' ), array( 'status' => 409 ) );
		}
		return new \WP_Error( 'cognito_blocks_delete_not_allowed', __( 'Accounts cannot be deleted from the profile form on this site.', 'cognito-blocks' ), array( 'status' => 403 ) );
	}

	/**
	 * Malformed body that passed the schema (e.g. a non-string token from a filter), or a token sent anywhere but
	 * in the JSON body.
	 */
	public static function bad_request(): \WP_Error {
		return new \WP_Error( 'cognito_blocks_bad_request', __( 'The request is malformed.', 'cognito-blocks' ), array( 'status' => 400 ) );
	}

	/**
	 * Writes one line to the debug log.
	 *
	 * @param string $message Reason, never a token.
	 */
	private static function log( string $message ): void {
		if ( defined( 'WP_DEBUG_LOG' ) && WP_DEBUG_LOG ) {
			error_log( '[cognito-blocks] ' . $message ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- Opt-in diagnostics, only with WP_DEBUG_LOG.
		}
	}
}
