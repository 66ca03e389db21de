<?php
/**
 * DELETE /account, deleting one's account from the profile form, over HTTP against a real WordPress.
 *
 * Needs WordPress loaded by the integration bootstrap (WP_ROOT) and served at WP_URL, on the same database.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Integration;

use CognitoBlocks\Users\Identity;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/SessionHttp.php';

final class AccountDeleteTest extends TestCase {

	use SessionHttp;

	protected function tearDown(): void {
		self::configure( array() );
	}

	/**
	 * Turns deletion on with the given settings.
	 *
	 * @param array<string,mixed> $settings More settings.
	 */
	private static function allow( array $settings = array() ): void {
		self::configure( $settings + array( 'profile_delete_allowed' => true ) );
	}

	/**
	 * A signed-in pool user.
	 *
	 * @return array{id:int,sub:string,cookie:string,logged_in:string}
	 */
	private static function member(): array {
		$session = self::open_session( array( 'sub' => 'sub-delete-' . bin2hex( random_bytes( 4 ) ) ) );
		self::remember_account( $session['id'] );
		return $session;
	}

	/**
	 * An account of the given role that WordPress made, linked by hand to a new identity, then signed in.
	 *
	 * @return array{id:int,sub:string,cookie:string,logged_in:string}
	 */
	private static function linked( string $role ): array {
		$login = 'del' . bin2hex( random_bytes( 4 ) );
		$id    = wp_insert_user( array( 'user_login' => $login, 'user_email' => $login . '@example.com', 'user_pass' => wp_generate_password(), 'role' => $role ) );
		self::assertIsInt( $id );
		self::remember_account( $id );
		$sub = 'sub-' . $login;
		Identity::bind( $id, self::$jwks->issuer(), $sub );
		$session = self::open_session( array( 'sub' => $sub ) );
		self::assertSame( $id, $session['id'] );
		return $session;
	}

	/**
	 * DELETEs /account with a token of the session's identity (plus `$claims`): a sign-in made just now.
	 *
	 * @param array{sub:string,cookie:string} $session Session.
	 * @param array<string,mixed>             $claims  Claims to change.
	 * @param array<string,string>            $headers Headers to change.
	 * @return array{status:int,body:mixed,raw:string,headers:array<string,string>,cookies:array<string,string>}
	 */
	private static function delete( array $session, array $claims = array(), array $headers = array() ): array {
		$token = self::$jwks->token( $claims + array( 'sub' => $session['sub'] ) );
		return self::as_signed_in( $session, 'DELETE', self::route( '/account' ), array( 'idToken' => $token ), $headers );
	}

	/**
	 * What GET /session says DELETE /account would do.
	 *
	 * @param array{cookie:string} $session Session.
	 */
	private static function offered( array $session ): mixed {
		$result = self::as_signed_in( $session, 'GET', self::route( '/session' ) );
		self::assertSame( 200, $result['status'], $result['raw'] );
		return $result['body']['accountDeletion'];
	}

	private static function exists( int $id ): bool {
		clean_user_cache( $id );
		wp_cache_flush();
		return get_userdata( $id ) instanceof \WP_User;
	}

	/**
	 * A post by the account.
	 */
	private static function post_by( int $author, string $status = 'draft' ): int {
		$post = wp_insert_post( array( 'post_title' => 'By ' . $author, 'post_status' => $status, 'post_author' => $author ) );
		self::assertIsInt( $post );
		self::assertGreaterThan( 0, $post );
		return $post;
	}

	public function test_off_by_default_and_the_token_is_not_used_up(): void {
		$session = self::member();
		$this->assertNull( self::offered( $session ) );
		$token  = self::$jwks->token( array( 'sub' => $session['sub'] ) );
		$result = self::as_signed_in( $session, 'DELETE', self::route( '/account' ), array( 'idToken' => $token ) );
		$this->assertSame( 403, $result['status'], $result['raw'] );
		$this->assertSame( 'cognito_blocks_delete_not_allowed', $result['body']['code'] );
		$this->assertTrue( self::exists( $session['id'] ) );
		$this->assertTrue( Identity::is_bound_to( $session['id'], self::$jwks->issuer(), $session['sub'] ) );
		$this->assertTrue( self::session_alive( $session ) );

		self::allow();
		$again = self::as_signed_in( $session, 'DELETE', self::route( '/account' ), array( 'idToken' => $token ) );
		$this->assertSame( 200, $again['status'], 'the refused request did not use the token: ' . $again['raw'] );
	}

	public function test_unlink_keeps_the_account_without_its_link_and_ends_every_session(): void {
		self::allow();
		$session = self::member();
		$this->assertSame( 'unlink', self::offered( $session ) );
		$other = \WP_Session_Tokens::get_instance( $session['id'] )->create( time() + HOUR_IN_SECONDS );

		$result = self::delete( $session );
		$this->assertSame( 200, $result['status'], $result['raw'] );
		$this->assertSame( array( 'deleted' => false, 'unlinked' => true ), $result['body'] );
		self::assertNotCached( $result );
		$this->assertFalse( self::sets_logged_in_cookie( $result ) );
		$this->assertSame( '1', $result['cookies']['cognito_blocks_signed_out'] ?? null );

		$this->assertTrue( self::exists( $session['id'] ) );
		foreach ( Identity::META_KEYS as $key ) {
			$this->assertSame( '', get_user_meta( $session['id'], $key, true ), $key );
		}
		$this->assertFalse( self::session_alive( $session ) );
		$this->assertFalse( \WP_Session_Tokens::get_instance( $session['id'] )->verify( $other ), 'every session ended' );
	}

	public function test_delete_gives_the_content_to_the_reassign_account(): void {
		$heir = wp_insert_user( array( 'user_login' => 'heir' . bin2hex( random_bytes( 4 ) ), 'user_pass' => wp_generate_password(), 'role' => 'author' ) );
		$this->assertIsInt( $heir );
		self::remember_account( $heir );
		self::allow( array( 'deleted_account' => 'delete', 'deleted_account_reassign' => $heir ) );
		$session = self::member();
		$post    = self::post_by( $session['id'] );
		$this->assertSame( 'delete', self::offered( $session ) );

		$result = self::delete( $session );
		$this->assertSame( 200, $result['status'], $result['raw'] );
		$this->assertSame( array( 'deleted' => true, 'unlinked' => true ), $result['body'] );
		$this->assertFalse( self::exists( $session['id'] ) );
		clean_post_cache( $post );
		$this->assertSame( (string) $heir, get_post( $post )?->post_author );
		$this->assertSame( array(), Identity::users_with( Identity::key( self::$jwks->issuer(), $session['sub'] ) ) );
		wp_delete_post( $post, true );
	}

	public function test_without_a_reassign_account_only_an_account_without_content_is_deleted(): void {
		foreach ( array( 0, 999999999 ) as $reassign ) {
			self::allow( array( 'deleted_account' => 'delete', 'deleted_account_reassign' => $reassign ) );
			$session = self::member();
			$post    = self::post_by( $session['id'] );
			$this->assertNull( self::offered( $session ), 'reassign ' . $reassign );

			$refused = self::delete( $session );
			$this->assertSame( 409, $refused['status'], $refused['raw'] );
			$this->assertSame( 'cognito_blocks_account_has_content', $refused['body']['code'] );
			$this->assertTrue( self::exists( $session['id'] ) );
			$this->assertTrue( self::session_alive( $session ), 'a refusal signs nobody out' );
			wp_delete_post( $post, true );
		}

		$empty = self::member();
		$this->assertSame( 'delete', self::offered( $empty ) );
		$result = self::delete( $empty );
		$this->assertSame( 200, $result['status'], $result['raw'] );
		$this->assertSame( array( 'deleted' => true, 'unlinked' => true ), $result['body'] );
		$this->assertFalse( self::exists( $empty['id'] ) );
	}

	public function test_the_token_must_prove_a_sign_in_made_just_now_by_this_identity(): void {
		self::allow();
		$session = self::member();

		$stale = self::delete( $session, array( 'auth_time' => time() - HOUR_IN_SECONDS ) );
		$this->assertSame( 401, $stale['status'], $stale['raw'] );
		$this->assertSame( 'cognito_blocks_invalid_token', $stale['body']['code'] );

		$other = self::delete( $session, array( 'sub' => 'sub-someone-else-' . bin2hex( random_bytes( 4 ) ) ) );
		$this->assertSame( 403, $other['status'], $other['raw'] );
		$this->assertSame( 'cognito_blocks_wrong_user', $other['body']['code'] );

		$token = self::$jwks->token( array( 'sub' => $session['sub'] ) );
		$this->assertSame( 200, self::sign_in( $token )['status'], 'the token opened a session' );
		$used = self::as_signed_in( $session, 'DELETE', self::route( '/account' ), array( 'idToken' => $token ) );
		$this->assertSame( 401, $used['status'], 'a used token is used: ' . $used['raw'] );

		$this->assertTrue( self::exists( $session['id'] ) );
		$this->assertTrue( Identity::is_bound_to( $session['id'], self::$jwks->issuer(), $session['sub'] ) );
		$this->assertTrue( self::session_alive( $session ) );
	}

	public function test_an_administrator_or_an_editor_cannot_delete_their_account_here(): void {
		self::allow( array( 'deleted_account' => 'delete' ) );
		foreach ( array( 'administrator', 'editor' ) as $role ) {
			$session = self::linked( $role );
			$this->assertNull( self::offered( $session ), $role );
			$result = self::delete( $session );
			$this->assertSame( 403, $result['status'], $role . ': ' . $result['raw'] );
			$this->assertSame( 'cognito_blocks_account_protected', $result['body']['code'], $role );
			$this->assertTrue( self::exists( $session['id'] ), $role );
			$this->assertTrue( Identity::is_bound_to( $session['id'], self::$jwks->issuer(), $session['sub'] ), $role );
		}
	}

	public function test_only_a_real_delete_with_the_nonce_from_this_site(): void {
		self::allow();
		$session = self::member();
		$body    = array( 'idToken' => self::$jwks->token( array( 'sub' => $session['sub'] ) ) );
		$nonce   = self::nonce( $session );

		$no_nonce = self::as_signed_in( $session, 'DELETE', self::route( '/account' ), $body, array( 'X-WP-Nonce' => '' ) );
		$this->assertSame( 401, $no_nonce['status'], $no_nonce['raw'] );
		$this->assertSame( 'cognito_blocks_not_signed_in', $no_nonce['body']['code'] );
		$override = self::as_signed_in( $session, 'POST', self::route( '/account' ) . '?_method=DELETE', $body, array( 'X-WP-Nonce' => $nonce ) );
		$this->assertSame( 405, $override['status'], $override['raw'] );
		$this->assertSame( 'cognito_blocks_method_not_allowed', $override['body']['code'] );
		$this->assertSame( 'DELETE', $override['headers']['allow'] ?? null );
		$cross = self::as_signed_in( $session, 'DELETE', self::route( '/account' ), $body, array( 'X-WP-Nonce' => $nonce, 'Origin' => 'https://evil.example' ) );
		$this->assertSame( 403, $cross['status'], $cross['raw'] );
		$this->assertSame( 'cognito_blocks_bad_origin', $cross['body']['code'] );

		$this->assertTrue( self::exists( $session['id'] ) );
		$this->assertTrue( self::session_alive( $session ) );
		$this->assertSame( 200, self::as_signed_in( $session, 'DELETE', self::route( '/account' ), $body, array( 'X-WP-Nonce' => $nonce ) )['status'] );
	}

	public function test_the_deleted_action_gets_the_id_claims_and_mode(): void {
		self::allow( array( 'deleted_account' => 'delete' ) );
		$session = self::member();
		$seen    = array();
		$listen  = static function ( int $user_id, array $claims, string $mode ) use ( &$seen ): void {
			$seen[] = array( $user_id, $claims['sub'], $mode );
		};
		add_action( 'cognito_blocks_account_deleted', $listen, 10, 3 );
		try {
			$response = self::dispatch( $session['id'], 'DELETE', '/account', array( 'idToken' => self::$jwks->token( array( 'sub' => $session['sub'] ) ) ) );
		} finally {
			remove_action( 'cognito_blocks_account_deleted', $listen, 10 );
		}
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( array( array( $session['id'], $session['sub'], 'delete' ) ), $seen );
		$this->assertFalse( self::exists( $session['id'] ) );
	}
}
