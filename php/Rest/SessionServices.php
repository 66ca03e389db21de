<?php
/**
 * The production wiring of the session endpoint's collaborators.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Rest;

use CognitoBlocks\Auth\Clock;
use CognitoBlocks\Auth\JwksCache;
use CognitoBlocks\Auth\Store\CacheLedger;
use CognitoBlocks\Auth\Store\OptionsLedger;
use CognitoBlocks\Auth\Store\TransientCache;
use CognitoBlocks\Auth\SystemClock;
use CognitoBlocks\Auth\TokenVerifier;
use CognitoBlocks\Auth\WpHttpClient;
use CognitoBlocks\Settings\Config;
use CognitoBlocks\Users\LedgerLock;
use CognitoBlocks\Users\Lock;
use CognitoBlocks\Users\MysqlLock;
use CognitoBlocks\Users\UserResolver;

/**
 * Builds the verifier, user resolver and rate limiter from the settings, with the WordPress-backed stores.
 */
final class SessionServices {

	/**
	 * Shared time source.
	 *
	 * @var Clock
	 */
	private Clock $clock;

	/**
	 * Creates the wiring.
	 *
	 * @param Config $config Effective settings.
	 */
	public function __construct( private readonly Config $config ) {
		$this->clock = new SystemClock();
	}

	/**
	 * The effective settings the services were built from.
	 */
	public function config(): Config {
		return $this->config;
	}

	/**
	 * The token verifier that opens sessions (requires a configured plugin): every check, the sign-in's age
	 * (auth_time within max_token_age) included.
	 */
	public function verifier(): TokenVerifier {
		return $this->build_verifier( $this->config->max_token_age() );
	}

	/**
	 * The verifier of refreshed ID tokens of a user who is already signed in (PUT /session): every check of
	 * verifier() but the sign-in's age. Cognito keeps a refreshed token's auth_time at the original sign-in, so
	 * with the age checked no session longer than max_token_age could take the pool's changes. It opens no
	 * session: the caller accepts the token only for the account the signed-in user is linked to.
	 */
	public function sync_verifier(): TokenVerifier {
		return $this->build_verifier( null );
	}

	/**
	 * A verifier with the given sign-in age limit.
	 *
	 * @param int|null $max_age Maximum seconds since auth_time; null: any age.
	 */
	private function build_verifier( ?int $max_age ): TokenVerifier {
		$ledger = new OptionsLedger( $this->clock );
		// The key set's fetch throttle lives with the cached set; the single-use token ledger in the database.
		// Each site of a network caches the key set itself, so its fetch throttle is its own too.
		$keys = new JwksCache( $this->config->jwks_url(), new WpHttpClient(), new TransientCache(), new CacheLedger( new OptionsLedger( $this->clock, true ) ), $this->clock );
		return new TokenVerifier(
			$this->config->issuer(),
			$this->config->client_id(),
			$this->config->leeway(),
			$max_age,
			$keys,
			$ledger,
			$this->clock
		);
	}

	/**
	 * The user resolver.
	 */
	public function users(): UserResolver {
		return new UserResolver( $this->config, self::lock( $this->clock ) );
	}

	/**
	 * The rejected-token limiter.
	 */
	public function limiter(): RateLimiter {
		return new RateLimiter( new TransientCache(), $this->clock );
	}

	/**
	 * MySQL named locks with core's wpdb; the ledger mutex otherwise (SQLite drop-in, db drop-ins).
	 *
	 * @param Clock $clock Time source.
	 */
	private static function lock( Clock $clock ): Lock {
		global $wpdb;
		$sqlite = defined( 'DB_ENGINE' ) && 'sqlite' === DB_ENGINE;
		if ( ! $sqlite && is_object( $wpdb ) && 'wpdb' === get_class( $wpdb ) ) {
			return new MysqlLock();
		}
		return new LedgerLock( new OptionsLedger( $clock ) );
	}
}
