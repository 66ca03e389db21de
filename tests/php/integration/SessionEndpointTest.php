<?php
/**
 * The session endpoint over HTTP against a real WordPress.
 *
 * Needs WordPress loaded by the integration bootstrap (WP_ROOT) and served at WP_URL, on the same database.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Integration;

use CognitoBlocks\Auth\Exception\TokenRejected;
use CognitoBlocks\Rest\SessionServices;
use CognitoBlocks\Settings\Settings;
use CognitoBlocks\Users\Identity;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/SessionHttp.php';

final class SessionEndpointTest extends TestCase {

	use SessionHttp;

	private const PATH = '/wp-json/cognito-blocks/v1/session';

	public function test_first_sign_in_creates_a_user_and_the_second_finds_it(): void {
		$sub   = 'sub-first-' . bin2hex( random_bytes( 4 ) );
		$email = $sub . '@example.com';
		$first = self::sign_in(
			self::$jwks->token(
				array(
					'sub'            => $sub,
					'email'          => $email,
					'given_name'     => 'Ada',
					'family_name'    => 'Lovelace',
					'cognito:groups' => array( 'editors' ),
					'custom:team'    => 'blue',
				)
			)
		);
		$this->assertSame( 200, $first['status'], $first['raw'] );
		$this->assertSame( self::$url . '/', $first['body']['redirectTo'] );

		clean_user_cache( (int) $first['body']['userId'] );
		$user = get_user_by( 'id', (int) $first['body']['userId'] );
		$this->assertInstanceOf( \WP_User::class, $user );
		$this->assertSame( $email, $user->user_email );
		$this->assertSame( 'Ada', $user->first_name );
		$this->assertSame( 'Lovelace', $user->last_name );
		$this->assertSame( array( 'editor' ), array_values( $user->roles ) );
		$this->assertSame( 'blue', get_user_meta( $user->ID, 'team', true ) );

		$second = self::sign_in( self::$jwks->token( array( 'sub' => $sub, 'email' => $email ) ) );
		$this->assertSame( 200, $second['status'], $second['raw'] );
		$this->assertSame( $first['body']['userId'], $second['body']['userId'] );
	}

	public function test_verified_email_links_an_existing_account_and_unverified_does_not(): void {
		$email = 'link-' . bin2hex( random_bytes( 4 ) ) . '@example.com';
		$id    = wp_insert_user( array( 'user_login' => 'l' . bin2hex( random_bytes( 4 ) ), 'user_email' => $email, 'user_pass' => wp_generate_password(), 'role' => 'author' ) );
		$this->assertIsInt( $id );

		$unverified = self::sign_in( self::$jwks->token( array( 'email' => $email, 'email_verified' => 'false' ) ) );
		$this->assertSame( 403, $unverified['status'], $unverified['raw'] );
		$this->assertSame( 'cognito_blocks_account_exists', $unverified['body']['code'] );
		$this->assertSame( '', get_user_meta( $id, Identity::META_KEY, true ) );

		$verified = self::sign_in( self::$jwks->token( array( 'email' => $email, 'email_verified' => 'true' ) ) );
		$this->assertSame( 200, $verified['status'], $verified['raw'] );
		$this->assertSame( $id, $verified['body']['userId'] );
	}

	public function test_an_administrator_is_never_linked_automatically(): void {
		$email = 'admin-' . bin2hex( random_bytes( 4 ) ) . '@example.com';
		$id    = wp_insert_user( array( 'user_login' => 'a' . bin2hex( random_bytes( 4 ) ), 'user_email' => $email, 'user_pass' => wp_generate_password(), 'role' => 'administrator' ) );
		$this->assertIsInt( $id );

		$result = self::sign_in( self::$jwks->token( array( 'email' => $email ) ) );
		$this->assertSame( 403, $result['status'], $result['raw'] );
		$this->assertSame( '', get_user_meta( $id, Identity::META_KEY, true ) );
	}

	public function test_creation_policy_deny_gives_403(): void {
		self::configure( array( 'creation_policy' => 'deny' ) );
		try {
			$result = self::sign_in( self::$jwks->token( array( 'email' => 'deny-' . bin2hex( random_bytes( 4 ) ) . '@example.com' ) ) );
		} finally {
			self::configure( array() );
		}
		$this->assertSame( 403, $result['status'], $result['raw'] );
		$this->assertSame( 'cognito_blocks_creation_disabled', $result['body']['code'] );
	}

	public function test_cross_origin_and_origin_less_posts_are_rejected(): void {
		$token = (string) json_encode( array( 'idToken' => self::$jwks->token() ) );
		$cross = self::post( $token, array( 'Origin' => 'https://evil.example' ) );
		$this->assertSame( 403, $cross['status'] );
		$this->assertSame( 'cognito_blocks_bad_origin', $cross['body']['code'] );

		$none = self::post( $token, array( 'Origin' => '' ) );
		$this->assertSame( 403, $none['status'] );

		$referer = self::post( $token, array( 'Origin' => '', 'Referer' => self::$url . '/sign-in/' ) );
		$this->assertSame( 200, $referer['status'], $referer['raw'] );
	}

	public function test_ten_rejected_tokens_then_429_for_rejected_ones_only(): void {
		for ( $i = 0; $i < 10; $i++ ) {
			$this->assertSame( 401, self::sign_in( self::$jwks->token( array( 'aud' => 'other' ) ) )['status'] );
		}
		$limited = self::sign_in( self::$jwks->token( array( 'aud' => 'other' ) ) );
		$this->assertSame( 429, $limited['status'] );
		$this->assertSame( 'cognito_blocks_rate_limited', $limited['body']['code'] );
		// When to retry: in the body for the form's message, and as Retry-After for any other client.
		$wait = $limited['body']['data']['retryAfter'];
		$this->assertIsInt( $wait );
		$this->assertGreaterThan( 0, $wait );
		$this->assertSame( (string) $wait, $limited['headers']['retry-after'] ?? null );

		// A visitor who shares the address (an office, a carrier's NAT) still signs in with a genuine token.
		$genuine = self::sign_in( self::$jwks->token() );
		$this->assertSame( 200, $genuine['status'], $genuine['raw'] );
		// ...and the junk sender stays limited.
		$this->assertSame( 429, self::sign_in( 'not.a.token' )['status'] );
	}

	public function test_forwarded_addresses_count_only_from_trusted_proxies(): void {
		$junk = static fn ( string $forwarded ): int => self::post(
			(string) json_encode( array( 'idToken' => self::$jwks->token( array( 'aud' => 'other' ) ) ) ),
			array( 'X-Forwarded-For' => $forwarded )
		)['status'];
		// Not trusted: a client cannot pick a fresh bucket per request with the header.
		for ( $i = 0; $i < 10; $i++ ) {
			$this->assertSame( 401, $junk( '198.51.100.' . $i ) );
		}
		$this->assertSame( 429, $junk( '198.51.100.200' ) );

		// The site's own proxy (here, this machine) is trusted: each forwarded client has its own bucket.
		self::configure( array( 'trusted_proxies' => array( '127.0.0.1', '::1' ) ) );
		try {
			$this->assertSame( 401, $junk( '203.0.113.50' ), 'a new client behind the proxy is not limited' );
			for ( $i = 0; $i < 10; $i++ ) {
				$junk( '203.0.113.51' );
			}
			$this->assertSame( 429, $junk( '203.0.113.51' ) );
			$this->assertSame( 401, $junk( '203.0.113.52' ) );
		} finally {
			self::configure( array() );
		}
	}

	public function test_rejections_share_one_generic_message(): void {
		$messages = array();
		foreach ( array( array( 'aud' => 'x' ), array( 'iss' => 'https://evil' ), array( 'token_use' => 'access' ), array( 'exp' => time() - 4000 ) ) as $claims ) {
			$result = self::sign_in( self::$jwks->token( $claims ) );
			$this->assertSame( 401, $result['status'] );
			$this->assertSame( 'cognito_blocks_invalid_token', $result['body']['code'] );
			$messages[] = $result['body']['message'];
		}
		$this->assertCount( 1, array_unique( $messages ) );
	}

	public function test_jwks_outage_with_and_without_cached_keys(): void {
		global $wpdb;
		$this->assertSame( 200, self::sign_in( self::$jwks->token() )['status'], 'Warm the key cache.' );
		self::$jwks->stop();
		try {
			$cached = self::sign_in( self::$jwks->token() );
			$this->assertSame( 200, $cached['status'], $cached['raw'] );

			$wpdb->query( "DELETE FROM {$wpdb->options} WHERE option_name LIKE '%cognito_blocks_jwks_%' OR option_name LIKE 'cognito_blocks_l_jwks%'" );
			wp_cache_flush();
			$cold = self::sign_in( self::$jwks->token() );
			$this->assertSame( 503, $cold['status'], $cold['raw'] );
			$this->assertSame( 'cognito_blocks_keys_unavailable', $cold['body']['code'] );
		} finally {
			self::$jwks->start();
			$wpdb->query( "DELETE FROM {$wpdb->options} WHERE option_name LIKE 'cognito_blocks_l_jwks%'" );
		}
	}

	public function test_malformed_bodies_get_only_4xx_json(): void {
		$valid = self::$jwks->token();
		$signed_in = false;
		$seeds     = array( '', '{', '[]', 'null', '{"idToken":null}', '{"idToken":[]}', '{"idToken":{}}', '{"idToken":1}', '{"idToken":true}', '{"idToken":"' . str_repeat( 'A', 20000 ) . '"}', '{"idToken":"a.b.c"}', '{"idToken":"..."}', '{"idToken":"' . $valid . '","remember":"maybe"}', '{"idToken":"' . $valid . '","redirectTo":[1]}', '{"idToken":"' . substr( $valid, 0, -3 ) . '"}' );
		for ( $i = 0; $i < 200; $i++ ) {
			$body = $seeds[ $i % count( $seeds ) ];
			if ( $i >= count( $seeds ) ) {
				$body = self::mutate( $i % 2 ? $body : '{"idToken":"' . $valid . '"}' );
			}
			$result = self::post( $body );
			if ( 200 === $result['status'] ) {
				// A mutation outside the token (a key renamed to one the endpoint ignores) can leave a request that
				// is fine: then the untouched valid token signed in, once, which its jti allows. Anything else is a bug.
				$this->assertStringContainsString( '"idToken":"' . $valid . '"', $body, 'only the intact valid token may sign in' );
				$this->assertFalse( $signed_in, 'the valid token signs in at most once' );
				$signed_in = true;
				continue;
			}
			$this->assertGreaterThanOrEqual( 400, $result['status'], $body );
			$this->assertLessThan( 500, $result['status'], substr( $body, 0, 200 ) . ' → ' . $result['raw'] );
			$this->assertIsArray( $result['body'], 'JSON body for ' . substr( $body, 0, 200 ) );
			$this->assertArrayHasKey( 'code', $result['body'] );
			$this->assertStringNotContainsString( 'Notice', $result['raw'] );
			$this->assertStringNotContainsString( 'Warning', $result['raw'] );
		}
	}

	private static function mutate( string $body ): string {
		$original = '' === $body ? '{}' : $body;
		do {
			$bytes = str_split( $original );
			for ( $n = random_int( 1, 8 ); $n > 0; $n-- ) {
				$at = random_int( 0, count( $bytes ) - 1 );
				// Never the same byte again: an unchanged body would be a valid sign-in, not a fuzzed one.
				$bytes[ $at ] = chr( ( ord( $bytes[ $at ] ) + random_int( 1, 255 ) ) % 256 );
			}
			$mutated = implode( '', $bytes );
		} while ( $mutated === $original ); // Two changes at one place can cancel out.
		return $mutated;
	}

	/**
	 * Sends every body to the session route at once (curl_multi), as many visitors or one attacker would.
	 *
	 * @param list<string> $bodies JSON bodies.
	 * @return list<array{status:int,body:mixed,raw:string}>
	 */
	private static function at_once( array $bodies ): array {
		$handles = array();
		foreach ( $bodies as $body ) {
			$curl = curl_init( self::$url . self::PATH );
			curl_setopt_array( $curl, self::curl_options( $body, array( 'Content-Type' => 'application/json', 'Origin' => self::$url ) ) );
			$handles[] = $curl;
		}
		return self::all_at_once( $handles );
	}

	public function test_ten_unknown_key_ids_cause_at_most_one_key_set_fetch(): void {
		// A valid sign-in first, so the key set is cached as on a running site.
		$this->assertSame( 200, self::sign_in( self::$jwks->token() )['status'] );
		$fetches = 0;
		$count   = static function () use ( &$fetches ): void {
			++$fetches;
		};
		add_action( 'cognito_blocks_jwks_fetched', $count );
		try {
			$services = new SessionServices( Settings::current() );
			[ , $payload, $signature ] = explode( '.', self::$jwks->token() );
			for ( $i = 0; $i < 10; $i++ ) {
				$header = JwksFixture::b64( (string) json_encode( array( 'alg' => 'RS256', 'kid' => 'unknown-' . $i . '-' . bin2hex( random_bytes( 3 ) ) ) ) );
				try {
					$services->verifier()->verify( $header . '.' . $payload . '.' . $signature );
					$this->fail( 'a token with an unknown kid was accepted' );
				} catch ( TokenRejected $e ) {
					$this->assertInstanceOf( TokenRejected::class, $e );
				}
			}
		} finally {
			remove_action( 'cognito_blocks_jwks_fetched', $count );
		}
		// One refetch may look for a rotated key; the throttle keeps the rest from reaching Cognito.
		$this->assertLessThanOrEqual( 1, $fetches );
	}

	public function test_one_token_replayed_in_parallel_opens_one_session(): void {
		$token   = self::$jwks->token( array( 'sub' => 'sub-replay-' . bin2hex( random_bytes( 4 ) ) ) );
		$results = self::at_once( array_fill( 0, 20, (string) json_encode( array( 'idToken' => $token ) ) ) );
		$opened  = array_filter( $results, static fn ( array $result ): bool => 200 === $result['status'] );
		$this->assertCount( 1, $opened, 'exactly one of 20 simultaneous uses of one token signs in' );
		foreach ( $results as $result ) {
			if ( 200 !== $result['status'] ) {
				// Refused as used (after ten of those, as rate limited), or asked to come back while the first one
				// holds the identity's lock.
				$this->assertContains( $result['status'], array( 401, 429, 503 ), $result['raw'] );
			}
		}
	}

	public function test_fifty_concurrent_first_sign_ins_create_exactly_one_user(): void {
		$sub    = 'sub-race-' . bin2hex( random_bytes( 4 ) );
		$bodies = array();
		for ( $i = 0; $i < 50; $i++ ) {
			$bodies[] = (string) json_encode( array( 'idToken' => self::$jwks->token( array( 'sub' => $sub, 'email' => $sub . '@example.com' ) ) ) );
		}
		self::assert_one_account( self::at_once( $bodies ), self::$jwks->issuer(), $sub );
		$this->assertCount( 1, get_users( array( 'search' => $sub . '@example.com', 'search_columns' => array( 'user_email' ) ) ) );
	}

	/**
	 * @param array{status:int,body:mixed,raw:string} $result Response.
	 */
	private function assertMethodRefused( array $result, string $what ): void {
		$this->assertSame( 405, $result['status'], $what . ': ' . $result['raw'] );
		$this->assertIsArray( $result['body'], $what );
		$this->assertSame( 'cognito_blocks_method_not_allowed', $result['body']['code'], $what );
		$this->assertFalse( self::sets_logged_in_cookie( $result ), $what . ' must not sign in' );
	}

	public function test_a_get_turned_into_post_by_method_override_does_not_sign_in(): void {
		$token = self::$jwks->token();
		$query = http_build_query(
			array(
				'_method' => 'POST',
				'idToken' => $token,
			)
		);
		// A link on the site itself (a comment, a forum post) passes the origin check through its Referer.
		$this->assertMethodRefused( self::request( 'GET', self::PATH . '?' . $query, null, self::site_headers() ), 'GET ?_method=POST' );
		$this->assertMethodRefused( self::request( 'GET', '/?rest_route=/cognito-blocks/v1/session&' . $query, null, self::site_headers() ), 'GET ?rest_route=…&_method=POST' );
		$this->assertMethodRefused(
			self::request( 'GET', self::PATH . '?idToken=' . rawurlencode( $token ), null, self::site_headers( array( 'X-HTTP-Method-Override' => 'POST' ) ) ),
			'GET with X-HTTP-Method-Override: POST'
		);
		$this->assertMethodRefused(
			self::request( 'GET', self::PATH, (string) json_encode( array( 'idToken' => $token ) ), self::site_headers( array( 'Content-Type' => 'application/json', 'X-HTTP-Method-Override' => 'POST' ) ) ),
			'GET with a JSON body and X-HTTP-Method-Override: POST'
		);
		$head = self::request( 'HEAD', self::PATH . '?' . $query, null, self::site_headers() );
		$this->assertSame( 405, $head['status'] );
		$this->assertFalse( self::sets_logged_in_cookie( $head ), 'HEAD ?_method=POST must not sign in' );

		// The token was never used: it still signs in once, through a real POST.
		$real = self::request( 'POST', self::PATH, (string) json_encode( array( 'idToken' => $token ) ), array( 'Content-Type' => 'application/json', 'Origin' => self::$url ) );
		$this->assertSame( 200, $real['status'], $real['raw'] );
	}

	public function test_a_real_post_with_an_override_is_refused_too(): void {
		$body = (string) json_encode( array( 'idToken' => self::$jwks->token() ) );
		$json = array(
			'Content-Type' => 'application/json',
			'Origin'       => self::$url,
		);
		$this->assertMethodRefused( self::request( 'POST', self::PATH . '?_method=POST', $body, $json ), 'POST ?_method=POST' );
		$this->assertMethodRefused( self::request( 'POST', self::PATH, $body, $json + array( 'X-HTTP-Method-Override' => 'POST' ) ), 'POST with X-HTTP-Method-Override: POST' );
	}

	public function test_the_token_is_read_only_from_the_json_body(): void {
		$token = self::$jwks->token();
		$json  = array(
			'Content-Type' => 'application/json',
			'Origin'       => self::$url,
		);
		foreach (
			array(
				'query string, empty JSON body' => array( self::PATH . '?idToken=' . rawurlencode( $token ), '{}', $json ),
				'query string, no body'         => array( self::PATH . '?idToken=' . rawurlencode( $token ), null, array( 'Origin' => self::$url ) ),
				'form-encoded body'             => array( self::PATH, http_build_query( array( 'idToken' => $token ) ), array( 'Content-Type' => 'application/x-www-form-urlencoded', 'Origin' => self::$url ) ),
				'query and JSON body both'      => array( self::PATH . '?idToken=' . rawurlencode( $token ), (string) json_encode( array( 'idToken' => $token ) ), $json ),
			) as $what => list( $path, $body, $headers )
		) {
			$result = self::request( 'POST', $path, $body, $headers );
			$this->assertSame( 400, $result['status'], $what . ': ' . $result['raw'] );
			$this->assertIsArray( $result['body'], $what );
			$this->assertContains( $result['body']['code'], array( 'cognito_blocks_bad_request', 'rest_missing_callback_param' ), $what );
			$this->assertFalse( self::sets_logged_in_cookie( $result ), $what . ' must not sign in' );
		}
	}

	public function test_delete_needs_the_nonce_refuses_overrides_and_ends_the_session_on_the_server(): void {
		$session = self::open_session();
		$nonce   = self::nonce( $session );
		$this->assertMatchesRegularExpression( '/^[0-9a-f]{10}$/', $nonce );
		$cookie = array( 'Cookie' => $session['cookie'] );

		$none = self::request( 'DELETE', self::PATH, null, $cookie );
		$this->assertSame( 401, $none['status'], $none['raw'] );
		$this->assertSame( 'cognito_blocks_not_signed_in', $none['body']['code'] );

		$bad = self::request( 'DELETE', self::PATH, null, $cookie + array( 'X-WP-Nonce' => 'abcdef0123' ) );
		$this->assertSame( 403, $bad['status'], $bad['raw'] );
		$this->assertSame( 'rest_cookie_invalid_nonce', $bad['body']['code'] );
		$this->assertTrue( self::session_alive( $session ), 'a refused DELETE leaves the session' );

		foreach (
			array(
				'POST ?_method=DELETE'                      => array( 'POST', self::PATH . '?_method=DELETE&_wpnonce=' . $nonce, array() ),
				'GET ?_method=DELETE'                       => array( 'GET', self::PATH . '?_method=DELETE&_wpnonce=' . $nonce, array() ),
				'GET ?rest_route=…&_method=DELETE'          => array( 'GET', '/?rest_route=/cognito-blocks/v1/session&_method=DELETE&_wpnonce=' . $nonce, array() ),
				'POST with X-HTTP-Method-Override: DELETE'  => array( 'POST', self::PATH, array( 'X-HTTP-Method-Override' => 'DELETE', 'X-WP-Nonce' => $nonce ) ),
				'GET with X-HTTP-Method-Override: DELETE'   => array( 'GET', self::PATH, array( 'X-HTTP-Method-Override' => 'DELETE', 'X-WP-Nonce' => $nonce ) ),
				'DELETE ?_method=DELETE'                    => array( 'DELETE', self::PATH . '?_method=DELETE', array( 'X-WP-Nonce' => $nonce ) ),
			) as $what => list( $method, $path, $headers )
		) {
			$result = self::request( $method, $path, null, $cookie + $headers );
			$this->assertSame( 405, $result['status'], $what . ': ' . $result['raw'] );
			$this->assertSame( 'cognito_blocks_method_not_allowed', $result['body']['code'], $what );
			$this->assertTrue( self::session_alive( $session ), $what . ' must not sign out' );
		}

		$deleted = self::request( 'DELETE', self::PATH, null, $cookie + array( 'X-WP-Nonce' => $nonce ) );
		$this->assertSame( 200, $deleted['status'], $deleted['raw'] );
		$this->assertSame( array( 'signedOut' => true ), $deleted['body'] );
		$this->assertFalse( self::sets_logged_in_cookie( $deleted ), 'the logged-in cookie is cleared' );
		$this->assertSame( '1', $deleted['cookies']['cognito_blocks_signed_out'] ?? null );

		// The old cookies no longer work: the session token is gone from the server, not just the browser.
		$this->assertFalse( self::session_alive( $session ) );
		$this->assertFalse( wp_validate_auth_cookie( $session['logged_in'], 'logged_in' ) );
		$replay = self::request( 'GET', '/wp-admin/admin-ajax.php?action=rest-nonce', null, $cookie );
		$this->assertNotSame( 200, $replay['status'], 'a replayed cookie is signed out: ' . $replay['raw'] );
		$again = self::request( 'DELETE', self::PATH, null, $cookie + array( 'X-WP-Nonce' => $nonce ) );
		$this->assertContains( $again['status'], array( 401, 403 ), $again['raw'] );
	}

	/**
	 * Two more sessions of the account, as other browsers or devices would hold them.
	 *
	 * @return list<string> Their tokens.
	 */
	private static function other_sessions( int $user_id ): array {
		$manager = \WP_Session_Tokens::get_instance( $user_id );
		return array( $manager->create( time() + HOUR_IN_SECONDS ), $manager->create( time() + HOUR_IN_SECONDS ) );
	}

	public function test_delete_everywhere_ends_every_session_of_the_account(): void {
		$session = self::open_session();
		$others  = self::other_sessions( $session['id'] );
		$result  = self::as_signed_in( $session, 'DELETE', self::PATH, array( 'everywhere' => true ) );
		$this->assertSame( 200, $result['status'], $result['raw'] );
		$this->assertSame( array( 'signedOut' => true ), $result['body'] );
		self::assertNotCached( $result );
		$this->assertFalse( self::session_alive( $session ) );
		foreach ( $others as $token ) {
			$this->assertFalse( \WP_Session_Tokens::get_instance( $session['id'] )->verify( $token ) );
		}
		$this->assertSame( array(), \WP_Session_Tokens::get_instance( $session['id'] )->get_all() );
	}

	public function test_delete_everywhere_but_this_ends_only_the_other_sessions(): void {
		$session = self::open_session();
		$others  = self::other_sessions( $session['id'] );
		$result  = self::as_signed_in( $session, 'DELETE', self::PATH, array( 'everywhere' => true, 'keepThis' => true ) );
		$this->assertSame( 200, $result['status'], $result['raw'] );
		$this->assertSame( array( 'signedOut' => false ), $result['body'] );
		$this->assertTrue( self::session_alive( $session ), 'this browser stays signed in' );
		foreach ( $others as $token ) {
			$this->assertFalse( \WP_Session_Tokens::get_instance( $session['id'] )->verify( $token ) );
		}
		$this->assertCount( 1, \WP_Session_Tokens::get_instance( $session['id'] )->get_all() );

		// keepThis alone is not a sign-out of anything else.
		$plain = self::as_signed_in( self::open_session(), 'DELETE', self::PATH, array( 'keepThis' => true ) );
		$this->assertSame( array( 'signedOut' => true ), $plain['body'] );
	}

	public function test_delete_without_everywhere_ends_only_this_session(): void {
		foreach ( array( 'no body' => null, 'everywhere false' => array( 'everywhere' => false ) ) as $what => $body ) {
			$session = self::open_session();
			$others  = self::other_sessions( $session['id'] );
			$result  = self::as_signed_in( $session, 'DELETE', self::PATH, $body );
			$this->assertSame( 200, $result['status'], $what . ': ' . $result['raw'] );
			$this->assertFalse( self::session_alive( $session ), $what );
			foreach ( $others as $token ) {
				$this->assertTrue( \WP_Session_Tokens::get_instance( $session['id'] )->verify( $token ), $what . ': the other sessions stay' );
			}
		}

		// Only the JSON body says "everywhere": a query string, which a link can carry, does not.
		$session = self::open_session();
		$others  = self::other_sessions( $session['id'] );
		$this->assertSame( 200, self::as_signed_in( $session, 'DELETE', self::PATH . '?everywhere=1' )['status'] );
		$this->assertTrue( \WP_Session_Tokens::get_instance( $session['id'] )->verify( $others[0] ) );

		$bad = self::as_signed_in( self::open_session(), 'DELETE', self::PATH, array( 'everywhere' => 'maybe' ) );
		$this->assertSame( 400, $bad['status'], $bad['raw'] );
	}
}
