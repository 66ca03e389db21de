<?php
/**
 * The Cognito emulator of the test stack, driven from integration tests: real SRP sign-ins (through
 * tests/support/emulator-sign-in.mjs) and admin operations on its pool (EMULATOR_URL, COGNITO_POOL_ID).
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Integration;

use CognitoBlocks\Users\Identity;

require_once __DIR__ . '/Process.php';

/**
 * Real SRP sign-ins against EMULATOR_URL (through tests/support/emulator-sign-in.mjs, which uses
 * amazon-cognito-identity-js), the emulator's admin operations, and POSTs of the ID token to the session endpoint.
 * post_token() and user_of() need the using class to set `$url` (the site) and `$emulator` (no trailing slash).
 */
trait EmulatorPool {

	private static string $url = '';

	private static string $emulator = '';

	/**
	 * The settings that point the site at the emulator's pool (from the stack's environment).
	 *
	 * @return array<string,string>
	 */
	private static function pool_settings(): array {
		return array(
			'user_pool_id' => (string) getenv( 'COGNITO_POOL_ID' ),
			'client_id'    => (string) getenv( 'COGNITO_CLIENT_ID' ),
			'region'       => (string) getenv( 'COGNITO_REGION' ),
			'endpoint'     => self::$emulator,
		);
	}

	/**
	 * Signs in against the emulator with SRP.
	 *
	 * @return array{idToken:string,accessToken:string}
	 */
	private static function sign_in_to_pool( string $username, string $password ): array {
		// The password goes through stdin, so it never shows in a process list.
		$run    = Process::run(
			array( 'node', dirname( __DIR__, 2 ) . '/support/emulator-sign-in.mjs' ),
			(string) json_encode( array( 'username' => $username, 'password' => $password ) )
		);
		$tokens = json_decode( $run['out'], true );
		if ( 0 !== $run['code'] || ! is_array( $tokens ) || ! is_string( $tokens['idToken'] ?? null ) ) {
			self::fail( 'Sign-in against the emulator failed: ' . $run['err'] . $run['out'] );
		}
		return $tokens;
	}

	/**
	 * An admin operation on one user; the emulator accepts any SigV4-style Authorization header from loopback.
	 *
	 * @param array<string,mixed> $input Further input.
	 */
	private static function admin( string $operation, string $username, array $input ): void {
		$input  = array(
			'UserPoolId' => (string) getenv( 'COGNITO_POOL_ID' ),
			'Username'   => $username,
		) + $input;
		$result = self::http(
			rtrim( (string) getenv( 'EMULATOR_URL' ), '/' ) . '/',
			(string) json_encode( $input ),
			array(
				'Content-Type: application/x-amz-json-1.1',
				'X-Amz-Target: AWSCognitoIdentityProviderService.' . $operation,
				'Authorization: AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/cognito-idp/aws4_request, SignedHeaders=host, Signature=0',
			)
		);
		if ( 200 !== $result['status'] ) {
			self::fail( $operation . ' failed: ' . $result['raw'] );
		}
	}

	/**
	 * @param array<string,string> $attributes Name => value.
	 * @return array{UserAttributes:list<array{Name:string,Value:string}>}
	 */
	private static function attributes( array $attributes ): array {
		$list = array();
		foreach ( $attributes as $name => $value ) {
			$list[] = array(
				'Name'  => $name,
				'Value' => $value,
			);
		}
		return array( 'UserAttributes' => $list );
	}

	/**
	 * POSTs a token to the session endpoint from the site's own origin.
	 *
	 * @return array{status:int,body:mixed,raw:string}
	 */
	private static function post_token( string $token ): array {
		return self::http(
			self::$url . '/wp-json/cognito-blocks/v1/session',
			(string) json_encode( array( 'idToken' => $token ) ),
			array( 'Content-Type: application/json', 'Origin: ' . self::$url )
		);
	}

	/**
	 * The WordPress account linked to a pool user.
	 */
	private static function user_of( string $sub ): ?\WP_User {
		$issuer = self::$emulator . '/' . (string) getenv( 'COGNITO_POOL_ID' );
		$users  = get_users(
			array(
				'meta_key'   => Identity::META_KEY,
				'meta_value' => Identity::key( $issuer, $sub ),
			)
		);
		return $users[0] ?? null;
	}

	/**
	 * A new confirmed pool user with a verified email, in `$groups`.
	 *
	 * @param list<string>         $groups     Groups to add the user to.
	 * @param array<string,string> $attributes Further attributes.
	 * @return array{username:string,password:string}
	 */
	private static function new_pool_user( array $groups = array(), array $attributes = array() ): array {
		$username = 'pool-' . bin2hex( random_bytes( 4 ) ) . '@example.test';
		$password = 'Pw-' . bin2hex( random_bytes( 8 ) ) . '-A1!';
		self::admin( 'AdminCreateUser', $username, array( 'MessageAction' => 'SUPPRESS' ) + self::attributes( array( 'email' => $username, 'email_verified' => 'true' ) + $attributes ) );
		self::admin( 'AdminSetUserPassword', $username, array( 'Password' => $password, 'Permanent' => true ) );
		foreach ( $groups as $group ) {
			self::admin( 'AdminAddUserToGroup', $username, array( 'GroupName' => $group ) );
		}
		return array(
			'username' => $username,
			'password' => $password,
		);
	}

	/**
	 * One request.
	 *
	 * @param string            $url     Address.
	 * @param string|null       $body    Body, or null for none.
	 * @param list<string>      $headers Header lines.
	 * @param string            $method  HTTP method.
	 * @param array<int,mixed>  $options More curl options (a cookie jar, say).
	 * @return array{status:int,body:mixed,raw:string}
	 */
	private static function http( string $url, ?string $body, array $headers, string $method = 'POST', array $options = array() ): array {
		$curl = curl_init( $url );
		curl_setopt_array(
			$curl,
			array(
				CURLOPT_CUSTOMREQUEST  => $method,
				CURLOPT_HTTPHEADER     => $headers,
				CURLOPT_RETURNTRANSFER => true,
				CURLOPT_TIMEOUT        => 30,
			) + ( null === $body ? array() : array( CURLOPT_POSTFIELDS => $body ) ) + $options
		);
		$raw    = (string) curl_exec( $curl );
		$status = (int) curl_getinfo( $curl, CURLINFO_RESPONSE_CODE );
		curl_close( $curl );
		return array(
			'status' => $status,
			'body'   => json_decode( $raw, true ),
			'raw'    => $raw,
		);
	}

	/**
	 * The payload of a JWT, unverified (the test's own bookkeeping).
	 *
	 * @return array<string,mixed>
	 */
	private static function claims( string $token ): array {
		$parts  = explode( '.', $token );
		$claims = json_decode( (string) base64_decode( strtr( $parts[1] ?? '', '-_', '+/' ) ), true );
		return is_array( $claims ) ? $claims : array();
	}
}
