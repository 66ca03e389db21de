<?php
/**
 * The profile form's view of the session: whose it is, and the pool's changes to the account.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Rest;

use CognitoBlocks\Settings\Settings;
use CognitoBlocks\Users\AccountRemoval;
use CognitoBlocks\Users\Identity;

/**
 * `GET /session` tells the browser which Cognito identity the WordPress session belongs to, so the profile form
 * can make sure the Cognito tokens it holds are that person's (and prefill a password prompt); `PUT /session`
 * takes a refreshed ID token of the signed-in user and updates the mapped fields from it, without a new session.
 * Both need the signed-in user's REST nonce (SessionRequest::signed_in()).
 */
final class SessionSync {

	/**
	 * `GET /session`.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @phpstan-param \WP_REST_Request<array<string,mixed>> $request
	 * @return \WP_REST_Response
	 */
	public static function read( \WP_REST_Request $request ): \WP_REST_Response {
		$refused = SessionRequest::refuse_other_methods( $request, 'GET', SessionController::ALLOW );
		if ( null !== $refused ) {
			return $refused;
		}
		$user   = wp_get_current_user();
		$id     = (int) $user->ID;
		$config = Settings::current();
		$sub    = Identity::linked_sub( $id, $config->issuer() );
		// The pool's username belongs to the link: an account linked to another pool (or none) shows none.
		$username = null === $sub ? '' : get_user_meta( $id, Identity::META_USERNAME, true );
		$removal  = AccountRemoval::decide( $user, $config );
		return SessionRequest::private_response(
			array(
				'userId'          => $id,
				'displayName'     => $user->display_name,
				'linked'          => null !== $sub,
				'sub'             => $sub,
				'username'        => is_string( $username ) ? $username : '',
				'email'           => $user->user_email,
				// What DELETE /account would do: "unlink", "delete", or null when it would be refused.
				'accountDeletion' => null !== $sub && AccountRemoval::allowed( $removal ) ? ( AccountRemoval::UNLINK === $removal ? 'unlink' : 'delete' ) : null,
			)
		);
	}

	/**
	 * `PUT /session` `{ "idToken" }`: applies a refreshed ID token of the signed-in user to the account, by the
	 * rules of a sign-in (UserResolver::refresh()). The token passes every check but the sign-in's age
	 * (SessionServices::sync_verifier()), since a refreshed token keeps the original auth_time; its identity must
	 * be the one the signed-in account is linked to.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @phpstan-param \WP_REST_Request<array<string,mixed>> $request
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function update( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$read = SessionRequest::token( $request, 'PUT', SessionController::ALLOW );
		if ( ! is_array( $read ) ) {
			return $read;
		}
		$services = new SessionServices( $read['config'] );
		$claims   = SessionRequest::own_claims( $request, $services, $services->sync_verifier(), $read['token'] );
		if ( ! is_array( $claims ) ) {
			return $claims;
		}

		$user    = wp_get_current_user();
		$changes = $services->users()->refresh( $user, $claims );
		// wp_update_user() cleared the caches, not the object it was given.
		$fresh = get_userdata( (int) $user->ID );
		$fresh = $fresh instanceof \WP_User ? $fresh : $user;

		/**
		 * Fires after a refreshed ID token of the signed-in user updated the account (PUT /session), also when
		 * nothing had changed.
		 *
		 * @param \WP_User            $user    The account, as updated.
		 * @param array<string,mixed> $claims  Verified ID-token claims.
		 * @param list<string>        $changes What changed: `roles`, account fields (user_email, first_name,
		 *                                     last_name, display_name, nickname) and mapped meta keys.
		 */
		do_action( 'cognito_blocks_user_synced', $fresh, $claims, $changes );

		return SessionRequest::private_response(
			array(
				'userId'      => (int) $fresh->ID,
				'updated'     => $changes,
				'email'       => $fresh->user_email,
				'displayName' => $fresh->display_name,
			)
		);
	}
}
