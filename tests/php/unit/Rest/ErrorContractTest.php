<?php
/**
 * The session endpoint's error codes against contract/session-errors.json, which the browser reads.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Unit\Rest;

use CognitoBlocks\Users\LoginDenied;
use PHPUnit\Framework\TestCase;

/**
 * Every code php/Rest can answer with (its WP_Error literals, and every LoginDenied code the REST layer passes
 * on) is in the contract with the status PHP sends; the contract lists no code PHP never sends.
 * tests/unit/auth/error-contract.test.ts checks the other half: each contract code has a browser message.
 */
final class ErrorContractTest extends TestCase {

	/**
	 * The contract's codes.
	 *
	 * @return array<string,array{status:int,browser:string,retryable:bool}>
	 */
	private static function contract(): array {
		$json = file_get_contents( dirname( __DIR__, 4 ) . '/contract/session-errors.json' );
		$data = json_decode( (string) $json, true, 512, JSON_THROW_ON_ERROR );
		return $data['codes'];
	}

	/**
	 * Codes of `new \WP_Error( 'cognito_blocks_…', …, array( 'status' => N ) )` in php/Rest, with their status.
	 *
	 * @return array<string,int|null> Code => status (null when the status is not a literal in the call).
	 */
	private static function emitted_literals(): array {
		$codes = array();
		foreach ( glob( dirname( __DIR__, 4 ) . '/php/Rest/*.php' ) as $file ) {
			$source = (string) file_get_contents( $file );
			preg_match_all( "/new \\\\?WP_Error\\(\\s*'(cognito_blocks_[a-z_]+)'(.*?)\\);/s", $source, $matches, PREG_SET_ORDER );
			foreach ( $matches as $match ) {
				$status              = preg_match( "/'status'\\s*=>\\s*(\\d{3})/", $match[2], $found ) ? (int) $found[1] : null;
				$codes[ $match[1] ] = $status;
			}
		}
		return $codes;
	}

	/**
	 * The codes a LoginDenied carries (Errors::login_denied() answers with them as they are).
	 *
	 * @return list<string>
	 */
	private static function denial_codes(): array {
		return array_values( ( new \ReflectionClass( LoginDenied::class ) )->getConstants() );
	}

	public function test_the_scan_finds_the_endpoint_codes(): void {
		$literals = self::emitted_literals();
		$this->assertArrayHasKey( 'cognito_blocks_invalid_token', $literals );
		$this->assertSame( 401, $literals['cognito_blocks_invalid_token'] );
		$this->assertContains( 'cognito_blocks_creation_disabled', self::denial_codes() );
	}

	public function test_every_code_php_sends_is_in_the_contract_with_its_status(): void {
		$contract = self::contract();
		foreach ( self::emitted_literals() as $code => $status ) {
			$this->assertArrayHasKey( $code, $contract, "php/Rest sends $code, which contract/session-errors.json does not list" );
			if ( null !== $status ) {
				$this->assertSame( $status, $contract[ $code ]['status'], "status of $code" );
			}
		}
		foreach ( self::denial_codes() as $code ) {
			$this->assertArrayHasKey( $code, $contract, "LoginDenied carries $code, which contract/session-errors.json does not list" );
			$expected = LoginDenied::BUSY === $code ? 503 : 403;
			$this->assertSame( $expected, $contract[ $code ]['status'], "status of $code" );
		}
	}

	public function test_the_contract_lists_only_codes_php_sends(): void {
		$sent = array_merge( array_keys( self::emitted_literals() ), self::denial_codes() );
		foreach ( array_keys( self::contract() ) as $code ) {
			$this->assertContains( $code, $sent, "contract/session-errors.json lists $code, which php/ never sends" );
		}
	}

	public function test_retry_is_offered_only_for_throttling_and_outages(): void {
		foreach ( self::contract() as $code => $entry ) {
			if ( $entry['retryable'] ) {
				$this->assertContains( $entry['status'], array( 429, 503 ), "$code is retryable" );
			} else {
				// A 503 that waiting does not mend (the site is not configured) is not retryable; a 429 always is.
				$this->assertNotSame( 429, $entry['status'], "$code is rate limiting but not retryable" );
			}
		}
	}
}
