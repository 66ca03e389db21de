<?php
/**
 * REST endpoint through which people delete their own account from the profile form.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Rest;

use CognitoBlocks\Users\AccountRemoval;

/**
 * `DELETE /cognito-blocks/v1/account` `{ "idToken" }`: the signed-in user (REST nonce) deletes or unlinks their
 * account, as the site's settings say (Users\AccountRemoval). The ID token is the proof that the person just
 * authenticated with Cognito again: every check of a sign-in applies, the sign-in's age included, and it must be
 * the identity the account is linked to.
 */
final class AccountController {

	public const ROUTE = '/account';

	/**
	 * The methods the route serves (the Allow header of a 405).
	 */
	private const ALLOW = 'DELETE';

	/**
	 * The `rest_api_init` action.
	 */
	public static function register_routes(): void {
		register_rest_route(
			SessionController::NAMESPACE,
			self::ROUTE,
			array(
				array(
					'methods'             => \WP_REST_Server::DELETABLE,
					'callback'            => array( self::class, 'delete_account' ),
					'permission_callback' => array( SessionRequest::class, 'signed_in' ),
					'args'                => array(
						'idToken' => array(
							'description' => __( 'Cognito ID token of a sign-in made just now, to confirm the deletion.', 'cognito-blocks' ),
							'type'        => 'string',
							'required'    => true,
						),
					),
				),
			)
		);
	}

	/**
	 * Deletes or unlinks the signed-in account, then ends all its sessions.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @phpstan-param \WP_REST_Request<array<string,mixed>> $request
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function delete_account( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$read = SessionRequest::token( $request, 'DELETE', self::ALLOW );
		if ( ! is_array( $read ) ) {
			return $read;
		}
		$user = wp_get_current_user();
		// Refusals that the token cannot change come before it is checked, so they do not use it up.
		$decision = AccountRemoval::decide( $user, $read['config'] );
		if ( ! AccountRemoval::allowed( $decision ) ) {
			return Errors::deletion_refused( $decision );
		}
		$services = new SessionServices( $read['config'] );
		$claims   = SessionRequest::own_claims( $request, $services, $services->verifier(), $read['token'] );
		if ( ! is_array( $claims ) ) {
			return $claims;
		}

		// Signed out first, while the account still exists for the session store and the wp_logout handlers.
		SessionController::end_sessions( true );
		$result = AccountRemoval::remove( $user, $read['config'] );
		if ( ! is_array( $result ) ) {
			return Errors::deletion_refused( $result );
		}

		/**
		 * Fires after someone removed their account from the profile form (DELETE /account), signed out of every
		 * session.
		 *
		 * @param int                 $user_id The account's ID (on a single site, no account has it any more
		 *                                     when `$mode` is `delete`).
		 * @param array<string,mixed> $claims  Verified claims of the ID token that confirmed it.
		 * @param string              $mode    `unlink`: the account stays, without its Cognito link; `delete`:
		 *                                     it was deleted (on a network, removed from this site).
		 */
		do_action( 'cognito_blocks_account_deleted', (int) $user->ID, $claims, $read['config']->deleted_account() );

		return SessionRequest::private_response( $result );
	}
}
