<?php
/**
 * wp-login.php served by the real WordPress at WP_URL: the plugin's forms in place of the core ones, the validated
 * redirect, and the WordPress-password way that stays for accounts allowed one.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Integration;

use CognitoBlocks\Login\LoginContext;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/LoginHttp.php';

final class LoginScreenTest extends TestCase {

	public static function setUpBeforeClass(): void {
		if ( '' === (string) getenv( 'WP_URL' ) || ! function_exists( 'update_option' ) ) {
			self::markTestSkipped( 'Needs WordPress (WP_ROOT) served at WP_URL.' );
		}
		LoginHttp::configure();
	}

	public static function tearDownAfterClass(): void {
		LoginHttp::restore();
	}

	private static function page( string $query = '' ): string {
		$response = LoginHttp::request( '/wp-login.php' . $query );
		self::assertSame( 200, $response['status'], $response['headers'] );
		return $response['body'];
	}

	public function test_sign_in_screen_mounts_the_login_form_with_the_requested_redirect(): void {
		$target = LoginHttp::url( '/sample-page/?from=login' );
		$html   = self::page( '?redirect_to=' . rawurlencode( $target ) );

		$config = LoginHttp::mount_config( $html, 'login' );
		$this->assertNotNull( $config, 'the sign-in mount point is printed' );
		$this->assertSame( $target, $config['attributes']['redirectUrl'] );
		$this->assertTrue( $config['attributes']['showRemember'] );
		$this->assertSame( rest_url( 'cognito-blocks/v1/session' ), $config['sessionUrl'] );
		$this->assertMatchesRegularExpression( '/<body class="[^"]*\bcognito-blocks-login--form\b/', $html );
		$this->assertMatchesRegularExpression( '#cognito-blocks/build/view\.js#', $html, 'the shared view script is enqueued' );
		$this->assertMatchesRegularExpression( '#<link[^>]+cognito-blocks/build/view\.css#', $html, 'the form styles load in the head, before the first paint' );
		$this->assertMatchesRegularExpression( '#<link[^>]+cognito-blocks/build/login-screen\.css#', $html, 'and the screen\'s own styles, which hide the core form' );
		$this->assertLessThan( strpos( $html, 'build/login-screen.css' ), strpos( $html, 'build/view.css' ), 'the screen styles come after the form styles they adjust' );

		// The core form stays for browsers without script, and a visible link leads to it on its own.
		$this->assertStringContainsString( 'id="loginform"', $html );
		$this->assertStringContainsString( 'name="' . LoginContext::PASSWORD_PARAM . '"', $html );
		$this->assertMatchesRegularExpression( '/<a href="[^"]*' . LoginContext::PASSWORD_PARAM . '=1[^"]*">Site administrators: sign in with your WordPress password<\/a>/', $html );
		// The form's errors that an unlinked administrator meets there point to the same form.
		$password_url = (string) $config['attributes']['passwordSignInUrl'];
		$this->assertStringStartsWith( wp_login_url() . '?', $password_url );
		parse_str( (string) wp_parse_url( $password_url, PHP_URL_QUERY ), $query );
		$this->assertSame( '1', $query[ LoginContext::PASSWORD_PARAM ] ?? null );
		$this->assertSame( $target, $query['redirect_to'] ?? null, 'the redirect is carried on' );
		$this->assertLessThan( strpos( $html, 'id="loginform"' ), strpos( $html, 'data-cognito-blocks="login"' ), 'the mount point is outside (above) the core form' );
	}

	public function test_an_external_redirect_is_replaced_by_the_dashboard(): void {
		$html = self::page( '?redirect_to=' . rawurlencode( 'https://attacker.example/steal' ) );

		$config = LoginHttp::mount_config( $html, 'login' );
		$this->assertNotNull( $config );
		$this->assertSame( admin_url(), $config['attributes']['redirectUrl'] );

		$html = self::page( '?redirect_to=' . rawurlencode( '//attacker.example/' ) );
		$this->assertSame( admin_url(), LoginHttp::mount_config( $html, 'login' )['attributes']['redirectUrl'] ?? null );
	}

	public function test_without_redirect_the_dashboard_is_the_target_as_in_core(): void {
		$config = LoginHttp::mount_config( self::page(), 'login' );
		$this->assertNotNull( $config );
		$this->assertSame( admin_url(), $config['attributes']['redirectUrl'] );
	}

	public function test_password_mode_shows_only_the_core_form_and_the_way_back(): void {
		$target = LoginHttp::url( '/sample-page/' );
		$html   = self::page( '?' . LoginContext::PASSWORD_PARAM . '=1&redirect_to=' . rawurlencode( $target ) );

		$this->assertStringNotContainsString( 'data-cognito-blocks=', $html );
		$this->assertStringNotContainsString( 'cognito-blocks/build/view.js', $html );
		$this->assertStringContainsString( 'id="loginform"', $html );
		$this->assertMatchesRegularExpression( '/<body class="[^"]*\bcognito-blocks-login--password\b/', $html );
		$this->assertStringContainsString( 'Back to the sign-in form', $html );
	}

	public function test_lost_password_mounts_the_reset_form(): void {
		$html   = self::page( '?action=lostpassword' );
		$config = LoginHttp::mount_config( $html, 'reset-password' );
		$this->assertNotNull( $config, 'the reset mount point is printed' );
		$this->assertSame( admin_url(), $config['attributes']['redirectUrl'] );
		$this->assertStringContainsString( 'id="lostpasswordform"', $html, 'kept for browsers without script' );
		$this->assertStringContainsString( 'Site administrators: reset your WordPress password', $html );
	}

	public function test_register_mounts_the_sign_up_form_and_core_registration_is_refused(): void {
		update_option( 'users_can_register', 1 );
		$html   = self::page( '?action=register' );
		$config = LoginHttp::mount_config( $html, 'register' );
		$this->assertNotNull( $config, 'the sign-up mount point is printed' );
		$this->assertStringNotContainsString( 'sign in with your WordPress password', $html );

		$login    = 'reg' . bin2hex( random_bytes( 4 ) );
		$response = LoginHttp::request(
			'/wp-login.php?action=register',
			array(
				'user_login' => $login,
				'user_email' => $login . '@example.test',
			)
		);
		$this->assertSame( 200, $response['status'], 'no redirect to "check your email"' );
		$this->assertFalse( username_exists( $login ), 'core registration created no account' );
	}

	public function test_an_unconfigured_plugin_leaves_wp_login_alone(): void {
		LoginHttp::configure( array( 'user_pool_id' => '', 'client_id' => '' ) );
		try {
			$html = self::page();
			$this->assertStringNotContainsString( 'data-cognito-blocks=', $html );
			$this->assertStringNotContainsString( 'cognito-blocks-login', $html );
		} finally {
			LoginHttp::configure();
		}
	}
}
