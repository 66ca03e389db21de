<?php
/**
 * The session endpoint over HTTP against a real WordPress.
 *
 * Needs WordPress loaded by the integration bootstrap (WP_ROOT) and served at WP_URL, on the same database.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Integration;

use CognitoBlocks\Settings\Settings;
use CognitoBlocks\Users\Identity;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/JwksFixture.php';

final class SessionEndpointTest extends TestCase {

	private static JwksFixture $jwks;

	private static mixed $saved_settings = false;

	private static string $url = '';

	public static function setUpBeforeClass(): void {
		self::$url = rtrim( (string) getenv( 'WP_URL' ), '/' );
		if ( '' === self::$url || ! function_exists( 'update_option' ) ) {
			self::markTestSkipped( 'Needs WordPress (WP_ROOT) served at WP_URL.' );
		}
		self::$jwks = new JwksFixture();
		self::$jwks->start();
		self::$saved_settings = get_option( Settings::OPTION, false );
		self::configure( array() );
	}

	public static function tearDownAfterClass(): void {
		if ( isset( self::$jwks ) ) {
			self::$jwks->remove();
		}
		if ( false === self::$saved_settings ) {
			delete_option( Settings::OPTION );
		} else {
			update_option( Settings::OPTION, self::$saved_settings );
		}
	}

	protected function setUp(): void {
		global $wpdb;
		// Every request comes from 127.0.0.1: reset its rejected-token counter so tests do not limit each other.
		$wpdb->query( "DELETE FROM {$wpdb->options} WHERE option_name LIKE '%transient%cognito_blocks_rl_%'" );
		wp_cache_flush();
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
	 * @return array{status:int,body:mixed,raw:string}
	 */
	private static function post( string $body, array $headers = array() ): array {
		$headers = array_merge(
			array(
				'Content-Type' => 'application/json',
				'Origin'       => self::$url,
			),
			$headers
		);
		$curl = curl_init( self::$url . '/wp-json/cognito-blocks/v1/session' );
		curl_setopt_array( $curl, self::curl_options( $body, $headers ) );
		$received = array();
		curl_setopt(
			$curl,
			CURLOPT_HEADERFUNCTION,
			static function ( $handle, string $line ) use ( &$received ): int {
				$parts = explode( ':', $line, 2 );
				if ( 2 === count( $parts ) ) {
					$received[ strtolower( trim( $parts[0] ) ) ] = trim( $parts[1] );
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
		);
	}

	/**
	 * @param array<string,string> $headers Headers.
	 * @return array<int,mixed>
	 */
	private static function curl_options( string $body, array $headers ): array {
		$lines = array();
		foreach ( $headers as $name => $value ) {
			if ( '' !== $value ) {
				$lines[] = $name . ': ' . $value;
			}
		}
		return array(
			CURLOPT_CUSTOMREQUEST  => 'POST',
			CURLOPT_POSTFIELDS     => $body,
			CURLOPT_HTTPHEADER     => $lines,
			CURLOPT_RETURNTRANSFER => true,
			CURLOPT_TIMEOUT        => 30,
		);
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

	public function test_ten_rejected_tokens_then_429(): void {
		for ( $i = 0; $i < 10; $i++ ) {
			$this->assertSame( 401, self::sign_in( self::$jwks->token( array( 'aud' => 'other' ) ) )['status'] );
		}
		$limited = self::sign_in( self::$jwks->token() );
		$this->assertSame( 429, $limited['status'] );
		$this->assertSame( 'cognito_blocks_rate_limited', $limited['body']['code'] );
		// When to retry: in the body for the form's message, and as Retry-After for any other client.
		$wait = $limited['body']['data']['retryAfter'];
		$this->assertIsInt( $wait );
		$this->assertGreaterThan( 0, $wait );
		$this->assertSame( (string) $wait, $limited['headers']['retry-after'] ?? null );
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

	public function test_fifty_concurrent_first_sign_ins_create_exactly_one_user(): void {
		$sub     = 'sub-race-' . bin2hex( random_bytes( 4 ) );
		$multi   = curl_multi_init();
		$handles = array();
		for ( $i = 0; $i < 50; $i++ ) {
			$body = (string) json_encode( array( 'idToken' => self::$jwks->token( array( 'sub' => $sub, 'email' => $sub . '@example.com' ) ) ) );
			$curl = curl_init( self::$url . '/wp-json/cognito-blocks/v1/session' );
			curl_setopt_array( $curl, self::curl_options( $body, array( 'Content-Type' => 'application/json', 'Origin' => self::$url ) ) );
			curl_multi_add_handle( $multi, $curl );
			$handles[] = $curl;
		}
		do {
			$status = curl_multi_exec( $multi, $running );
			if ( $running ) {
				curl_multi_select( $multi, 1.0 );
			}
		} while ( $running && CURLM_OK === $status );

		$ids = array();
		foreach ( $handles as $curl ) {
			$code = (int) curl_getinfo( $curl, CURLINFO_RESPONSE_CODE );
			$body = json_decode( (string) curl_multi_getcontent( $curl ), true );
			$this->assertContains( $code, array( 200, 503 ), (string) curl_multi_getcontent( $curl ) );
			if ( 200 === $code ) {
				$ids[] = $body['userId'];
			}
			curl_multi_remove_handle( $multi, $curl );
			curl_close( $curl );
		}
		curl_multi_close( $multi );

		$this->assertNotEmpty( $ids );
		$this->assertCount( 1, array_unique( $ids ) );
		global $wpdb;
		$count = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->usermeta} WHERE meta_key = %s AND meta_value = %s", Identity::META_KEY, Identity::key( self::$jwks->issuer(), $sub ) ) );
		$this->assertSame( 1, $count );
		$this->assertCount( 1, get_users( array( 'search' => $sub . '@example.com', 'search_columns' => array( 'user_email' ) ) ) );
	}
}
