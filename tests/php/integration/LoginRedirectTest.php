<?php
/**
 * Plugins that redirect people after signing in (core's login_redirect filter) work with Cognito sign-ins too,
 * and what they answer is validated like any other redirect.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Integration;

use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/JwksFixture.php';
require_once __DIR__ . '/SiteState.php';

final class LoginRedirectTest extends TestCase {

	use SiteState;

	private const MU_PLUGIN = 'cognito-blocks-test-login-redirect.php';

	private static JwksFixture $jwks;


	private static string $mu_plugin = '';

	public static function setUpBeforeClass(): void {
		if ( '' === (string) getenv( 'WP_URL' ) || ! function_exists( 'update_option' ) ) {
			self::markTestSkipped( 'Needs WordPress (WP_ROOT) served at WP_URL.' );
		}
		self::$jwks = new JwksFixture();
		self::$jwks->start();
		self::save_settings( self::$jwks->settings() );
		// The served site runs in other processes: the filter reaches it as a must-use plugin.
		$dir = WP_CONTENT_DIR . '/mu-plugins';
		if ( ! is_dir( $dir ) ) {
			mkdir( $dir );
		}
		self::$mu_plugin = $dir . '/' . self::MU_PLUGIN;
		file_put_contents(
			self::$mu_plugin,
			'<?php add_filter( "login_redirect", function ( $to, $requested, $user ) {'
			. ' if ( $user instanceof WP_User && str_starts_with( $user->user_email, "members-" ) ) { return home_url( "/members/" ); }'
			. ' if ( $user instanceof WP_User && str_starts_with( $user->user_email, "away-" ) ) { return "https://elsewhere.example/"; }'
			. ' return $to; }, 10, 3 );'
		);
	}

	public static function tearDownAfterClass(): void {
		if ( '' !== self::$mu_plugin ) {
			unlink( self::$mu_plugin );
		}
		if ( isset( self::$jwks ) ) {
			self::$jwks->remove();
		}
		self::restore_settings();
	}

	/**
	 * Signs a new identity in with the given email prefix and returns the answer's redirect.
	 *
	 * @param string $prefix Email prefix the must-use plugin looks at.
	 */
	private static function redirect_for( string $prefix ): string {
		$sub      = $prefix . bin2hex( random_bytes( 4 ) );
		$url      = rtrim( (string) getenv( 'WP_URL' ), '/' );
		$response = wp_remote_post(
			$url . '/wp-json/cognito-blocks/v1/session',
			array(
				'headers' => array(
					'Content-Type' => 'application/json',
					'Origin'       => $url,
				),
				'body'    => (string) wp_json_encode(
					array(
						'idToken'    => self::$jwks->token(
							array(
								'sub'   => $sub,
								'email' => $sub . '@example.com',
							)
						),
						'redirectTo' => $url . '/requested/',
					)
				),
				'timeout' => 30,
			)
		);
		self::assertSame( 200, wp_remote_retrieve_response_code( $response ), wp_remote_retrieve_body( $response ) );
		$body = json_decode( wp_remote_retrieve_body( $response ), true );
		return (string) $body['redirectTo'];
	}

	public function test_a_login_redirect_filter_chooses_where_the_visitor_goes(): void {
		$this->assertSame( rtrim( (string) getenv( 'WP_URL' ), '/' ) . '/members/', self::redirect_for( 'members-' ) );
	}

	public function test_without_an_answer_from_the_filter_the_requested_page_is_kept(): void {
		$this->assertSame( rtrim( (string) getenv( 'WP_URL' ), '/' ) . '/requested/', self::redirect_for( 'plain-' ) );
	}

	public function test_an_external_answer_from_the_filter_is_refused(): void {
		$this->assertSame( home_url( '/' ), self::redirect_for( 'away-' ) );
	}
}
