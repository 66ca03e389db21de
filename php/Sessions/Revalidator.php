<?php
/**
 * Keeping WordPress sessions in step with Cognito.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Sessions;

use CognitoBlocks\Auth\Clock;
use CognitoBlocks\Auth\Store\Ledger;
use CognitoBlocks\Settings\Config;

/**
 * On a signed-in request, checks the session's Cognito grant at most every `revalidate_interval` seconds, and never
 * twice at once for one session (a ledger claim on the session shared by every web server):
 *
 * - the refresh still works: the session lives on (a rotated refresh token is stored back);
 * - Cognito says the grant is gone (revoked by a global sign-out, user disabled or deleted, token expired): the
 *   session ends now, on this request;
 * - Cognito cannot be asked: the session lives on for `revalidate_grace` seconds from the first failure, then
 *   ends; the outage is logged once, not per request.
 *
 * A session past its binding's end (the refresh token's validity, or the sign-in plus the unbound maximum) ends
 * without asking.
 */
final class Revalidator {

	/** Option: when revalidation last reached Cognito (Site Health). */
	public const REACHED_OPTION = 'cognito_blocks_revalidation_reached';

	/** Option: since when Cognito has been unreachable (the outage is logged once, when this is set). */
	public const OUTAGE_OPTION = 'cognito_blocks_revalidation_outage';

	/**
	 * Builds a revalidator.
	 *
	 * @param Config         $config  Settings.
	 * @param CognitoRefresh $cognito The pool.
	 * @param Ledger         $ledger  Shared claims (one check at a time per session).
	 * @param TokenVault     $vault   Opens and seals refresh tokens.
	 * @param Clock          $clock   Time.
	 */
	public function __construct(
		private readonly Config $config,
		private readonly CognitoRefresh $cognito,
		private readonly Ledger $ledger,
		private readonly TokenVault $vault,
		private readonly Clock $clock
	) {}

	/**
	 * Checks one session when it is due; returns the outcome when the session must end, else null.
	 *
	 * @param int    $user_id The signed-in user.
	 * @param string $token   The session token (from the auth cookie).
	 */
	public function check( int $user_id, string $token ): ?Outcome {
		$sessions = \WP_Session_Tokens::get_instance( $user_id );
		$session  = $sessions->get( $token );
		$binding  = is_array( $session ) && is_array( $session[ SessionBinding::KEY ] ?? null ) ? $session[ SessionBinding::KEY ] : null;
		if ( null === $binding ) {
			// Not opened from Cognito (a WordPress-password sign-in): WordPress's rules alone.
			return null;
		}
		$now = $this->clock->now();
		if ( $now >= (int) ( $binding['ends'] ?? 0 ) ) {
			return Outcome::end( Outcome::EXPIRED );
		}
		$interval = $this->config->revalidate_interval();
		$refresh  = $this->vault->open( $binding['refresh'] ?? null );
		if ( 0 === $interval || null === $refresh || $now - (int) ( $binding['checked'] ?? 0 ) < $interval ) {
			return null;
		}
		$claim = 'revalidate_' . hash( 'sha256', $token );
		if ( ! $this->ledger->claim( $claim, 60 ) ) {
			// Another request of this session is asking Cognito right now.
			return null;
		}
		try {
			$outcome = $this->cognito->check( $refresh );
			if ( Outcome::END === $outcome->kind ) {
				return $outcome;
			}
			if ( Outcome::KEEP === $outcome->kind && ! hash_equals( (string) ( $binding['sub'] ?? '' ), $outcome->sub ) ) {
				// The refresh token handed over at sign-in is someone else's (or its sub could not be read): it
				// says nothing about this session's grant, so it cannot keep the session alive. Fail closed.
				return Outcome::end( Outcome::REVOKED );
			}
			if ( Outcome::KEEP === $outcome->kind ) {
				$this->reached( $now );
				$binding['failing_since'] = null;
				if ( null !== $outcome->refresh_token ) {
					$binding['refresh'] = $this->vault->seal( $outcome->refresh_token );
				}
			} else {
				$binding['failing_since'] ??= $now;
				$this->outage( $now );
				if ( $now - (int) $binding['failing_since'] >= $this->config->revalidate_grace() ) {
					return Outcome::end( Outcome::OUTAGE );
				}
			}
			$binding['checked']             = $now;
			$session[ SessionBinding::KEY ] = $binding;
			$sessions->update( $token, $session );
			return null;
		} finally {
			$this->ledger->release( $claim );
		}
	}

	/**
	 * Records that Cognito answered (at most once a minute, to spare the options table).
	 *
	 * @param int $now Current time.
	 */
	private function reached( int $now ): void {
		if ( $now - (int) get_option( self::REACHED_OPTION, 0 ) >= 60 ) {
			update_option( self::REACHED_OPTION, $now, false );
		}
		delete_option( self::OUTAGE_OPTION );
	}

	/**
	 * Logs the start of an outage, once.
	 *
	 * @param int $now Current time.
	 */
	private function outage( int $now ): void {
		if ( add_option( self::OUTAGE_OPTION, $now, '', false ) ) {
			// phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- an operator needs to know, once.
			error_log( 'Cognito Blocks: Cognito did not answer a session check; signed-in sessions continue for the grace period (' . $this->config->revalidate_grace() . ' s).' );
		}
	}
}
