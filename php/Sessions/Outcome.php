<?php
/**
 * What a revalidation found.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Sessions;

/**
 * Cognito's answer to a refresh, read as what it means for the WordPress session: keep it (with the rotated
 * refresh token, if Cognito sent one), end it (the grant is gone: why), or Cognito could not be asked.
 */
final class Outcome {

	public const KEEP        = 'keep';
	public const END         = 'end';
	public const UNREACHABLE = 'unreachable';

	/** Reasons a session ends, as the hook and the visitor's notice name them. */
	public const REVOKED  = 'revoked';
	public const DISABLED = 'disabled';
	public const DELETED  = 'deleted';
	public const EXPIRED  = 'expired';
	public const OUTAGE   = 'outage';

	/**
	 * Builds an outcome.
	 *
	 * @param string      $kind          KEEP, END or UNREACHABLE.
	 * @param string      $reason        For END: one of the reasons above.
	 * @param string|null $refresh_token For KEEP: a rotated refresh token to store instead of the old one.
	 * @param string      $sub           For KEEP: the `sub` of the ID token Cognito issued (whose grant it is).
	 */
	private function __construct(
		public readonly string $kind,
		public readonly string $reason = '',
		public readonly ?string $refresh_token = null,
		public readonly string $sub = ''
	) {}

	/**
	 * The session lives on.
	 *
	 * @param string|null $refresh_token A rotated refresh token.
	 * @param string      $sub           Whose grant Cognito renewed.
	 */
	public static function keep( ?string $refresh_token = null, string $sub = '' ): self {
		return new self( self::KEEP, '', $refresh_token, $sub );
	}

	/**
	 * The session ends.
	 *
	 * @param string $reason Why.
	 */
	public static function end( string $reason ): self {
		return new self( self::END, $reason );
	}

	/**
	 * Cognito did not answer (network, throttling, its own errors): the grace period applies.
	 */
	public static function unreachable(): self {
		return new self( self::UNREACHABLE );
	}

	/**
	 * Reads a Cognito JSON error (`__type`, `message`) or transport failure. Only answers that mean the grant is
	 * gone end a session; anything Cognito might answer differently a minute later counts as unreachable.
	 *
	 * @param int                 $status HTTP status (0: no answer at all).
	 * @param array<string,mixed> $body   Decoded JSON body.
	 */
	public static function from_error( int $status, array $body ): self {
		$type    = is_string( $body['__type'] ?? null ) ? (string) preg_replace( '/^.*#/', '', $body['__type'] ) : '';
		$message = is_string( $body['message'] ?? null ) ? $body['message'] : '';
		if ( $status >= 500 || 0 === $status || in_array( $type, array( 'TooManyRequestsException', 'InternalErrorException', 'LimitExceededException', 'ServiceUnavailable' ), true ) ) {
			return self::unreachable();
		}
		if ( 'UserNotFoundException' === $type ) {
			return self::end( self::DELETED );
		}
		if ( 'NotAuthorizedException' === $type ) {
			if ( 1 === preg_match( '/disabled/i', $message ) ) {
				return self::end( self::DISABLED );
			}
			if ( 1 === preg_match( '/expired/i', $message ) ) {
				return self::end( self::EXPIRED );
			}
			return self::end( self::REVOKED );
		}
		if ( 'PasswordResetRequiredException' === $type || 'UserNotConfirmedException' === $type ) {
			return self::end( self::REVOKED );
		}
		// A 4xx Cognito gives for a request it cannot read (a misconfigured client, say): not the visitor's fault,
		// and not proof the grant is gone.
		return self::unreachable();
	}
}
