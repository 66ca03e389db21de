<?php
/**
 * The plugin network-activated on a real WordPress network (sites in subdirectories, / and /site2/, MariaDB):
 * the network's defaults (Network Admin and cognito-blocks/v1/network-settings) apply on both sites, a site
 * overrides one setting and can return it to the network, a wp-config.php constant pins a setting on every site,
 * one pool account signs in on both sites through the session endpoint (one account; a token is single-use across
 * the network), a super admin is never linked, and
 * uninstalling leaves no key with the plugin's prefix anywhere in the network's tables.
 *
 * The network is made once for the class (MultisiteNetwork) and its tests build on each other, in order.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Integration;

use PHPUnit\Framework\Attributes\Depends;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/MultisiteNetwork.php';
require_once __DIR__ . '/EmulatorPool.php';

final class MultisiteTest extends TestCase {

	use EmulatorPool;

	private const OPTION = 'cognito_blocks_settings';

	private static ?MultisiteNetwork $network = null;

	/**
	 * The super admin's cookie jar and REST nonce.
	 */
	private static string $jar = '';

	private static string $nonce = '';

	public static function setUpBeforeClass(): void {
		$unavailable = MultisiteNetwork::unavailable();
		if ( null === $unavailable && '' === (string) getenv( 'EMULATOR_URL' ) ) {
			$unavailable = 'Needs the Cognito emulator of the test stack (EMULATOR_URL).';
		}
		if ( null !== $unavailable ) {
			self::markTestSkipped( $unavailable );
		}
		self::$network = MultisiteNetwork::start( self::admin_account() );
		self::$jar     = (string) tempnam( sys_get_temp_dir(), 'cb-ms-jar' );
		$login         = self::request( 'POST', '/wp-login.php', http_build_query( array( 'log' => self::admin_account()['user'], 'pwd' => self::admin_account()['password'] ) ), 'application/x-www-form-urlencoded' );
		self::assertSame( 302, $login['status'], 'the super admin signs in with the WordPress password: ' . $login['raw'] );
		self::$nonce = trim( self::request( 'GET', '/wp-admin/admin-ajax.php?action=rest-nonce' )['raw'] );
		self::assertMatchesRegularExpression( '/^[0-9a-f]{10}$/', self::$nonce );
	}

	public static function tearDownAfterClass(): void {
		self::$network?->stop();
		self::$network = null;
		if ( '' !== self::$jar ) {
			@unlink( self::$jar ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- may be gone already.
		}
	}

	/**
	 * @return array{user:string,password:string,email:string}
	 */
	private static function admin_account(): array {
		return array(
			'user'     => (string) getenv( 'WP_ADMIN_USER' ),
			'password' => (string) getenv( 'WP_ADMIN_PASSWORD' ),
			'email'    => 'network-admin@example.test',
		);
	}

	public function test_the_plugin_is_network_active_with_its_network_admin_page(): void {
		$this->assertCount( 2, self::$network->options_tables(), 'two sites, one options table each' );
		$page = self::request( 'GET', '/wp-admin/network/settings.php?page=cognito-blocks-network' );
		$this->assertSame( 200, $page['status'], $page['raw'] );
		$this->assertStringContainsString( 'id="cognito-blocks-settings"', $page['raw'], 'the settings page mounts here' );
		$this->assertStringContainsString( '"settingsPath":"\\/cognito-blocks\\/v1\\/network-settings"', $page['raw'], 'and edits the network\'s defaults' );
		$this->assertStringContainsString( 'build/admin.js', $page['raw'] );
		$this->assertStringContainsString( 'page=cognito-blocks-network', self::request( 'GET', '/wp-admin/network/' )['raw'], 'Settings › Cognito Blocks is in the Network Admin menu' );
		$this->assertSame( 401, self::request( 'GET', '/wp-json/cognito-blocks/v1/network-settings', null, 'application/json', false )['status'] );
	}

	public function test_network_defaults_apply_on_both_sites(): void {
		$saved = self::rest( 'POST', '/wp-json/cognito-blocks/v1/network-settings', array( self::OPTION => self::pool_settings() + array( 'token_storage' => 'local' ) ) );
		$this->assertSame( 200, $saved['status'], $saved['raw'] );
		$this->assertSame( array( self::OPTION ), array_keys( $saved['body'] ), 'the shape /wp/v2/settings gives the option' );
		$this->assertSame( 'local', $saved['body'][ self::OPTION ]['token_storage'] );
		$this->assertSame( 600, $saved['body'][ self::OPTION ]['max_token_age'], 'every setting, defaults included' );
		$this->assertSame( $saved['body'], self::rest( 'GET', '/wp-json/cognito-blocks/v1/network-settings' )['body'] );

		foreach ( array( '/', '/site2/' ) as $site ) {
			$values = self::settings( $site );
			$this->assertSame( 'local', $values['token_storage'], $site );
			$this->assertSame( (string) getenv( 'COGNITO_POOL_ID' ), $values['user_pool_id'], $site );
			$this->assertSame( 'local', self::rest( 'GET', rtrim( $site, '/' ) . '/wp-json/wp/v2/settings' )['body'][ self::OPTION ]['token_storage'], $site . ' /wp/v2/settings shows what applies' );
		}
	}

	#[Depends( 'test_network_defaults_apply_on_both_sites' )]
	public function test_bad_network_settings_get_400_with_a_message_per_setting(): void {
		$bad = self::rest( 'POST', '/wp-json/cognito-blocks/v1/network-settings', array( self::OPTION => array( 'leeway' => 'soon', 'token_storage' => 'disk', 'no_such_setting' => 1 ) ) );
		$this->assertSame( 400, $bad['status'], $bad['raw'] );
		$this->assertSame( 'rest_invalid_param', $bad['body']['code'] );
		$this->assertEqualsCanonicalizing( array( 'leeway', 'token_storage', 'no_such_setting' ), array_keys( $bad['body']['data']['params'] ) );
		foreach ( array( array( self::OPTION => array( 'a', 'b' ) ), array( 'other' => 1 ), array( self::OPTION => 'text' ) ) as $body ) {
			$this->assertSame( 400, self::rest( 'POST', '/wp-json/cognito-blocks/v1/network-settings', $body )['status'], (string) json_encode( $body ) );
		}
		$this->assertSame( 400, self::request( 'POST', '/wp-json/cognito-blocks/v1/network-settings', '{not json' )['status'] );
		$this->assertSame( 'local', self::settings( '/site2/' )['token_storage'], 'nothing changed' );
	}

	#[Depends( 'test_network_defaults_apply_on_both_sites' )]
	public function test_site_2_overrides_one_setting_and_can_take_it_from_the_network_again(): void {
		$this->assertSame( 200, self::save_site( '/site2', array( 'token_storage' => 'memory' ) )['status'] );
		$overrides = self::rest( 'GET', '/site2/wp-json/cognito-blocks/v1/site-overrides' );
		$this->assertSame( array( 'token_storage' => 'memory' ), $overrides['body']['overrides'], 'the site stores only what it changed' );
		$this->assertNotContains( 'token_storage', $overrides['body']['inherited'] );
		$this->assertSame( 'local', $overrides['body']['network']['token_storage'] );
		$this->assertSame( 'memory', self::settings( '/site2/' )['token_storage'] );
		$this->assertSame( 'local', self::settings( '/' )['token_storage'], 'site 1 still has the network default' );
		$page = self::request( 'GET', '/site2/wp-admin/options-general.php?page=cognito-blocks' );
		$this->assertSame( 200, $page['status'], $page['raw'] );
		$this->assertStringContainsString( '"overridesPath":"\\/cognito-blocks\\/v1\\/site-overrides"', $page['raw'], "the site's page shows what comes from the network" );

		$back = self::rest( 'POST', '/site2/wp-json/cognito-blocks/v1/site-overrides', array( 'inherit' => array( 'token_storage' ) ) );
		$this->assertSame( 200, $back['status'], $back['raw'] );
		$this->assertSame( array(), (array) $back['body']['overrides'] );
		$this->assertSame( 'local', self::settings( '/site2/' )['token_storage'] );
		$this->assertSame( 400, self::rest( 'POST', '/site2/wp-json/cognito-blocks/v1/site-overrides', array( 'inherit' => array( 'no_such_setting' ) ) )['status'] );

		// The network default changes: the site that does not override it follows.
		self::rest( 'POST', '/wp-json/cognito-blocks/v1/network-settings', array( self::OPTION => array( 'token_storage' => 'session' ) ) );
		$this->assertSame( 'session', self::settings( '/site2/' )['token_storage'] );
		$this->assertSame( 200, self::save_site( '/site2', array( 'token_storage' => 'memory' ) )['status'] );
	}

	#[Depends( 'test_site_2_overrides_one_setting_and_can_take_it_from_the_network_again' )]
	public function test_a_constant_pins_a_setting_on_every_site(): void {
		self::$network->pin( array( 'COGNITO_BLOCKS_TOKEN_STORAGE' => 'local' ) );
		try {
			foreach ( array( '/', '/site2/' ) as $site ) {
				$this->assertSame( 'local', self::settings( $site )['token_storage'], $site . ' (site 2 overrides it, the constant wins)' );
				$this->assertContains( 'token_storage', self::$network->run( 'settings', $site )['pinned'] );
			}
			$this->assertContains( 'token_storage', self::rest( 'GET', '/site2/wp-json/cognito-blocks/v1/site-overrides' )['body']['pinned'] );
			// Writes of a pinned setting are ignored, on the network and on a site.
			$saved = self::rest( 'POST', '/wp-json/cognito-blocks/v1/network-settings', array( self::OPTION => array( 'token_storage' => 'memory' ) ) );
			$this->assertSame( 200, $saved['status'], $saved['raw'] );
			$this->assertSame( 'session', $saved['body'][ self::OPTION ]['token_storage'] );
			self::rest( 'POST', '/site2/wp-json/cognito-blocks/v1/site-overrides', array( 'inherit' => array( 'token_storage' ) ) );
			$this->assertSame( array( 'token_storage' => 'memory' ), self::rest( 'GET', '/site2/wp-json/cognito-blocks/v1/site-overrides' )['body']['overrides'] );
		} finally {
			self::$network->pin( array() );
		}
		$this->assertSame( 'memory', self::settings( '/site2/' )['token_storage'], 'without the constant the override applies again' );
	}

	#[Depends( 'test_network_defaults_apply_on_both_sites' )]
	public function test_one_pool_account_signs_in_on_both_sites(): void {
		$this->assertSame( 200, self::save_site( '/site2', array( 'default_role' => 'author' ) )['status'] );
		list( $username, $password ) = self::pool_user( 'ms-' . bin2hex( random_bytes( 4 ) ) . '@example.test' );

		$token = self::sign_in_to_pool( $username, $password )['idToken'];
		$first = self::sign_in( '', $token );
		$this->assertSame( 200, $first['status'], $first['raw'] );
		$user = (int) $first['body']['userId'];
		$this->assertStringStartsWith( self::$network->url . '/', $first['body']['redirectTo'] );
		$replay = self::sign_in( '/site2', $token );
		$this->assertSame( 401, $replay['status'], 'a token used on one site of the network is used on all: ' . $replay['raw'] );

		$second = self::sign_in( '/site2', self::sign_in_to_pool( $username, $password )['idToken'] );
		$this->assertSame( 200, $second['status'], $second['raw'] );
		$this->assertSame( $user, (int) $second['body']['userId'], 'one account for the network' );
		$this->assertStringStartsWith( self::$network->url . '/site2/', $second['body']['redirectTo'] );

		$this->assertSame( array( 'subscriber' ), self::roles( $user, MultisiteNetwork::TABLE_PREFIX ), 'site 1: the network default role' );
		$this->assertSame( array( 'author' ), self::roles( $user, MultisiteNetwork::TABLE_PREFIX . '2_' ), 'site 2: its own default role' );
		$this->assertSame( 1, count( self::$network->query( "SELECT user_id FROM ms_usermeta WHERE meta_key = 'cognito_blocks_identity'" ) ), 'one identity binding' );
	}

	#[Depends( 'test_network_defaults_apply_on_both_sites' )]
	public function test_a_super_admin_is_never_linked_by_email(): void {
		list( $username, $password ) = self::pool_user( self::admin_account()['email'] );
		$result = self::sign_in( '/site2', self::sign_in_to_pool( $username, $password )['idToken'] );
		$this->assertSame( 403, $result['status'], $result['raw'] );
		$this->assertSame( array(), self::$network->query( "SELECT meta_key FROM ms_usermeta WHERE user_id = 1 AND meta_key LIKE 'cognito\\_blocks\\_%'" ) );
	}

	#[Depends( 'test_one_pool_account_signs_in_on_both_sites' )]
	public function test_uninstall_leaves_no_key_with_the_plugins_prefix_on_any_site(): void {
		$this->assertSame( 401, self::sign_in( '/site2', 'not.a.token' )['status'], 'a rejected token leaves a rate-limit counter behind' );
		$before = implode( "\n", self::$network->leftovers() );
		foreach ( array( 'ms_sitemeta: cognito_blocks_network_settings', 'ms_2_options: cognito_blocks_settings', 'ms_usermeta: cognito_blocks_identity' ) as $expected ) {
			$this->assertStringContainsString( $expected, $before, 'the test stored something' );
		}
		$this->assertMatchesRegularExpression( '/^ms_options: _transient_cognito_blocks_/m', $before );
		$this->assertMatchesRegularExpression( '/^ms_2_options: _transient_cognito_blocks_/m', $before );

		$this->assertFalse( self::$network->run( 'deactivate' )['active'] );
		self::$network->run( 'uninstall' );
		$this->assertSame( array(), self::$network->leftovers() );
	}

	/**
	 * The pool, client and endpoint of the stack's emulator.
	 *
	 * @return array<string,string>
	 */
	private static function pool_settings(): array {
		return array(
			'user_pool_id' => (string) getenv( 'COGNITO_POOL_ID' ),
			'client_id'    => (string) getenv( 'COGNITO_CLIENT_ID' ),
			'region'       => (string) getenv( 'COGNITO_REGION' ),
			'endpoint'     => rtrim( (string) getenv( 'EMULATOR_URL' ), '/' ),
		);
	}

	/**
	 * A new confirmed pool account with a verified email.
	 *
	 * @return array{0:string,1:string} Username and password.
	 */
	private static function pool_user( string $email ): array {
		$password = 'Pw-' . bin2hex( random_bytes( 8 ) ) . '-A1!';
		self::admin( 'AdminCreateUser', $email, array( 'MessageAction' => 'SUPPRESS' ) + self::attributes( array( 'email' => $email, 'email_verified' => 'true' ) ) );
		self::admin( 'AdminSetUserPassword', $email, array( 'Password' => $password, 'Permanent' => true ) );
		return array( $email, $password );
	}

	/**
	 * Saves a site's settings as a /wp/v2/settings client does: the whole object as read, with some changes.
	 *
	 * @param string              $site    Site path without the trailing slash ('' for the main site).
	 * @param array<string,mixed> $changes Settings to change.
	 * @return array{status:int,body:mixed,raw:string}
	 */
	private static function save_site( string $site, array $changes ): array {
		$current = self::rest( 'GET', $site . '/wp-json/wp/v2/settings' )['body'][ self::OPTION ];
		return self::rest( 'POST', $site . '/wp-json/wp/v2/settings', array( self::OPTION => array_merge( $current, $changes ) ) );
	}

	/**
	 * A site's effective settings, read by WordPress itself in another process.
	 *
	 * @return array<string,mixed>
	 */
	private static function settings( string $site ): array {
		return self::$network->run( 'settings', $site )['values'];
	}

	/**
	 * A user's roles on one site, from its capabilities meta.
	 *
	 * @return list<string>
	 */
	private static function roles( int $user, string $prefix ): array {
		$rows = self::$network->query( 'SELECT meta_value FROM ms_usermeta WHERE user_id = ' . $user . " AND meta_key = '{$prefix}capabilities'" );
		$caps = isset( $rows[0][0] ) ? unserialize( (string) $rows[0][0], array( 'allowed_classes' => false ) ) : array(); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.serialize_unserialize -- WordPress's own storage.
		return array_keys( array_filter( is_array( $caps ) ? $caps : array() ) );
	}

	/**
	 * POSTs an ID token to a site's session endpoint from that site's origin, as its forms do (no cookies).
	 *
	 * @return array{status:int,body:mixed,raw:string}
	 */
	private static function sign_in( string $site, string $token ): array {
		return self::request( 'POST', $site . '/wp-json/cognito-blocks/v1/session', (string) json_encode( array( 'idToken' => $token ) ), 'application/json', false );
	}

	/**
	 * A REST request as the super admin.
	 *
	 * @param array<string,mixed>|null $body JSON body.
	 * @return array{status:int,body:mixed,raw:string}
	 */
	private static function rest( string $method, string $path, ?array $body = null ): array {
		return self::request( $method, $path, null === $body ? null : (string) json_encode( $body ) );
	}

	/**
	 * One request to the network; as the super admin (cookies and nonce) unless $as_admin is false.
	 *
	 * @return array{status:int,body:mixed,raw:string}
	 */
	private static function request( string $method, string $path, ?string $body = null, string $type = 'application/json', bool $as_admin = true ): array {
		$headers = array( 'Content-Type: ' . $type, 'Origin: ' . self::$network->url );
		$options = array();
		if ( $as_admin ) {
			$options   = array(
				CURLOPT_COOKIEFILE => self::$jar,
				CURLOPT_COOKIEJAR  => self::$jar,
			);
			$headers[] = 'X-WP-Nonce: ' . self::$nonce;
		}
		return self::http( self::$network->url . $path, $body, $headers, $method, $options );
	}
}
