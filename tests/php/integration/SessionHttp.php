<?php
/**
 * The session and account routes over HTTP, as a browser uses them, for integration tests.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Integration;

use CognitoBlocks\Settings\Settings;
use CognitoBlocks\Users\Identity;

require_once __DIR__ . '/JwksFixture.php';
require_once __DIR__ . '/SiteState.php';

/**
 * Requests to the site at WP_URL: ID tokens signed by a JwksFixture the plugin is configured against, sign-ins
 * that keep the session's cookies, the REST nonce of a signed-in browser, and whether a session still lives on the
 * server. It is the using test class's setUpBeforeClass(), tearDownAfterClass() and setUp().
 */
trait SessionHttp {

	use SiteState;

	private static JwksFixture $jwks;

	private static string $url = '';

	/**
	 * Accounts a test made (remember_account()), deleted after the class unless a test deleted them already.
	 *
	 * @var list<int>
	 */
	private static array $accounts = array();

	/**
	 * Starts the key server and configures the plugin against it (settings saved, to be restored afterwards).
	 */
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

	/**
	 * Deletes the accounts the tests remembered, stops the key server and puts the settings back.
	 */
	public static function tearDownAfterClass(): void {
		require_once ABSPATH . 'wp-admin/includes/user.php';
		foreach ( self::$accounts as $id ) {
			if ( get_userdata( $id ) ) {
				wp_delete_user( $id );
			}
		}
		if ( isset( self::$jwks ) ) {
			self::$jwks->remove();
		}
		self::restore_settings();
	}

	/**
	 * Every request comes from 127.0.0.1: its rejected-token counter starts each test at zero.
	 */
	protected function setUp(): void {
		self::forget_rejections();
	}

	/**
	 * Has tearDownAfterClass() delete an account a test made.
	 *
	 * @return int The account's ID.
	 */
	private static function remember_account( int $id ): int {
		self::$accounts[] = $id;
		return $id;
	}

	/**
	 * A route of the plugin's REST namespace, as a path on the site.
	 */
	private static function route( string $route ): string {
		return '/wp-json/cognito-blocks/v1' . $route;
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
	 * POSTs to the session endpoint.
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
		return self::request( 'POST', self::route( '/session' ), $body, $headers );
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
	 * Signs in over HTTP with a real POST, as a new pool user unless the claims say who.
	 *
	 * @param array<string,mixed> $claims Claims of the sign-in's token (a fresh sub and email by default).
	 * @return array{id:int,sub:string,cookie:string,logged_in:string}
	 */
	private static function open_session( array $claims = array() ): array {
		$claims += array(
			'sub'   => 'sub-' . bin2hex( random_bytes( 6 ) ),
			'email' => 'm' . bin2hex( random_bytes( 4 ) ) . '@example.com',
		);
		$result  = self::sign_in( self::$jwks->token( $claims ) );
		self::assertSame( 200, $result['status'], $result['raw'] );
		self::assertTrue( self::sets_logged_in_cookie( $result ) );
		$pairs = array();
		foreach ( $result['cookies'] as $name => $value ) {
			$pairs[] = $name . '=' . rawurlencode( $value );
		}
		return array(
			'id'        => (int) $result['body']['userId'],
			'sub'       => (string) $claims['sub'],
			'cookie'    => implode( '; ', $pairs ),
			'logged_in' => $result['cookies'][ LOGGED_IN_COOKIE ],
		);
	}

	/**
	 * A session of an existing account opened without Cognito, as wp-login.php would with a password: its cookies.
	 *
	 * @return array{id:int,sub:string,cookie:string,logged_in:string}
	 */
	private static function local_session( int $user_id ): array {
		$expires   = time() + HOUR_IN_SECONDS;
		$token     = \WP_Session_Tokens::get_instance( $user_id )->create( $expires );
		$auth      = wp_generate_auth_cookie( $user_id, $expires, 'auth', $token );
		$logged_in = wp_generate_auth_cookie( $user_id, $expires, 'logged_in', $token );
		return array(
			'id'        => $user_id,
			'sub'       => '',
			'cookie'    => AUTH_COOKIE . '=' . rawurlencode( $auth ) . '; ' . LOGGED_IN_COOKIE . '=' . rawurlencode( $logged_in ),
			'logged_in' => $logged_in,
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
	 * A request of the signed-in browser of `$session`, as the profile form sends it: its cookies, its REST nonce
	 * and this site's Origin, with a JSON body when given.
	 *
	 * @param array{cookie:string}     $session Session.
	 * @param array<string,mixed>|null $json    Body, sent as JSON.
	 * @param array<string,string>     $headers Headers to add or replace ('' leaves one out, e.g. the nonce).
	 * @return array{status:int,body:mixed,raw:string,headers:array<string,string>,cookies:array<string,string>}
	 */
	private static function as_signed_in( array $session, string $method, string $path, ?array $json = null, array $headers = array() ): array {
		$headers = array_merge(
			array(
				'Cookie'       => $session['cookie'],
				'X-WP-Nonce'   => array_key_exists( 'X-WP-Nonce', $headers ) ? '' : self::nonce( $session ),
				'Origin'       => self::$url,
				'Content-Type' => null === $json ? '' : 'application/json',
			),
			$headers
		);
		return self::request( $method, $path, null === $json ? null : (string) json_encode( $json ), $headers );
	}

	/**
	 * Dispatches a request in this process, as the account and with the method on the wire that the handlers
	 * check, so a test can see the actions a handler fires. No cookies are set or cleared here.
	 *
	 * @param array<string,mixed> $json JSON body.
	 */
	private static function dispatch( int $user_id, string $method, string $route, array $json ): \WP_REST_Response {
		$request = new \WP_REST_Request( $method, '/cognito-blocks/v1' . $route );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_header( 'Origin', home_url() );
		$request->set_body( (string) json_encode( $json ) );
		$wire                      = $_SERVER['REQUEST_METHOD'];
		$_SERVER['REQUEST_METHOD'] = $method;
		add_filter( 'send_auth_cookies', '__return_false' );
		wp_set_current_user( $user_id );
		try {
			return rest_do_request( $request );
		} finally {
			$_SERVER['REQUEST_METHOD'] = $wire;
			remove_filter( 'send_auth_cookies', '__return_false' );
			wp_set_current_user( 0 );
		}
	}

	/**
	 * Asserts that no cache may keep a response: no-store and private (WordPress sends its own, longer no-cache
	 * header to signed-in users in place of the route's).
	 *
	 * @param array{headers:array<string,string>} $response Response.
	 */
	private static function assertNotCached( array $response ): void {
		$directives = array_map( 'trim', explode( ',', $response['headers']['cache-control'] ?? '' ) );
		self::assertContains( 'no-store', $directives );
		self::assertContains( 'private', $directives );
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
}
