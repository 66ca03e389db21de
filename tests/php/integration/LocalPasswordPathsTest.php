<?php
/**
 * Every way a WordPress password reaches the real WordPress at WP_URL: refused for an account bound to a Cognito
 * identity, accepted for an account without one (the break-glass administrator).
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Integration;

use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/LoginHttp.php';

final class LocalPasswordPathsTest extends TestCase {

	public static function setUpBeforeClass(): void {
		if ( '' === (string) getenv( 'WP_URL' ) || ! function_exists( 'update_option' ) ) {
			self::markTestSkipped( 'Needs WordPress (WP_ROOT) served at WP_URL.' );
		}
		LoginHttp::configure();
	}

	public static function tearDownAfterClass(): void {
		LoginHttp::restore();
	}

	/**
	 * @param array{login:string,password:string} $user Account.
	 * @return array{status:int,headers:string,body:string}
	 */
	private static function post_login( array $user ): array {
		return LoginHttp::request(
			'/wp-login.php',
			array(
				'log'         => $user['login'],
				'pwd'         => $user['password'],
				'redirect_to' => admin_url(),
			)
		);
	}

	/**
	 * @param array{login:string,password:string} $user Account.
	 */
	private static function xmlrpc( array $user ): string {
		$body = '<?xml version="1.0"?><methodCall><methodName>wp.getUsersBlogs</methodName><params>'
			. '<param><value><string>' . esc_html( $user['login'] ) . '</string></value></param>'
			. '<param><value><string>' . esc_html( $user['password'] ) . '</string></value></param>'
			. '</params></methodCall>';
		$response = LoginHttp::request( '/xmlrpc.php', $body, array( 'Content-Type: text/xml' ) );
		self::assertSame( 200, $response['status'], $response['body'] );
		return $response['body'];
	}

	public function test_wp_login_post_is_refused_for_a_linked_account_and_opens_an_unlinked_administrator(): void {
		$linked   = LoginHttp::user( 'editor', true );
		$response = self::post_login( $linked );
		$this->assertSame( 200, $response['status'], 'no redirect: the sign-in failed' );
		$this->assertFalse( LoginHttp::signed_in( $response ) );
		$this->assertStringContainsString( 'signs in with the site', $response['body'] );
		$this->assertMatchesRegularExpression( '/<body class="[^"]*\bcognito-blocks-login--password\b/', $response['body'], 'the error is shown next to the form that was posted' );

		$admin    = LoginHttp::user( 'administrator', false );
		$response = self::post_login( $admin );
		$this->assertSame( 302, $response['status'], $response['body'] );
		$this->assertTrue( LoginHttp::signed_in( $response ), 'break-glass: an account without a Cognito link keeps its WordPress password' );
	}

	public function test_a_wrong_password_reads_the_same_for_a_linked_account_as_for_any_other(): void {
		$message = static function ( array $user ): string {
			$user['password'] = 'Not-' . $user['password'];
			$response         = self::post_login( $user );
			self::assertSame( 200, $response['status'] );
			self::assertFalse( LoginHttp::signed_in( $response ) );
			self::assertSame( 1, preg_match( '/<div id="login_error"[^>]*>(.*?)<\/div>/s', $response['body'], $match ), $response['body'] );
			// The account's own login name appears in core's message; compare the rest.
			return trim( (string) preg_replace( '/<strong>[^<]*<\/strong>|\s+/', ' ', str_replace( $user['login'], 'LOGIN', wp_strip_all_tags( $match[1] ) ) ) );
		};
		$linked   = $message( LoginHttp::user( 'editor', true ) );
		$unlinked = $message( LoginHttp::user( 'editor', false ) );
		$this->assertStringContainsString( 'incorrect', $linked );
		$this->assertStringNotContainsString( 'signs in with the site', $linked );
		$this->assertSame( $unlinked, $linked, 'a stranger cannot tell a linked account from another' );
	}

	public function test_the_break_glass_setting_lets_a_linked_account_use_its_wordpress_password(): void {
		LoginHttp::configure( array( 'allow_local_passwords' => true ) );
		try {
			$response = self::post_login( LoginHttp::user( 'editor', true ) );
			$this->assertSame( 302, $response['status'] );
			$this->assertTrue( LoginHttp::signed_in( $response ) );
		} finally {
			LoginHttp::configure();
		}
	}

	public function test_xmlrpc_refuses_a_linked_account_and_serves_an_unlinked_one(): void {
		$refused = self::xmlrpc( LoginHttp::user( 'administrator', true ) );
		$this->assertStringContainsString( '<name>faultCode</name><value><int>403</int></value>', preg_replace( '/\s+/', '', $refused ) ?? '' );

		$served = self::xmlrpc( LoginHttp::user( 'administrator', false ) );
		$this->assertStringNotContainsString( 'faultCode', $served );
		$this->assertStringContainsString( '<name>blogid</name>', $served );
	}

	public function test_application_passwords_are_refused_for_a_linked_account(): void {
		if ( ! wp_is_application_passwords_available() ) {
			$this->markTestSkipped( 'Application passwords need HTTPS or a local environment.' );
		}
		foreach ( array( false => 200, true => 401 ) as $linked => $expected ) {
			$user    = LoginHttp::user( 'editor', (bool) $linked );
			$created = \WP_Application_Passwords::create_new_application_password( $user['id'], array( 'name' => 'integration test' ) );
			$this->assertIsArray( $created );
			$response = LoginHttp::request(
				'/wp-json/wp/v2/users/me?context=edit',
				null,
				array( 'Authorization: Basic ' . base64_encode( $user['login'] . ':' . $created[0] ) )
			);
			$this->assertSame( $expected, $response['status'], ( $linked ? 'linked' : 'unlinked' ) . ': ' . $response['body'] );
		}
	}

	public function test_core_password_reset_mail_is_not_sent_for_a_linked_account(): void {
		$linked   = LoginHttp::user( 'subscriber', true );
		$response = LoginHttp::request( '/wp-login.php?action=lostpassword', array( 'user_login' => $linked['login'] ) );
		$this->assertSame( 200, $response['status'], 'no redirect to "check your email"' );
		$this->assertStringContainsString( 'signs in with the site', $response['body'] );
		$this->assertSame( '', (string) get_userdata( $linked['id'] )->user_activation_key, 'no reset key was stored' );
	}
}
