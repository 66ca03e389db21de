<?php
/**
 * A verified identity that may not sign in.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Users;

/**
 * The token was fine but site policy refuses the login (creation disabled, account exists unlinked, no role…).
 * The code is a stable WP_Error code; the REST layer turns it into a translated message.
 */
final class LoginDenied extends \RuntimeException {

	public const CREATION_DISABLED = 'cognito_blocks_creation_disabled';
	public const ACCOUNT_EXISTS    = 'cognito_blocks_account_exists';
	public const NO_ROLE           = 'cognito_blocks_no_role';
	public const NOT_CREATED       = 'cognito_blocks_user_not_created';
	public const CONFLICT          = 'cognito_blocks_identity_conflict';
	public const BUSY              = 'cognito_blocks_busy';
	public const NOT_ALLOWED       = 'cognito_blocks_login_not_allowed';

	/**
	 * Creates the denial.
	 *
	 * @param string $error_code One of the constants.
	 * @param string $reason     Detail for the debug log.
	 */
	public function __construct( private readonly string $error_code, string $reason = '' ) {
		parent::__construct( '' === $reason ? $error_code : $error_code . ': ' . $reason ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- Log text, never printed.
	}

	/**
	 * The stable error code.
	 */
	public function error_code(): string {
		return $this->error_code;
	}
}
