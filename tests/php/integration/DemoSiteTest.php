<?php
/**
 * The configuration `npm start` gives its demo site (dev/lib/demo.mjs), applied to the test site: pool users sign in
 * and get accounts at their first sign-in, the pool's `editors` group becomes the Editor role, and the address
 * printed for the administrator opens the WordPress-password form.
 *
 * Needs WordPress at WP_URL and the Cognito emulator at EMULATOR_URL (tests/support/stack.mjs); the demo
 * configuration is read from dev/lib/demo.mjs with node, so a change there is what these tests see.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Integration;

use CognitoBlocks\Settings\Settings;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/SiteState.php';
require_once __DIR__ . '/EmulatorPool.php';
require_once __DIR__ . '/LoginHttp.php';

final class DemoSiteTest extends TestCase {

	use SiteState;
	use EmulatorPool;

	/**
	 * What dev/lib/demo.mjs exports for the demo site.
	 *
	 * @var array{settings:array<string,mixed>,options:array<string,mixed>,adminPath:string}
	 */
	private static array $demo;

	public static function setUpBeforeClass(): void {
		self::$url      = rtrim( (string) getenv( 'WP_URL' ), '/' );
		self::$emulator = rtrim( (string) getenv( 'EMULATOR_URL' ), '/' );
		if ( '' === self::$url || '' === self::$emulator || ! function_exists( 'update_option' ) ) {
			self::markTestSkipped( 'Needs WordPress served at WP_URL and the Cognito emulator at EMULATOR_URL.' );
		}
		self::$demo = self::demo_site();
		$pool       = array(
			'user_pool_id' => (string) getenv( 'COGNITO_POOL_ID' ),
			'client_id'    => (string) getenv( 'COGNITO_CLIENT_ID' ),
			'region'       => (string) getenv( 'COGNITO_REGION' ),
			'endpoint'     => self::$emulator,
		);
		// Every setting from its default, then what the demo site sets: nothing the stack or another test left.
		LoginHttp::configure();
		update_option( Settings::OPTION, array_merge( $pool, self::$demo['settings'] ) );
		// WordPress's own default is "Anyone can register" off: only the demo options may turn it on.
		update_option( 'users_can_register', 0 );
		foreach ( self::$demo['options'] as $name => $value ) {
			update_option( $name, $value );
		}
		wp_cache_flush();
	}

	public static function tearDownAfterClass(): void {
		if ( '' === self::$url || '' === self::$emulator ) {
			return;
		}
		LoginHttp::restore();
	}

	protected function setUp(): void {
		self::forget_rejections();
	}

	public function test_the_demo_settings_map_the_editors_group_to_the_editor_role(): void {
		$this->assertContains(
			array(
				'group' => 'editors',
				'role'  => 'editor',
			),
			Settings::current()->group_role_map()
		);
		$this->assertSame( 'follow', Settings::current()->creation_policy(), 'the demo keeps the default creation policy' );
	}

	public function test_a_pool_user_in_editors_becomes_an_editor_at_first_sign_in(): void {
		$user   = self::new_pool_user( array( 'editors' ) );
		$tokens = self::sign_in_to_pool( $user['username'], $user['password'] );
		$claims = self::claims( $tokens['idToken'] );
		$this->assertContains( 'editors', $claims['cognito:groups'] ?? array() );
		$this->assertNull( self::user_of( $claims['sub'] ), 'no account before the first sign-in' );

		$result = self::post_token( $tokens['idToken'] );
		$this->assertSame( 200, $result['status'], $result['raw'] );
		// The account was made by the web server's process: forget this process's cached user query.
		wp_cache_flush();
		$account = self::user_of( $claims['sub'] );
		$this->assertInstanceOf( \WP_User::class, $account );
		$this->assertSame( $result['body']['userId'], $account->ID );
		$this->assertSame( array( 'editor' ), array_values( $account->roles ) );
	}

	public function test_a_pool_user_in_no_group_gets_a_subscriber_account(): void {
		$user   = self::new_pool_user();
		$tokens = self::sign_in_to_pool( $user['username'], $user['password'] );

		$result = self::post_token( $tokens['idToken'] );
		$this->assertSame( 200, $result['status'], 'the demo site creates accounts (registration is open): ' . $result['raw'] );
		$account = self::user_of( self::claims( $tokens['idToken'] )['sub'] );
		$this->assertInstanceOf( \WP_User::class, $account );
		$this->assertSame( array( 'subscriber' ), array_values( $account->roles ) );
	}

	public function test_the_printed_admin_address_opens_the_wordpress_password_form(): void {
		$page = LoginHttp::request( self::$demo['adminPath'] );
		$this->assertSame( 200, $page['status'] );
		$this->assertMatchesRegularExpression( '/<body class="[^"]*\bcognito-blocks-login--password\b/', $page['body'] );
		$this->assertStringNotContainsString( 'data-cognito-blocks=', $page['body'], 'no Cognito form in front of the password form' );
		$this->assertStringContainsString( 'id="loginform"', $page['body'] );

		$admin    = LoginHttp::user( 'administrator', false );
		$response = LoginHttp::request(
			self::$demo['adminPath'],
			array(
				'log'         => $admin['login'],
				'pwd'         => $admin['password'],
				'redirect_to' => admin_url(),
			)
		);
		$this->assertSame( 302, $response['status'], $response['body'] );
		$this->assertTrue( LoginHttp::signed_in( $response ) );
	}

	/**
	 * The demo site's configuration as dev/lib/demo.mjs exports it.
	 *
	 * @return array{settings:array<string,mixed>,options:array<string,mixed>,adminPath:string}
	 */
	private static function demo_site(): array {
		$module = dirname( __DIR__, 3 ) . '/dev/lib/demo.mjs';
		$script = 'const demo = await import( process.argv[1] );'
			. 'console.log( JSON.stringify( { settings: demo.demoSiteSettings( {} ), options: demo.DEMO_SITE_OPTIONS, adminPath: demo.ADMIN_SIGN_IN_PATH } ) );';
		$output = array();
		$code   = 0;
		exec( 'node --input-type=module -e ' . escapeshellarg( $script ) . ' ' . escapeshellarg( 'file://' . $module ) . ' 2>&1', $output, $code );
		$demo = json_decode( implode( "\n", $output ), true );
		if ( 0 !== $code || ! is_array( $demo ) || ! is_array( $demo['settings'] ?? null ) || ! is_array( $demo['options'] ?? null ) || ! is_string( $demo['adminPath'] ?? null ) ) {
			self::fail( 'Could not read dev/lib/demo.mjs: ' . implode( "\n", $output ) );
		}
		return $demo;
	}
}
