<?php
/**
 * HTTP helpers for the wp-login.php integration tests: requests to the site at WP_URL, settings swapped in the
 * shared database for the duration of a test class, and accounts with a known WordPress password.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Integration;

use CognitoBlocks\Settings\Settings;
use CognitoBlocks\Users\Identity;

final class LoginHttp {

	private static mixed $saved_settings = false;

	private static mixed $saved_register = false;

	public static function url( string $path = '/' ): string {
		return rtrim( (string) getenv( 'WP_URL' ), '/' ) . $path;
	}

	/**
	 * Configures the plugin (keeping the stack's emulator settings when it has them) and remembers what to restore.
	 *
	 * @param array<string,mixed> $changes Settings to change.
	 */
	public static function configure( array $changes = array() ): void {
		if ( false === self::$saved_settings ) {
			self::$saved_settings = get_option( Settings::OPTION, array() );
			self::$saved_register = get_option( 'users_can_register' );
		}
		$base = is_array( self::$saved_settings ) ? self::$saved_settings : array();
		if ( ! Settings::resolve( $base, static fn() => null )->is_configured() ) {
			$base = array_merge( $base, array( 'user_pool_id' => 'us-east-1_LoginTest', 'client_id' => 'logintestclient' ) );
		}
		update_option( Settings::OPTION, array_merge( $base, $changes ) );
		wp_cache_flush();
	}

	public static function restore(): void {
		if ( false === self::$saved_settings ) {
			return;
		}
		update_option( Settings::OPTION, self::$saved_settings );
		update_option( 'users_can_register', self::$saved_register );
		self::$saved_settings = false;
		wp_cache_flush();
	}

	/**
	 * Creates an account with a known WordPress password, optionally bound to a Cognito identity.
	 *
	 * @return array{id:int,login:string,password:string}
	 */
	public static function user( string $role, bool $linked ): array {
		$login    = 'lg' . bin2hex( random_bytes( 5 ) );
		$password = 'Pw-' . bin2hex( random_bytes( 10 ) );
		$id       = wp_insert_user(
			array(
				'user_login' => $login,
				'user_email' => $login . '@example.test',
				'user_pass'  => $password,
				'role'       => $role,
			)
		);
		if ( ! is_int( $id ) ) {
			throw new \RuntimeException( 'could not create the test user' );
		}
		if ( $linked ) {
			update_user_meta( $id, Identity::META_KEY, Identity::key( 'https://issuer.example.test/pool', 'sub-' . $login ) );
		}
		return array( 'id' => $id, 'login' => $login, 'password' => $password );
	}

	/**
	 * One request; redirects are not followed, so a sign-in shows as its 302 and cookies.
	 *
	 * @param array<string,string>|string|null $body    Form fields, a raw body, or null for GET.
	 * @param array<int,string>                $headers Header lines.
	 * @return array{status:int,headers:string,body:string}
	 */
	public static function request( string $path, array|string|null $body = null, array $headers = array() ): array {
		$curl = curl_init( self::url( $path ) );
		$options = array(
			CURLOPT_RETURNTRANSFER => true,
			CURLOPT_HEADER         => true,
			CURLOPT_TIMEOUT        => 30,
			CURLOPT_HTTPHEADER     => $headers,
		);
		if ( null !== $body ) {
			$options[ CURLOPT_POST ]       = true;
			$options[ CURLOPT_POSTFIELDS ] = is_array( $body ) ? http_build_query( $body ) : $body;
		}
		curl_setopt_array( $curl, $options );
		$raw    = (string) curl_exec( $curl );
		$status = (int) curl_getinfo( $curl, CURLINFO_RESPONSE_CODE );
		$size   = (int) curl_getinfo( $curl, CURLINFO_HEADER_SIZE );
		curl_close( $curl );
		return array( 'status' => $status, 'headers' => substr( $raw, 0, $size ), 'body' => substr( $raw, $size ) );
	}

	/**
	 * Whether a response set WordPress's logged-in cookie (to a value, not the expiry that clears it).
	 *
	 * @param array{headers:string} $response Response.
	 */
	public static function signed_in( array $response ): bool {
		return 1 === preg_match( '/^set-cookie:\s*' . preg_quote( LOGGED_IN_COOKIE, '/' ) . '=(?!deleted|;|\s)/mi', $response['headers'] );
	}

	/**
	 * The decoded data-config of the mount point of a form in a page.
	 *
	 * @return array<string,mixed>|null
	 */
	public static function mount_config( string $html, string $form ): ?array {
		if ( ! preg_match( '/data-cognito-blocks="' . preg_quote( $form, '/' ) . '" data-config="([^"]*)"/', $html, $match ) ) {
			return null;
		}
		$config = json_decode( html_entity_decode( $match[1], ENT_QUOTES ), true );
		return is_array( $config ) ? $config : null;
	}
}
