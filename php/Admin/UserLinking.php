<?php
/**
 * Linking and unlinking an account by hand.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Admin;

use CognitoBlocks\Settings\Sanitizer;
use CognitoBlocks\Settings\Settings;
use CognitoBlocks\Users\Identity;
use CognitoBlocks\Users\PendingLink;

/**
 * What the Cognito section of the user-edit screen submits: unlink, link to a Cognito sub, or link to a Cognito
 * username (the account is bound at that user's next sign-in, since only the pool knows a username's sub and this
 * plugin holds no AWS credentials to ask it). This is the only way an administrator, or any account holding a
 * `never_link_capabilities` capability, gets linked: first sign-ins never link such accounts by email.
 *
 * Who may do it: someone who may edit that user and manage the site's options (administrators), with the
 * section's own nonce, as core protects the rest of the form.
 */
final class UserLinking {

	public const NONCE_FIELD = 'cognito_blocks_link_nonce';

	public const FIELD_ACTION   = 'cognito_blocks_link_action';
	public const FIELD_SUB      = 'cognito_blocks_link_sub';
	public const FIELD_USERNAME = 'cognito_blocks_link_username';
	public const FIELD_ISSUER   = 'cognito_blocks_link_issuer';

	/**
	 * Nonce action for one account.
	 *
	 * @param int $user_id Account being edited.
	 */
	public static function nonce_action( int $user_id ): string {
		return 'cognito_blocks_link_' . $user_id;
	}

	/**
	 * Whether the current user may link or unlink this account.
	 *
	 * @param int $user_id Account being edited.
	 */
	public static function may_link( int $user_id ): bool {
		return current_user_can( 'edit_user', $user_id ) && current_user_can( 'manage_options' );
	}

	/**
	 * `user_profile_update_errors`: applies the section's request when the profile form is saved, and reports a
	 * refusal next to core's own errors.
	 *
	 * @param \WP_Error|mixed $errors Core's errors (passed by reference by core; an object, so changes stick).
	 * @param bool|mixed      $update Whether an existing user is saved (not user-new.php).
	 * @param object|mixed    $user   The user data core is about to save.
	 */
	public static function on_profile_update( mixed $errors, mixed $update = false, mixed $user = null ): void {
		if ( ! $errors instanceof \WP_Error || ! $update || ! is_object( $user ) || empty( $user->ID ) ) {
			return;
		}
		// phpcs:ignore WordPress.Security.NonceVerification.Missing -- handle() verifies the section's own nonce.
		$result = self::handle( (int) $user->ID, wp_unslash( $_POST ) );
		if ( $result instanceof \WP_Error ) {
			$errors->add( (string) $result->get_error_code(), $result->get_error_message() );
		}
	}

	/**
	 * Applies a submitted link or unlink.
	 *
	 * @param int                $user_id Account being edited.
	 * @param array<mixed,mixed> $input   Submitted fields (unslashed).
	 * @return bool|\WP_Error True when something changed, false when the section asked for nothing, or the refusal.
	 */
	public static function handle( int $user_id, array $input ): bool|\WP_Error {
		$action = is_string( $input[ self::FIELD_ACTION ] ?? null ) ? $input[ self::FIELD_ACTION ] : '';
		if ( ! in_array( $action, array( 'link', 'unlink' ), true ) ) {
			return false;
		}
		$nonce = is_string( $input[ self::NONCE_FIELD ] ?? null ) ? $input[ self::NONCE_FIELD ] : '';
		if ( ! wp_verify_nonce( $nonce, self::nonce_action( $user_id ) ) ) {
			return self::error( 'cognito_blocks_link_nonce', __( 'The link to the member sign-in was not changed: the form has expired. Please try again.', 'cognito-blocks' ), 403 );
		}
		if ( ! self::may_link( $user_id ) || ! get_userdata( $user_id ) instanceof \WP_User ) {
			return self::error( 'cognito_blocks_link_forbidden', __( 'Sorry, you are not allowed to change how this account signs in.', 'cognito-blocks' ), 403 );
		}
		if ( 'unlink' === $action ) {
			Identity::unbind( $user_id );
			return true;
		}
		if ( '' !== (string) get_user_meta( $user_id, Identity::META_KEY, true ) ) {
			return self::error( 'cognito_blocks_link_exists', __( 'This account is already linked to the member sign-in. Unlink it first.', 'cognito-blocks' ) );
		}
		return self::link( $user_id, $input );
	}

	/**
	 * Links to a sub now, or to a username at its next sign-in.
	 *
	 * @param int                $user_id Account.
	 * @param array<mixed,mixed> $input   Submitted fields.
	 */
	private static function link( int $user_id, array $input ): bool|\WP_Error {
		$issuer   = self::text( $input[ self::FIELD_ISSUER ] ?? '' );
		$issuer   = '' === $issuer ? Settings::issuer() : (string) Sanitizer::endpoint( $issuer );
		$sub      = self::text( $input[ self::FIELD_SUB ] ?? '' );
		$username = self::text( $input[ self::FIELD_USERNAME ] ?? '' );
		if ( '' === $issuer ) {
			return self::error( 'cognito_blocks_link_issuer', __( 'Enter the issuer of the user pool (its address, such as https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123), or configure the pool first.', 'cognito-blocks' ) );
		}
		if ( '' === $sub && '' === $username ) {
			return self::error( 'cognito_blocks_link_missing', __( 'Enter the Cognito sub or the Cognito username of the account to link.', 'cognito-blocks' ) );
		}
		if ( ! self::valid( $sub ) || ! self::valid( $username ) ) {
			return self::error( 'cognito_blocks_link_invalid', __( 'The Cognito sub or username contains characters a user pool does not use.', 'cognito-blocks' ) );
		}
		if ( '' === $sub ) {
			PendingLink::set( $user_id, $issuer, $username );
			return true;
		}
		$owners = array_diff( Identity::users_with( Identity::key( $issuer, $sub ) ), array( $user_id ) );
		if ( array() !== $owners ) {
			$owner = get_userdata( (int) reset( $owners ) );
			return self::error(
				'cognito_blocks_link_taken',
				sprintf(
					/* translators: %s: login name of the account that already has the link. */
					__( 'That Cognito account is already linked to the account %s. Unlink it there first.', 'cognito-blocks' ),
					$owner instanceof \WP_User ? $owner->user_login : '#' . (int) reset( $owners )
				)
			);
		}
		Identity::bind( $user_id, $issuer, $sub, $username );
		PendingLink::clear( $user_id );
		return true;
	}

	/**
	 * A submitted single-line value, trimmed.
	 *
	 * @param mixed $value Submitted value.
	 */
	private static function text( mixed $value ): string {
		return is_string( $value ) ? trim( $value ) : '';
	}

	/**
	 * Whether a sub or username is empty or made of what Cognito allows (no spaces or control characters).
	 *
	 * @param string $value Trimmed value.
	 */
	private static function valid( string $value ): bool {
		return '' === $value || 1 === preg_match( '/^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u', $value );
	}

	/**
	 * A refusal.
	 *
	 * @param string $code    Error code.
	 * @param string $message Translated message.
	 * @param int    $status  HTTP status, for callers that answer over HTTP.
	 */
	private static function error( string $code, string $message, int $status = 400 ): \WP_Error {
		return new \WP_Error( $code, $message, array( 'status' => $status ) );
	}
}
