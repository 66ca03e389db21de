<?php
/**
 * Two web nodes (separate PHP server processes) on one database: a token, a rejected-token count and a first
 * sign-in hold across them as on one server. (No persistent object cache yet: with Redis shared between the
 * nodes the same must hold; that part is still to come.)
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Integration;

use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/JwksFixture.php';
require_once __DIR__ . '/SiteState.php';

final class SessionNodesTest extends TestCase {

	use SiteState;

	private const PATH = '/wp-json/cognito-blocks/v1/session';

	private static JwksFixture $jwks;

	/** @var array<string,string> Node name => base URL. */
	private static array $nodes = array();

	public static function setUpBeforeClass(): void {
		$a = rtrim( (string) getenv( 'WP_URL' ), '/' );
		$b = rtrim( (string) getenv( 'WP_URL_B' ), '/' );
		if ( '' === $a || '' === $b || ! function_exists( 'update_option' ) ) {
			self::markTestSkipped( 'Needs WordPress served at WP_URL and a second node at WP_URL_B (tests/run.mjs starts both).' );
		}
		self::$nodes = array(
			'A' => $a,
			'B' => $b,
		);
		self::$jwks = new JwksFixture();
		self::$jwks->start();
		self::save_settings( self::$jwks->settings() );
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
	 * A curl handle that POSTs an ID token to one node, from the site's own pages.
	 *
	 * @param string $node  'A' or 'B'.
	 * @param string $token ID token.
	 * @return \CurlHandle
	 */
	private static function handle( string $node, string $token ) {
		$curl = curl_init( self::$nodes[ $node ] . self::PATH );
		curl_setopt_array(
			$curl,
			array(
				CURLOPT_POST           => true,
				CURLOPT_POSTFIELDS     => (string) json_encode( array( 'idToken' => $token ) ),
				CURLOPT_HTTPHEADER     => array( 'Content-Type: application/json', 'Origin: ' . self::$nodes['A'] ),
				CURLOPT_RETURNTRANSFER => true,
				CURLOPT_TIMEOUT        => 60,
			)
		);
		return $curl;
	}

	/**
	 * @return array{status:int,body:mixed,raw:string}
	 */
	private static function sign_in( string $node, string $token ): array {
		$curl = self::handle( $node, $token );
		$raw  = (string) curl_exec( $curl );
		$code = (int) curl_getinfo( $curl, CURLINFO_RESPONSE_CODE );
		curl_close( $curl );
		return array(
			'status' => $code,
			'body'   => json_decode( $raw, true ),
			'raw'    => $raw,
		);
	}

	public function test_both_nodes_serve_the_site(): void {
		foreach ( self::$nodes as $node => $url ) {
			$result = self::sign_in( $node, self::$jwks->token() );
			$this->assertSame( 200, $result['status'], "node $node: " . $result['raw'] );
		}
	}

	public function test_a_token_used_on_one_node_is_refused_on_the_other(): void {
		$token = self::$jwks->token();
		$this->assertSame( 200, self::sign_in( 'A', $token )['status'] );
		$again = self::sign_in( 'B', $token );
		$this->assertSame( 401, $again['status'], $again['raw'] );
		$this->assertSame( 'cognito_blocks_invalid_token', $again['body']['code'] ?? null );
	}

	public function test_rejected_tokens_counted_on_one_node_limit_on_the_other(): void {
		for ( $i = 0; $i < 10; $i++ ) {
			$this->assertSame( 401, self::sign_in( 0 === $i % 2 ? 'A' : 'B', self::$jwks->token( array( 'aud' => 'other' ) ) )['status'] );
		}
		$this->assertSame( 429, self::sign_in( 'A', self::$jwks->token( array( 'aud' => 'other' ) ) )['status'] );
		$this->assertSame( 429, self::sign_in( 'B', self::$jwks->token( array( 'aud' => 'other' ) ) )['status'] );
		// A genuine token still signs in on either node.
		$this->assertSame( 200, self::sign_in( 'B', self::$jwks->token() )['status'] );
	}

	public function test_fifty_concurrent_first_sign_ins_over_both_nodes_create_one_user(): void {
		$sub     = 'sub-nodes-' . bin2hex( random_bytes( 4 ) );
		$handles = array();
		for ( $i = 0; $i < 50; $i++ ) {
			$handles[] = self::handle( 0 === $i % 2 ? 'A' : 'B', self::$jwks->token( array( 'sub' => $sub, 'email' => $sub . '@example.com' ) ) );
		}
		self::assert_one_account( self::all_at_once( $handles ), self::$jwks->issuer(), $sub );
	}
}
