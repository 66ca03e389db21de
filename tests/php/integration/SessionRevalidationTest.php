<?php
/**
 * WordPress sessions that follow Cognito, on the real site and the emulator: a session opened with a refresh token
 * is checked with Cognito on signed-in requests and ends when the user is disabled or signed out everywhere, or
 * after the grace period when Cognito cannot be reached; and the database never holds the token in plaintext.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Integration;

use CognitoBlocks\Auth\Store\OptionsLedger;
use CognitoBlocks\Auth\SystemClock;
use CognitoBlocks\Sessions\Revalidator;
use CognitoBlocks\Sessions\SessionBinding;
use CognitoBlocks\Sessions\SessionGuard;
use CognitoBlocks\Settings\Settings;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/EmulatorPool.php';
require_once __DIR__ . '/SiteState.php';

final class SessionRevalidationTest extends TestCase {

	use EmulatorPool;
	use SiteState;

	/** Option a must-use plugin written for these tests fills with each cognito_blocks_session_revoked call. */
	private const HOOK_LOG = 'cognito_blocks_test_revoked';

	public static function setUpBeforeClass(): void {
		self::$url      = rtrim( (string) getenv( 'WP_URL' ), '/' );
		self::$emulator = rtrim( (string) getenv( 'EMULATOR_URL' ), '/' );
		if ( '' === self::$url || '' === self::$emulator || ! function_exists( 'update_option' ) ) {
			self::markTestSkipped( 'Needs WordPress served at WP_URL and the Cognito emulator at EMULATOR_URL.' );
		}
		self::save_settings();
		// The hook fires in the web server's process: a must-use plugin there records it for the tests to read.
		$dir = ABSPATH . 'wp-content/mu-plugins';
		wp_mkdir_p( $dir );
		file_put_contents(
			$dir . '/cognito-blocks-test-revoked.php',
			"<?php\nadd_action( 'cognito_blocks_session_revoked', static function ( \$user_id, \$reason ) {\n\t\$log = (array) get_option( '" . self::HOOK_LOG . "', array() );\n\t\$log[] = array( (int) \$user_id, (string) \$reason );\n\tupdate_option( '" . self::HOOK_LOG . "', \$log, false );\n}, 10, 2 );\n"
		);
	}

	public static function tearDownAfterClass(): void {
		self::restore_settings();
		wp_delete_file( ABSPATH . 'wp-content/mu-plugins/cognito-blocks-test-revoked.php' );
		delete_option( self::HOOK_LOG );
	}

	/**
	 * What the hook was called with on the server so far.
	 *
	 * @return list<array{0:int,1:string}>
	 */
	private static function revocations(): array {
		wp_cache_delete( self::HOOK_LOG, 'options' );
		wp_cache_delete( 'notoptions', 'options' );
		return array_values( (array) get_option( self::HOOK_LOG, array() ) );
	}

	/**
	 * The site's settings for these tests: the emulator's pool, checks every `$interval` seconds.
	 *
	 * @param int                 $interval Seconds between checks.
	 * @param array<string,mixed> $more     Other settings.
	 */
	private static function configure( int $interval, array $more = array() ): void {
		$settings = is_array( self::$saved_settings ) ? self::$saved_settings : array();
		update_option(
			Settings::OPTION,
			array_merge(
				$settings,
				self::pool_settings(),
				array(
					'creation_policy'     => 'create',
					'bind_refresh_token'  => true,
					'revalidate_interval' => $interval,
					'revalidate_grace'    => 3,
				),
				$more
			)
		);
	}

	/**
	 * A new pool user signed in to WordPress through the hand-off, by default with the refresh token.
	 *
	 * @param bool $with_refresh Hand over the refresh token.
	 * @param bool $remember     "Remember me".
	 * @return array{user:array{username:string,password:string},cookies:string,refresh:string,user_id:int,expires:list<int>}
	 */
	private static function bound_session( bool $with_refresh = true, bool $remember = false ): array {
		$user   = self::new_pool_user();
		$tokens = self::sign_in_to_pool( $user['username'], $user['password'] );
		return array( 'user' => $user ) + self::handoff( self::$url, $tokens, $with_refresh, $remember );
	}

	/**
	 * Hands a sign-in's tokens to a site's session endpoint.
	 *
	 * @param string               $site         The site's address.
	 * @param array<string,string> $tokens       The pool's tokens.
	 * @param bool                 $with_refresh Hand over the refresh token.
	 * @param bool                 $remember     "Remember me".
	 * @return array{site:string,cookies:string,refresh:string,access:string,user_id:int,expires:list<int>}
	 */
	private static function handoff( string $site, array $tokens, bool $with_refresh = true, bool $remember = false ): array {
		$received = array();
		$expires  = array();
		$result   = self::http(
			$site . '/wp-json/cognito-blocks/v1/session',
			(string) json_encode(
				array(
					'idToken'  => $tokens['idToken'],
					'remember' => $remember,
				) + ( $with_refresh ? array( 'refreshToken' => $tokens['refreshToken'] ) : array() )
			),
			array( 'Content-Type: application/json', 'Origin: ' . $site ),
			'POST',
			array(
				CURLOPT_HEADERFUNCTION => static function ( $handle, string $line ) use ( &$received, &$expires ): int {
					if ( 1 === preg_match( '/^Set-Cookie:\s*([^=]+=[^;]*)/i', $line, $m ) && ! str_contains( $m[1], 'deleted' ) ) {
						$received[] = $m[1];
						if ( 1 === preg_match( '/expires=([^;]+)/i', $line, $e ) ) {
							$expires[] = (int) strtotime( $e[1] );
						}
					}
					return strlen( $line );
				},
			)
		);
		self::assertSame( 200, $result['status'], $result['raw'] );
		return array(
			'site'    => $site,
			'cookies' => implode( '; ', $received ),
			'refresh' => $tokens['refreshToken'],
			'access'  => $tokens['accessToken'],
			'user_id' => (int) $result['body']['userId'],
			'expires' => $expires,
		);
	}

	/**
	 * The session token in the logged-in cookie (`user|expiration|token|hmac`).
	 *
	 * @param array{cookies:string} $session The session.
	 */
	private static function session_token( array $session ): string {
		self::assertSame( 1, preg_match( '/wordpress_logged_in_[0-9a-f]+=([^;]+)/', $session['cookies'], $m ) );
		return explode( '|', rawurldecode( $m[1] ) )[2] ?? '';
	}

	/**
	 * A signed-in request (admin-ajax's rest-nonce answers "0" to a visitor who is not signed in) and the cookies
	 * it set.
	 *
	 * @param array{site:string,cookies:string} $session The session.
	 * @return array{signed_in:bool,set_cookies:string}
	 */
	private static function visit( array $session ): array {
		$set    = '';
		$result = self::http(
			$session['site'] . '/wp-admin/admin-ajax.php?action=rest-nonce',
			null,
			array( 'Cookie: ' . $session['cookies'] ),
			'GET',
			array(
				CURLOPT_HEADERFUNCTION => static function ( $handle, string $line ) use ( &$set ): int {
					if ( 0 === stripos( $line, 'Set-Cookie:' ) ) {
						$set .= $line;
					}
					return strlen( $line );
				},
			)
		);
		return array(
			'signed_in'   => 200 === $result['status'] && '0' !== trim( $result['raw'] ) && '' !== trim( $result['raw'] ),
			'set_cookies' => $set,
		);
	}

	/**
	 * The Cognito part of the user's sessions, as stored.
	 *
	 * @param int $user_id User.
	 * @return list<array<string,mixed>>
	 */
	private static function bindings( int $user_id ): array {
		wp_cache_delete( $user_id, 'user_meta' );
		$bindings = array();
		foreach ( \WP_Session_Tokens::get_instance( $user_id )->get_all() as $session ) {
			if ( is_array( $session[ SessionBinding::KEY ] ?? null ) ) {
				$bindings[] = $session[ SessionBinding::KEY ];
			}
		}
		return $bindings;
	}

	public function test_the_stored_session_holds_the_refresh_token_only_sealed(): void {
		self::configure( 900 );
		$session = self::bound_session();
		$this->assertCount( 1, self::bindings( $session['user_id'] ) );
		global $wpdb;
		// What a database dump holds: every row of the user's meta and every option.
		$meta    = (string) $wpdb->get_var( $wpdb->prepare( "SELECT GROUP_CONCAT(meta_value SEPARATOR '\n') FROM {$wpdb->usermeta} WHERE user_id = %d", $session['user_id'] ) );
		$options = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->options} WHERE option_value LIKE %s", '%' . $wpdb->esc_like( substr( $session['refresh'], 0, 40 ) ) . '%' ) );
		$this->assertStringContainsString( 'cbv1:', $meta, 'the sealed token is in the session record' );
		$this->assertStringNotContainsString( substr( $session['refresh'], 0, 40 ), $meta );
		$this->assertSame( 0, $options );
		$this->assertStringNotContainsString( substr( $session['refresh'], 0, 40 ), $session['cookies'] );
	}

	public function test_a_user_disabled_in_cognito_is_signed_out_at_the_next_check_and_told_why(): void {
		self::configure( 1 );
		$session = self::bound_session();
		$this->assertTrue( self::visit( $session )['signed_in'] );
		self::admin( 'AdminDisableUser', $session['user']['username'], array() );
		try {
			sleep( 2 );
			$ended = self::visit( $session );
			$this->assertFalse( $ended['signed_in'], 'the session ended on the request that found out' );
			$this->assertStringContainsString( SessionGuard::ENDED_COOKIE . '=disabled', $ended['set_cookies'] );
			$this->assertContains( array( $session['user_id'], 'disabled' ), self::revocations(), 'cognito_blocks_session_revoked fired with the reason' );
			$this->assertSame( array(), self::bindings( $session['user_id'] ), 'the session record is gone' );
			$this->assertFalse( self::visit( $session )['signed_in'] );
			// The next page says why, once: on the front end and on wp-login.php.
			foreach ( array( '/', '/wp-login.php' ) as $path ) {
				$page = self::http( self::$url . $path, null, array( 'Cookie: ' . SessionGuard::ENDED_COOKIE . '=disabled' ), 'GET' );
				$this->assertStringContainsString( 'You were signed out because your account has been disabled.', $page['raw'], $path );
			}
			$this->assertStringNotContainsString( 'You were signed out', self::http( self::$url . '/', null, array(), 'GET' )['raw'] );
		} finally {
			self::admin( 'AdminEnableUser', $session['user']['username'], array() );
		}
	}

	public function test_no_check_before_the_interval_so_a_disabled_user_keeps_the_session_until_then(): void {
		self::configure( 3600 );
		$session = self::bound_session();
		self::admin( 'AdminDisableUser', $session['user']['username'], array() );
		try {
			$this->assertTrue( self::visit( $session )['signed_in'], 'checked at sign-in; next check in an hour' );
			$this->assertNotContains( array( $session['user_id'], 'disabled' ), self::revocations() );
		} finally {
			self::admin( 'AdminEnableUser', $session['user']['username'], array() );
		}
	}

	public function test_a_global_sign_out_in_cognito_ends_the_session(): void {
		self::configure( 1 );
		$session = self::bound_session();
		self::admin( 'AdminUserGlobalSignOut', $session['user']['username'], array() );
		sleep( 2 );
		$ended = self::visit( $session );
		$this->assertFalse( $ended['signed_in'] );
		$this->assertStringContainsString( SessionGuard::ENDED_COOKIE . '=revoked', $ended['set_cookies'] );
	}

	public function test_a_refresh_token_of_another_user_cannot_keep_a_session_alive(): void {
		self::configure( 1 );
		$owner   = self::new_pool_user();
		$other   = self::new_pool_user();
		$tokens  = self::sign_in_to_pool( $owner['username'], $owner['password'] );
		$foreign = self::sign_in_to_pool( $other['username'], $other['password'] );
		// Handed in as if it were the same sign-in's: valid in Cognito, but someone else's grant.
		$session = self::handoff( self::$url, array( 'refreshToken' => $foreign['refreshToken'] ) + $tokens );
		$this->assertTrue( self::visit( $session )['signed_in'] );
		sleep( 2 );
		$this->assertFalse( self::visit( $session )['signed_in'], 'the first check ends it' );
	}

	public function test_a_user_deleted_in_cognito_loses_the_session(): void {
		self::configure( 1 );
		$session = self::bound_session();
		self::admin( 'AdminDeleteUser', $session['user']['username'], array() );
		sleep( 2 );
		$ended = self::visit( $session );
		$this->assertFalse( $ended['signed_in'] );
		$this->assertMatchesRegularExpression( '/' . SessionGuard::ENDED_COOKIE . '=(deleted|revoked)/', $ended['set_cookies'] );
	}

	public function test_cognito_unreachable_the_session_lives_through_the_grace_period_then_ends(): void {
		self::configure( 1 );
		$session = self::bound_session();
		// Nothing listens there: every check fails to connect. Grace: 8 s from the first failure.
		self::configure(
			1,
			array(
				'endpoint'         => 'http://127.0.0.1:9',
				'revalidate_grace' => 8,
			)
		);
		sleep( 2 );
		$this->assertTrue( self::visit( $session )['signed_in'], 'first failure: the grace period starts' );
		wp_cache_delete( 'notoptions', 'options' );
		$this->assertNotFalse( get_option( Revalidator::OUTAGE_OPTION ), 'the outage is recorded (and logged) once' );
		sleep( 2 );
		$this->assertTrue( self::visit( $session )['signed_in'], 'still within the grace period' );
		sleep( 8 );
		$ended = self::visit( $session );
		$this->assertFalse( $ended['signed_in'], 'past the grace period' );
		$this->assertStringContainsString( SessionGuard::ENDED_COOKIE . '=outage', $ended['set_cookies'] );
		$this->assertContains( array( $session['user_id'], 'outage' ), self::revocations() );
		delete_option( Revalidator::OUTAGE_OPTION );
	}

	public function test_a_session_that_still_holds_lives_on_and_records_that_cognito_answered(): void {
		self::configure( 1 );
		delete_option( Revalidator::REACHED_OPTION );
		$session = self::bound_session();
		sleep( 2 );
		$this->assertTrue( self::visit( $session )['signed_in'] );
		$binding = self::bindings( $session['user_id'] )[0];
		$this->assertGreaterThan( time() - 5, (int) $binding['checked'] );
		$this->assertNull( $binding['failing_since'] );
		wp_cache_delete( Revalidator::REACHED_OPTION, 'options' );
		wp_cache_delete( 'notoptions', 'options' );
		$this->assertGreaterThan( time() - 5, (int) get_option( Revalidator::REACHED_OPTION ) );
	}

	public function test_while_another_request_checks_a_session_no_second_check_runs(): void {
		self::configure( 1 );
		$session = self::bound_session();
		self::admin( 'AdminDisableUser', $session['user']['username'], array() );
		try {
			sleep( 2 );
			$ledger = new OptionsLedger( new SystemClock() );
			$claim  = 'revalidate_' . hash( 'sha256', self::session_token( $session ) );
			$this->assertTrue( $ledger->claim( $claim, 60 ), 'as a request that is asking Cognito holds it' );
			try {
				$this->assertTrue( self::visit( $session )['signed_in'], 'this request leaves the check to the other' );
			} finally {
				$ledger->release( $claim );
			}
			$this->assertFalse( self::visit( $session )['signed_in'], 'the next request checks, and the session ends' );
		} finally {
			self::admin( 'AdminEnableUser', $session['user']['username'], array() );
		}
	}

	public function test_no_session_outlives_its_cognito_grant_even_with_remember_me(): void {
		self::configure(
			900,
			array(
				'unbound_session_hours' => 1,
				'refresh_token_days'    => 2,
			)
		);
		// Core's own session record says when the session ends (the cookie outlives it by core's 12-hour margin).
		$ends    = static function ( int $user_id ): int {
			wp_cache_delete( $user_id, 'user_meta' );
			$all = \WP_Session_Tokens::get_instance( $user_id )->get_all();
			return (int) ( array_values( $all )[0]['expiration'] ?? 0 );
		};
		$unbound = self::bound_session( false, true );
		$this->assertLessThanOrEqual( time() + HOUR_IN_SECONDS + 60, $ends( $unbound['user_id'] ), 'without a refresh token: the sign-in plus one hour, not 14 days' );
		$this->assertLessThanOrEqual( time() + HOUR_IN_SECONDS + 60, (int) self::bindings( $unbound['user_id'] )[0]['ends'] );

		$bound = self::bound_session( true, true );
		$this->assertGreaterThan( time() + DAY_IN_SECONDS, $ends( $bound['user_id'] ), '"Remember me" still keeps it past a day' );
		$this->assertLessThanOrEqual( time() + 2 * DAY_IN_SECONDS + 60, $ends( $bound['user_id'] ), 'but not past the refresh token validity' );
	}

	/**
	 * A new pool user signed in to both sites of the stack, each with its own sign-in; skips without site B.
	 *
	 * @return array{0:array{username:string,password:string},1:array{site:string,cookies:string,refresh:string,access:string,user_id:int,expires:list<int>},2:array{site:string,cookies:string,refresh:string,access:string,user_id:int,expires:list<int>}}
	 */
	private function on_both_sites(): array {
		$site_b = rtrim( (string) getenv( 'WP_SITE_B_URL' ), '/' );
		if ( '' === $site_b ) {
			$this->markTestSkipped( 'Needs the test stack\'s second site (WP_SITE_B_URL).' );
		}
		self::configure( 1 );
		// Site B: the same settings, in its own tables of the same database.
		global $wpdb;
		$wpdb->replace(
			(string) getenv( 'WP_SITE_B_TABLE_PREFIX' ) . 'options',
			array(
				'option_name'  => Settings::OPTION,
				'option_value' => maybe_serialize( get_option( Settings::OPTION ) ),
				'autoload'     => 'on',
			)
		);
		$user = self::new_pool_user();
		$on_a = self::handoff( self::$url, self::sign_in_to_pool( $user['username'], $user['password'] ) );
		$on_b = self::handoff( $site_b, self::sign_in_to_pool( $user['username'], $user['password'] ) );
		$this->assertTrue( self::visit( $on_a )['signed_in'] );
		$this->assertTrue( self::visit( $on_b )['signed_in'] );
		return array( $user, $on_a, $on_b );
	}

	public function test_two_sites_on_one_pool_a_user_disabled_in_cognito_loses_both_sessions(): void {
		list( $user, $on_a, $on_b ) = $this->on_both_sites();
		self::admin( 'AdminDisableUser', $user['username'], array() );
		try {
			sleep( 2 );
			$this->assertFalse( self::visit( $on_a )['signed_in'] );
			$this->assertFalse( self::visit( $on_b )['signed_in'] );
		} finally {
			self::admin( 'AdminEnableUser', $user['username'], array() );
		}
	}

	public function test_two_sites_on_one_pool_a_global_sign_out_on_one_ends_the_session_on_both(): void {
		list( , $on_a, $on_b ) = $this->on_both_sites();

		// What site A's profile does for "Sign out everywhere": Cognito's GlobalSignOut with the user's own token.
		$signed_out = self::http(
			self::$emulator . '/',
			(string) json_encode( array( 'AccessToken' => $on_a['access'] ) ),
			array( 'Content-Type: application/x-amz-json-1.1', 'X-Amz-Target: AWSCognitoIdentityProviderService.GlobalSignOut' )
		);
		$this->assertSame( 200, $signed_out['status'], $signed_out['raw'] );
		sleep( 2 );
		$ended = self::visit( $on_b );
		$this->assertFalse( $ended['signed_in'], 'site B found out at its next check' );
		$this->assertStringContainsString( SessionGuard::ENDED_COOKIE . '=revoked', $ended['set_cookies'] );
		$this->assertFalse( self::visit( $on_a )['signed_in'] );
	}
}
