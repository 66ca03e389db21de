<?php
/**
 * What integration tests change on the shared test site, and put back.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Integration;

use CognitoBlocks\Settings\Settings;
use CognitoBlocks\Users\Identity;

/**
 * The plugin's settings are saved before a test class changes them and restored after it; the rejected-token
 * counter of 127.0.0.1 (every test request comes from there) is cleared so tests do not rate-limit each other.
 */
trait SiteState {

	/**
	 * The settings option as it was before the class ran (false: there was none).
	 *
	 * @var mixed
	 */
	private static mixed $saved_settings = false;

	/**
	 * Saves the settings, then stores `$settings` (when given) in their place.
	 *
	 * @param array<string,mixed>|null $settings New settings.
	 */
	private static function save_settings( ?array $settings = null ): void {
		self::$saved_settings = get_option( Settings::OPTION, false );
		if ( null !== $settings ) {
			update_option( Settings::OPTION, $settings );
		}
	}

	/**
	 * Puts the saved settings back.
	 */
	private static function restore_settings(): void {
		if ( false === self::$saved_settings ) {
			delete_option( Settings::OPTION );
		} else {
			update_option( Settings::OPTION, self::$saved_settings );
		}
	}

	/**
	 * Forgets the rejected tokens counted for 127.0.0.1.
	 */
	private static function forget_rejections(): void {
		global $wpdb;
		$wpdb->query( "DELETE FROM {$wpdb->options} WHERE option_name LIKE '%transient%cognito_blocks_rl_%'" );
		wp_cache_flush();
	}

	/**
	 * Asserts that simultaneous first sign-ins of one identity each signed in or were asked to come back (503),
	 * and that all that signed in got the same account, the only one bound to the identity.
	 *
	 * @param list<array{status:int,body:mixed,raw:string}> $results From all_at_once().
	 * @param string                                        $issuer  Token issuer.
	 * @param string                                        $sub     The identity's sub.
	 */
	private static function assert_one_account( array $results, string $issuer, string $sub ): void {
		$ids = array();
		foreach ( $results as $result ) {
			self::assertContains( $result['status'], array( 200, 503 ), $result['raw'] );
			if ( 200 === $result['status'] ) {
				$ids[] = $result['body']['userId'];
			}
		}
		self::assertNotEmpty( $ids );
		self::assertCount( 1, array_unique( $ids ) );
		global $wpdb;
		$count = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->usermeta} WHERE meta_key = %s AND meta_value = %s", Identity::META_KEY, Identity::key( $issuer, $sub ) ) );
		self::assertSame( 1, $count );
	}

	/**
	 * Runs curl handles at once (curl_multi), as many visitors or one attacker would, and closes them.
	 *
	 * @param list<\CurlHandle> $handles Prepared handles (CURLOPT_RETURNTRANSFER on).
	 * @return list<array{status:int,body:mixed,raw:string}>
	 */
	private static function all_at_once( array $handles ): array {
		$multi = curl_multi_init();
		foreach ( $handles as $curl ) {
			curl_multi_add_handle( $multi, $curl );
		}
		do {
			$status = curl_multi_exec( $multi, $running );
			if ( $running ) {
				curl_multi_select( $multi, 1.0 );
			}
		} while ( $running && CURLM_OK === $status );
		$results = array();
		foreach ( $handles as $curl ) {
			$raw       = (string) curl_multi_getcontent( $curl );
			$results[] = array(
				'status' => (int) curl_getinfo( $curl, CURLINFO_RESPONSE_CODE ),
				'body'   => json_decode( $raw, true ),
				'raw'    => $raw,
			);
			curl_multi_remove_handle( $multi, $curl );
			curl_close( $curl );
		}
		curl_multi_close( $multi );
		return $results;
	}
}
