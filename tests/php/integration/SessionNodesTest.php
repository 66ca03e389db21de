<?php
/**
 * Two web nodes (separate PHP server processes) on one database: a token, a rejected-token count, the key set
 * cache and its fetch throttle, and a first sign-in hold across them as on one server. tests/run.mjs runs this
 * class twice: on the database alone, then with both nodes and this process on one Redis object cache
 * (COGNITO_BLOCKS_OBJECT_CACHE=redis), where it also takes Redis down mid-run.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Integration;

use PHPUnit\Framework\Attributes\Group;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/JwksFixture.php';
require_once __DIR__ . '/SiteState.php';

#[Group( 'nodes' )]
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

	/** Whether this pass runs on Redis. */
	private static function on_redis(): bool {
		return 'redis' === getenv( 'COGNITO_BLOCKS_OBJECT_CACHE' );
	}

	/**
	 * Forgets the cached key set and its fetch throttle, wherever they are kept, and the fetches counted so far.
	 */
	private static function forget_keys(): void {
		global $wpdb;
		$wpdb->query( "DELETE FROM {$wpdb->options} WHERE option_name LIKE '%transient%cognito_blocks_jwks_%' OR option_name LIKE 'cognito_blocks_c_jwks_%' OR option_name LIKE 'cognito_blocks_l_jwks_fetch_%'" );
		wp_cache_flush();
		self::$jwks->forget_fetches();
	}

	/**
	 * Forgets when the key set was last fetched, as if the throttle's ten seconds had passed.
	 */
	private static function forget_fetch_throttle(): void {
		global $wpdb;
		$wpdb->query( "DELETE FROM {$wpdb->options} WHERE option_name LIKE 'cognito_blocks_l_jwks_fetch_%'" );
		if ( self::on_redis() && @fsockopen( '127.0.0.1', (int) getenv( 'REDIS_PORT' ) ) ) {
			$redis = self::redis();
			foreach ( $redis->keys( '*cognito_blocks_ledger*jwks_fetch_*' ) as $key ) {
				$redis->del( $key );
			}
		}
	}

	/** A client of the pass's Redis. */
	private static function redis(): \Redis {
		$redis = new \Redis();
		$redis->connect( '127.0.0.1', (int) getenv( 'REDIS_PORT' ) );
		return $redis;
	}

	public function test_the_object_cache_is_the_one_this_pass_expects(): void {
		global $wp_object_cache;
		if ( ! self::on_redis() ) {
			$this->assertNotTrue( wp_using_ext_object_cache(), 'This pass runs on the database alone.' );
			return;
		}
		$this->assertTrue( wp_using_ext_object_cache(), 'wp-content/object-cache.php is not loaded.' );
		$this->assertTrue( method_exists( $wp_object_cache, 'redis_status' ) && $wp_object_cache->redis_status(), 'Redis Object Cache is not connected.' );
		// The nodes keep their transients in Redis too: a rejection counted there leaves no row in the database.
		$this->assertSame( 401, self::sign_in( 'B', self::$jwks->token( array( 'aud' => 'other' ) ) )['status'] );
		global $wpdb;
		$this->assertSame( '0', $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->options} WHERE option_name LIKE '%transient%cognito_blocks_rl_%'" ) );
		$this->assertNotEmpty( self::redis()->keys( '*cognito_blocks_rl_*' ), 'The rejection is not counted in Redis.' );
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

	public function test_the_key_set_fetched_by_one_node_serves_the_other(): void {
		self::forget_keys();
		$this->assertSame( 200, self::sign_in( 'A', self::$jwks->token() )['status'] );
		$this->assertSame( 1, self::$jwks->fetches() );
		$this->assertSame( 200, self::sign_in( 'B', self::$jwks->token() )['status'] );
		$this->assertSame( 1, self::$jwks->fetches(), 'Node B fetched the key set again instead of using the shared cache.' );
	}

	public function test_ten_unknown_key_ids_over_both_nodes_cause_one_key_set_fetch(): void {
		self::forget_keys();
		$this->assertSame( 200, self::sign_in( 'A', self::$jwks->token() )['status'], 'Warm the key cache.' );
		// As ten seconds after the last fetch: the throttle lets the next unknown kid look for a rotated key.
		self::forget_fetch_throttle();
		self::$jwks->forget_fetches();
		$handles = array();
		for ( $i = 0; $i < 10; $i++ ) {
			$handles[] = self::handle( 0 === $i % 2 ? 'A' : 'B', self::$jwks->token( array(), 'unknown-' . $i . '-' . bin2hex( random_bytes( 3 ) ) ) );
		}
		foreach ( self::all_at_once( $handles ) as $result ) {
			$this->assertSame( 401, $result['status'], $result['raw'] );
		}
		$this->assertSame( 1, self::$jwks->fetches() );
	}

	/**
	 * Last in the class: stops Redis, then starts it again as the stack did (REDIS_PID_FILE tells the stack which
	 * instance to stop at the end).
	 */
	public function test_with_redis_down_a_used_token_stays_used_and_sign_ins_go_on(): void {
		if ( ! self::on_redis() ) {
			$this->markTestSkipped( 'Runs in the Redis pass (tests/run.mjs, COGNITO_BLOCKS_OBJECT_CACHE=redis).' );
		}
		self::forget_keys();
		$used = self::$jwks->token();
		$this->assertSame( 200, self::sign_in( 'A', $used )['status'] );
		self::stop_redis();
		// As some time after the last key set fetch (the throttle allows one per ten seconds).
		self::forget_fetch_throttle();
		self::$jwks->forget_fetches();
		try {
			$again = self::sign_in( 'B', $used );
			$this->assertSame( 401, $again['status'], 'A token used while Redis was up was accepted again: ' . $again['raw'] );
			// The key set is no longer cached anywhere the nodes can read; one node fetches it and the fallback
			// shares it, so sign-ins on both nodes go on without a fetch each.
			foreach ( array( 'A', 'B', 'A', 'B' ) as $node ) {
				$result = self::sign_in( $node, self::$jwks->token() );
				$this->assertSame( 200, $result['status'], "node $node with Redis down: " . $result['raw'] );
			}
			$this->assertSame( 1, self::$jwks->fetches() );
			$fresh = self::$jwks->token();
			$this->assertSame( 200, self::sign_in( 'B', $fresh )['status'] );
			$this->assertSame( 401, self::sign_in( 'A', $fresh )['status'], 'A token used while Redis was down was accepted again.' );
		} finally {
			self::start_redis();
		}
	}

	private static function stop_redis(): void {
		$pid = (int) file_get_contents( (string) getenv( 'REDIS_PID_FILE' ) );
		self::assertGreaterThan( 1, $pid );
		posix_kill( -$pid, SIGTERM );
		for ( $i = 0; $i < 100 && posix_kill( $pid, 0 ); $i++ ) {
			usleep( 50000 );
		}
		self::assertFalse( @fsockopen( '127.0.0.1', (int) getenv( 'REDIS_PORT' ) ), 'Redis still answers.' );
	}

	private static function start_redis(): void {
		$command = sprintf(
			'setsid /usr/bin/redis-server --bind 127.0.0.1 --port %d --dir %s --save "" --appendonly no --daemonize no > /dev/null 2>&1 & echo $!',
			(int) getenv( 'REDIS_PORT' ),
			escapeshellarg( (string) getenv( 'REDIS_DATA_DIR' ) )
		);
		file_put_contents( (string) getenv( 'REDIS_PID_FILE' ), trim( (string) shell_exec( $command ) ) );
		for ( $i = 0; $i < 100; $i++ ) {
			$socket = @fsockopen( '127.0.0.1', (int) getenv( 'REDIS_PORT' ) );
			if ( $socket ) {
				fclose( $socket );
				return;
			}
			usleep( 50000 );
		}
	}
}
