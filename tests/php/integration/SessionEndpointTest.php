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

require_once __DIR__ . '/JwksFixture.php';
require_once __DIR__ . '/SiteState.php';

final class SessionEndpointTest extends TestCase {

	use SiteState;

	private const PATH = '/wp-json/cognito-blocks/v1/session';

	private static JwksFixture $jwks;

	private static string $url = '';

	public static function setUpBeforeClass(): void {
		self::$url = rtrim( (string) getenv( 'WP_URL' ), '/' );
		if ( '' === self::$url || ! function_exists( 'update_option' ) ) {
			self::markTestSkipped( 'Needs WordPress (WP_ROOT) served at WP_URL.' );
		}
		self::$jwks = new JwksFixture();
		self::$jwks->start();
		self::save_settings();
		self::configure( array() );
	}

	public static function tearDownAfterClass(): void {
		if ( isset( self::$jwks ) ) {
			self::$jwks->remove();
		}
		self::restore_settings();
	}

	protected function setUp(): void {
		self::forget_rejections();
	}

	/**
	 * @param array<string,mixed> $changes Settings to change from the test defaults.
	 */
	private static function configure( array $changes ): void {
		update_option(
			Settings::OPTION,
			array_merge(
				array(
					'user_pool_id'   => JwksFixture::POOL,
					'client_id'      => JwksFixture::CLIENT,
					'endpoint'       => self::$jwks->endpoint(),
					'group_role_map' => array(
						array(
							'group' => 'editors',
							'role'  => 'editor',
						),
					),
					'attribute_map'  => array( 'custom:team' => 'team' ),
				),
				$changes
			)
		);
	}

	/**
	 * POSTs to the endpoint.
	 *
	 * @param string               $body    Raw body.
	 * @param array<string,string> $headers Extra headers; Origin defaults to the site.
	 * @return array{status:int,body:mixed,raw:string,headers:array<string,string>,cookies:array<string,string>}
	 */
	private static function post( string $body, array $headers = array() ): array {
		$headers = array_merge(
			array(
				'Content-Type' => 'application/json',
				'Origin'       => self::$url,
			),
			$headers
		);
		return self::request( 'POST', self::PATH, $body, $headers );
	}

	/**
	 * One request to the site; redirects are not followed.
	 *
	 * @param string               $method  HTTP method as sent on the wire.
	 * @param string               $path    Path and query.
	 * @param string|null          $body    Raw body.
	 * @param array<string,string> $headers Headers (empty values are left out).
	 * @return array{status:int,body:mixed,raw:string,headers:array<string,string>,cookies:array<string,string>}
	 */
	private static function request( string $method, string $path, ?string $body = null, array $headers = array() ): array {
		$curl = curl_init( self::$url . $path );
		curl_setopt_array( $curl, self::curl_options( $body, $headers, $method ) );
		$received = array();
		$cookies  = array();
		curl_setopt(
			$curl,
			CURLOPT_HEADERFUNCTION,
			static function ( $handle, string $line ) use ( &$received, &$cookies ): int {
				$parts = explode( ':', $line, 2 );
				if ( 2 === count( $parts ) ) {
					$received[ strtolower( trim( $parts[0] ) ) ] = trim( $parts[1] );
				}
				if ( preg_match( '/^set-cookie:\s*([^=;\s]+)=([^;]*)/i', $line, $match ) ) {
					$cookies[ $match[1] ] = urldecode( $match[2] );
				}
				return strlen( $line );
			}
		);
		$raw    = (string) curl_exec( $curl );
		$status = (int) curl_getinfo( $curl, CURLINFO_RESPONSE_CODE );
		curl_close( $curl );
		return array(
			'status'  => $status,
			'body'    => json_decode( $raw, true ),
			'raw'     => $raw,
			'headers' => $received,
			'cookies' => $cookies,
		);
	}

	/**
	 * @param array<string,string> $headers Headers.
	 * @return array<int,mixed>
	 */
	private static function curl_options( ?string $body, array $headers, string $method = 'POST' ): array {
		$lines = array();
		foreach ( $headers as $name => $value ) {
			if ( '' !== $value ) {
				$lines[] = $name . ': ' . $value;
			}
		}
		$options = array(
			CURLOPT_CUSTOMREQUEST  => $method,
			CURLOPT_HTTPHEADER     => $lines,
			CURLOPT_RETURNTRANSFER => true,
			CURLOPT_TIMEOUT        => 30,
		);
		if ( 'HEAD' === $method ) {
			$options[ CURLOPT_NOBODY ] = true;
		}
		if ( null !== $body ) {
			$options[ CURLOPT_POSTFIELDS ] = $body;
		}
		return $options;
	}

	private static function sign_in( string $token ): array {
		return self::post( (string) json_encode( array( 'idToken' => $token ) ) );
	}

	private static function user_of( string $sub ): ?\WP_User {
		$users = get_users(
			array(
				'meta_key'   => Identity::META_KEY,
				'meta_value' => Identity::key( self::$jwks->issuer(), $sub ),
			)
		);
		return $users[0] ?? null;
	}

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
	 * Headers of a same-site request: the Origin (or Referer) the endpoint's origin check wants.
	 *
	 * @param array<string,string> $extra More headers.
	 * @return array<string,string>
	 */
	private static function site_headers( array $extra = array() ): array {
		return array_merge( array( 'Referer' => self::$url . '/some-post/' ), $extra );
	}

	/**
	 * Whether a response set the logged-in cookie to a value (not the expiry that clears it).
	 *
	 * @param array{cookies:array<string,string>} $response Response.
	 */
	private static function sets_logged_in_cookie( array $response ): bool {
		$value = $response['cookies'][ LOGGED_IN_COOKIE ] ?? '';
		return '' !== $value && 'deleted' !== $value && ' ' !== $value;
	}

	/**
	 * Signs in over HTTP with a real POST.
	 *
	 * @return array{id:int,cookie:string,logged_in:string}
	 */
	private static function open_session(): array {
		$result = self::sign_in( self::$jwks->token( array( 'email' => 'm' . bin2hex( random_bytes( 4 ) ) . '@example.com' ) ) );
		self::assertSame( 200, $result['status'], $result['raw'] );
		self::assertTrue( self::sets_logged_in_cookie( $result ) );
		$pairs = array();
		foreach ( $result['cookies'] as $name => $value ) {
			$pairs[] = $name . '=' . rawurlencode( $value );
		}
		return array(
			'id'        => (int) $result['body']['userId'],
			'cookie'    => implode( '; ', $pairs ),
			'logged_in' => $result['cookies'][ LOGGED_IN_COOKIE ],
		);
	}

	/**
	 * The REST nonce of a signed-in browser, as core's admin-ajax hands it out.
	 *
	 * @param array{cookie:string} $session Session.
	 */
	private static function nonce( array $session ): string {
		$result = self::request( 'GET', '/wp-admin/admin-ajax.php?action=rest-nonce', null, array( 'Cookie' => $session['cookie'] ) );
		self::assertSame( 200, $result['status'], 'signed in: ' . $result['raw'] );
		return trim( $result['raw'] );
	}

	/**
	 * Whether the session behind a logged-in cookie is still valid on the server.
	 *
	 * @param array{id:int,logged_in:string} $session Session.
	 */
	private static function session_alive( array $session ): bool {
		$parts = explode( '|', $session['logged_in'] );
		wp_cache_flush();
		return 4 === count( $parts ) && \WP_Session_Tokens::get_instance( $session['id'] )->verify( $parts[2] );
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
}
