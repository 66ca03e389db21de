<?php
/**
 * GET and PUT /session, the profile form's calls, over HTTP against a real WordPress.
 *
 * Needs WordPress loaded by the integration bootstrap (WP_ROOT) and served at WP_URL, on the same database.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Integration;

use CognitoBlocks\Rest\SessionController;
use CognitoBlocks\Users\Identity;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/SessionHttp.php';

final class SessionSyncTest extends TestCase {

	use SessionHttp;

	/**
	 * Signs a new pool user in (Ada Lovelace, verified email, team blue), remembering the account for clean-up.
	 *
	 * @param array<string,mixed> $claims Claims to change.
	 * @return array{id:int,sub:string,cookie:string,logged_in:string}
	 */
	private static function member( array $claims = array() ): array {
		$name    = bin2hex( random_bytes( 4 ) );
		$session = self::open_session(
			$claims + array(
				'sub'              => 'sub-sync-' . $name,
				'email'            => 'sync-' . $name . '@example.com',
				'cognito:username' => 'ada-' . $name,
				'given_name'       => 'Ada',
				'family_name'      => 'Lovelace',
				'custom:team'      => 'blue',
			)
		);
		self::remember_account( $session['id'] );
		return $session;
	}

	/**
	 * PUTs a token of the session's identity (plus `$claims`) to /session.
	 *
	 * @param array{sub:string,cookie:string} $session Session.
	 * @param array<string,mixed>             $claims  Claims of the refreshed token.
	 * @param array<string,string>            $headers Headers to change.
	 * @return array{status:int,body:mixed,raw:string,headers:array<string,string>,cookies:array<string,string>}
	 */
	private static function put( array $session, array $claims = array(), array $headers = array() ): array {
		$token = self::$jwks->token( $claims + array( 'sub' => $session['sub'] ) );
		return self::as_signed_in( $session, 'PUT', self::route( '/session' ), array( 'idToken' => $token ), $headers );
	}

	private static function account( int $id ): \WP_User {
		clean_user_cache( $id );
		wp_cache_flush();
		$user = get_user_by( 'id', $id );
		self::assertInstanceOf( \WP_User::class, $user );
		return $user;
	}

	public function test_get_tells_whose_session_it_is_and_is_never_cached(): void {
		$session = self::member();
		$result  = self::as_signed_in( $session, 'GET', self::route( '/session' ) );
		$this->assertSame( 200, $result['status'], $result['raw'] );
		$this->assertSame(
			array(
				'userId'          => $session['id'],
				'displayName'     => 'Ada Lovelace',
				'linked'          => true,
				'sub'             => $session['sub'],
				'username'        => 'ada-' . substr( $session['sub'], strlen( 'sub-sync-' ) ),
				'email'           => 'sync-' . substr( $session['sub'], strlen( 'sub-sync-' ) ) . '@example.com',
				'accountDeletion' => null,
			),
			$result['body']
		);
		self::assertNotCached( $result );
	}

	public function test_get_of_an_account_without_a_link_says_so(): void {
		$login = 'local' . bin2hex( random_bytes( 4 ) );
		$id    = wp_insert_user( array( 'user_login' => $login, 'user_email' => $login . '@example.com', 'user_pass' => wp_generate_password(), 'display_name' => 'Local Person' ) );
		$this->assertIsInt( $id );
		self::remember_account( $id );
		// A link to another pool (the settings moved to a new one since) is no link to this one.
		update_user_meta( $id, Identity::META_SUB, 'sub-elsewhere' );
		update_user_meta( $id, Identity::META_KEY, Identity::key( 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Old', 'sub-elsewhere' ) );
		update_user_meta( $id, Identity::META_USERNAME, 'someone-elsewhere' );

		$result = self::as_signed_in( self::local_session( $id ), 'GET', self::route( '/session' ) );
		$this->assertSame( 200, $result['status'], $result['raw'] );
		$this->assertSame( array( $id, false, null, '', 'Local Person' ), array( $result['body']['userId'], $result['body']['linked'], $result['body']['sub'], $result['body']['username'], $result['body']['displayName'] ) );

		$put = self::put( self::local_session( $id ), array( 'sub' => 'sub-elsewhere' ) );
		$this->assertSame( 403, $put['status'], $put['raw'] );
		$this->assertSame( 'cognito_blocks_wrong_user', $put['body']['code'] );
	}

	public function test_without_the_nonce_or_a_session_get_and_put_are_401(): void {
		$session = self::member();
		foreach ( array( 'GET', 'PUT' ) as $method ) {
			$json     = 'PUT' === $method ? array( 'idToken' => self::$jwks->token( array( 'sub' => $session['sub'], 'given_name' => 'Never' ) ) ) : null;
			$no_nonce = self::as_signed_in( $session, $method, self::route( '/session' ), $json, array( 'X-WP-Nonce' => '' ) );
			$this->assertSame( 401, $no_nonce['status'], $method . ': ' . $no_nonce['raw'] );
			$this->assertSame( 'cognito_blocks_not_signed_in', $no_nonce['body']['code'] );
			$nobody = self::request( $method, self::route( '/session' ), null === $json ? null : (string) json_encode( $json ), array( 'Content-Type' => 'application/json', 'Origin' => self::$url ) );
			$this->assertSame( 401, $nobody['status'], $method . ': ' . $nobody['raw'] );
			$this->assertSame( 'cognito_blocks_not_signed_in', $nobody['body']['code'] );
		}
		$this->assertSame( 'Ada', self::account( $session['id'] )->first_name );
	}

	public function test_put_updates_the_names_and_mapped_meta_without_a_new_session(): void {
		$session = self::member();
		$result  = self::put( $session, array( 'given_name' => 'Augusta', 'family_name' => 'King', 'custom:team' => 'green' ) );
		$this->assertSame( 200, $result['status'], $result['raw'] );
		$this->assertSame( $session['id'], $result['body']['userId'] );
		$this->assertEqualsCanonicalizing( array( 'first_name', 'last_name', 'display_name', 'team' ), $result['body']['updated'] );
		$this->assertSame( 'Augusta King', $result['body']['displayName'] );
		self::assertNotCached( $result );
		$this->assertFalse( self::sets_logged_in_cookie( $result ), 'no new session' );
		$this->assertTrue( self::session_alive( $session ) );

		$user = self::account( $session['id'] );
		$this->assertSame( array( 'Augusta', 'King', 'Augusta King', 'green' ), array( $user->first_name, $user->last_name, $user->display_name, get_user_meta( $user->ID, 'team', true ) ) );

		$again = self::put( $session, array( 'given_name' => 'Augusta', 'family_name' => 'King', 'custom:team' => 'green' ) );
		$this->assertSame( 200, $again['status'], $again['raw'] );
		$this->assertSame( array(), $again['body']['updated'], 'an unchanged token writes nothing' );
	}

	public function test_put_takes_an_email_only_when_it_is_verified_and_nobody_else_s(): void {
		$session = self::member();
		$before  = self::account( $session['id'] )->user_email;
		$new     = 'new-' . bin2hex( random_bytes( 4 ) ) . '@example.com';

		$unverified = self::put( $session, array( 'email' => $new, 'email_verified' => false ) );
		$this->assertSame( 200, $unverified['status'], $unverified['raw'] );
		$this->assertNotContains( 'user_email', $unverified['body']['updated'] );
		$this->assertSame( $before, $unverified['body']['email'] );
		$this->assertSame( $before, self::account( $session['id'] )->user_email );

		$taken = self::member();
		$other = self::put( $session, array( 'email' => self::account( $taken['id'] )->user_email, 'email_verified' => true ) );
		$this->assertSame( 200, $other['status'], $other['raw'] );
		$this->assertSame( $before, self::account( $session['id'] )->user_email, 'another account\'s address is not taken' );

		$verified = self::put( $session, array( 'email' => $new, 'email_verified' => true ) );
		$this->assertSame( 200, $verified['status'], $verified['raw'] );
		$this->assertContains( 'user_email', $verified['body']['updated'] );
		$this->assertSame( $new, $verified['body']['email'] );
		$this->assertSame( $new, self::account( $session['id'] )->user_email );
	}

	public function test_a_token_of_another_identity_is_403_and_changes_nothing(): void {
		$session = self::member();
		$result  = self::put( $session, array( 'sub' => 'sub-someone-else-' . bin2hex( random_bytes( 4 ) ), 'given_name' => 'Mallory' ) );
		$this->assertSame( 403, $result['status'], $result['raw'] );
		$this->assertSame( 'cognito_blocks_wrong_user', $result['body']['code'] );
		$this->assertNotSame( '', $result['body']['message'] );
		$this->assertSame( array( 'Ada', 'blue' ), array( self::account( $session['id'] )->first_name, get_user_meta( $session['id'], 'team', true ) ) );
	}

	public function test_an_old_sign_in_is_accepted_but_every_other_check_stays(): void {
		$session = self::member();
		// Hours after the sign-in, far beyond max_token_age: a refreshed token keeps the sign-in's auth_time.
		$old = self::put( $session, array( 'auth_time' => time() - 6 * HOUR_IN_SECONDS, 'given_name' => 'Refreshed' ) );
		$this->assertSame( 200, $old['status'], $old['raw'] );
		$this->assertSame( 'Refreshed', self::account( $session['id'] )->first_name );

		foreach (
			array(
				'expired'            => array( 'exp' => time() - 4000 ),
				'another app client' => array( 'aud' => 'other' ),
				'an access token'    => array( 'token_use' => 'access' ),
				'a sign-in to come'  => array( 'auth_time' => time() + 4000 ),
			) as $what => $claims
		) {
			$result = self::put( $session, $claims + array( 'given_name' => 'Rejected' ) );
			$this->assertSame( 401, $result['status'], $what . ': ' . $result['raw'] );
			$this->assertSame( 'cognito_blocks_invalid_token', $result['body']['code'], $what );
		}

		$token  = self::$jwks->token( array( 'sub' => $session['sub'], 'given_name' => 'Once' ) );
		$first  = self::as_signed_in( $session, 'PUT', self::route( '/session' ), array( 'idToken' => $token ) );
		$replay = self::as_signed_in( $session, 'PUT', self::route( '/session' ), array( 'idToken' => $token ) );
		$this->assertSame( 200, $first['status'], $first['raw'] );
		$this->assertSame( 401, $replay['status'], 'a used token is used: ' . $replay['raw'] );
		$this->assertSame( 'Once', self::account( $session['id'] )->first_name );
	}

	public function test_put_is_served_only_as_a_real_put_with_the_token_in_a_same_site_json_body(): void {
		$session = self::member();
		$nonce   = self::nonce( $session );
		$token   = self::$jwks->token( array( 'sub' => $session['sub'], 'given_name' => 'Grace' ) );
		$body    = array( 'idToken' => $token );
		$headers = array( 'X-WP-Nonce' => $nonce );
		foreach (
			array(
				'POST ?_method=PUT'                   => array( 'POST', self::route( '/session' ) . '?_method=PUT', $headers ),
				'POST with X-HTTP-Method-Override'    => array( 'POST', self::route( '/session' ), $headers + array( 'X-HTTP-Method-Override' => 'PUT' ) ),
				'PUT ?_method=PUT'                    => array( 'PUT', self::route( '/session' ) . '?_method=PUT', $headers ),
				'PATCH'                               => array( 'PATCH', self::route( '/session' ), $headers ),
			) as $what => list( $method, $path, $extra )
		) {
			$result = self::as_signed_in( $session, $method, $path, $body, $extra );
			$this->assertSame( 'PATCH' === $method ? 404 : 405, $result['status'], $what . ': ' . $result['raw'] );
			if ( 'PATCH' !== $method ) {
				$this->assertSame( 'cognito_blocks_method_not_allowed', $result['body']['code'], $what );
				$this->assertSame( SessionController::ALLOW, $result['headers']['allow'] ?? null, $what );
			}
		}

		$cross = self::as_signed_in( $session, 'PUT', self::route( '/session' ), $body, $headers + array( 'Origin' => 'https://evil.example' ) );
		$this->assertSame( 403, $cross['status'], $cross['raw'] );
		$this->assertSame( 'cognito_blocks_bad_origin', $cross['body']['code'] );
		$query = self::as_signed_in( $session, 'PUT', self::route( '/session' ) . '?idToken=' . rawurlencode( $token ), array( 'idToken' => $token ), $headers );
		$this->assertSame( 400, $query['status'], $query['raw'] );
		$this->assertSame( 'Ada', self::account( $session['id'] )->first_name, 'none of them applied the token' );

		$real = self::as_signed_in( $session, 'PUT', self::route( '/session' ), $body, $headers );
		$this->assertSame( 200, $real['status'], 'the token was never used: ' . $real['raw'] );
		$this->assertSame( 'Grace', self::account( $session['id'] )->first_name );
	}

	public function test_rejected_tokens_sent_to_put_count_against_the_address_as_sign_ins_do(): void {
		$session = self::member();
		$nonce   = array( 'X-WP-Nonce' => self::nonce( $session ) );
		for ( $i = 0; $i < 5; $i++ ) {
			$this->assertSame( 401, self::put( $session, array( 'aud' => 'other' ), $nonce )['status'] );
			$this->assertSame( 401, self::sign_in( self::$jwks->token( array( 'aud' => 'other' ) ) )['status'] );
		}
		$limited = self::put( $session, array( 'aud' => 'other' ), $nonce );
		$this->assertSame( 429, $limited['status'], $limited['raw'] );
		$this->assertSame( 'cognito_blocks_rate_limited', $limited['body']['code'] );
		$this->assertSame( (string) $limited['body']['data']['retryAfter'], $limited['headers']['retry-after'] ?? null );
		$this->assertSame( 200, self::put( $session, array(), $nonce )['status'], 'a genuine token still passes' );
	}

	public function test_put_syncs_roles_when_sign_ins_do(): void {
		$session = self::member();
		$this->assertSame( array( 'subscriber' ), array_values( self::account( $session['id'] )->roles ) );
		$groups = array( 'cognito:groups' => array( 'editors' ) );

		$off = self::put( $session, $groups );
		$this->assertSame( 200, $off['status'], $off['raw'] );
		$this->assertSame( array( 'subscriber' ), array_values( self::account( $session['id'] )->roles ), 'role sync is off' );

		self::configure( array( 'sync_roles_on_login' => true ) );
		try {
			$on = self::put( $session, $groups );
		} finally {
			self::configure( array() );
		}
		$this->assertSame( 200, $on['status'], $on['raw'] );
		$this->assertContains( 'roles', $on['body']['updated'] );
		$this->assertSame( array( 'editor' ), array_values( self::account( $session['id'] )->roles ) );
	}

	public function test_the_synced_action_gets_the_account_claims_and_changes(): void {
		$session = self::member();
		$seen    = array();
		$listen  = static function ( \WP_User $account, array $claims, array $changes ) use ( &$seen ): void {
			$seen[] = array( $account->ID, $claims['sub'], $changes );
		};
		add_action( 'cognito_blocks_user_synced', $listen, 10, 3 );
		try {
			$response = self::dispatch( $session['id'], 'PUT', '/session', array( 'idToken' => self::$jwks->token( array( 'sub' => $session['sub'], 'nickname' => 'Countess' ) ) ) );
		} finally {
			remove_action( 'cognito_blocks_user_synced', $listen, 10 );
		}
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( array( array( $session['id'], $session['sub'], array( 'nickname' ) ) ), $seen );
	}
}
