<?php
/**
 * The refresh call PHP makes for revalidation: which operations it sends, how a rotating client is handled, and
 * how the answers read.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Integration;

use CognitoBlocks\Sessions\CognitoRefresh;
use CognitoBlocks\Sessions\Outcome;
use CognitoBlocks\Settings\Config;
use PHPUnit\Framework\TestCase;

final class CognitoRefreshTest extends TestCase {

	public static function setUpBeforeClass(): void {
		if ( ! function_exists( 'wp_json_encode' ) ) {
			self::markTestSkipped( 'Needs WordPress (WP_ROOT).' );
		}
	}

	/**
	 * A client whose transport answers from a list and records what was sent.
	 *
	 * @param list<array{status:int,body:string}> $answers Answers in order.
	 * @param list<array<string,mixed>>           $sent    Filled with what was sent.
	 */
	private static function client( array $answers, array &$sent ): CognitoRefresh {
		$config = new Config(
			array(
				'user_pool_id' => 'eu-west-1_Abc123',
				'client_id'    => 'client1',
			)
		);
		return new CognitoRefresh(
			$config,
			static function ( string $url, array $headers, string $body ) use ( &$answers, &$sent ): array {
				$sent[] = array(
					'url'    => $url,
					'target' => $headers['X-Amz-Target'],
					'body'   => json_decode( $body, true ),
				);
				return array_shift( $answers ) ?? array(
					'status' => 0,
					'body'   => '',
				);
			}
		);
	}

	public function test_a_plain_client_renews_with_refresh_token_auth_at_the_pools_regional_endpoint(): void {
		$sent    = array();
		$outcome = self::client( array( array( 'status' => 200, 'body' => '{"AuthenticationResult":{"IdToken":"id","AccessToken":"a"}}' ) ), $sent )->check( 'refresh-1' );
		$this->assertSame( Outcome::KEEP, $outcome->kind );
		$this->assertNull( $outcome->refresh_token );
		$this->assertCount( 1, $sent );
		$this->assertSame( 'https://cognito-idp.eu-west-1.amazonaws.com/', $sent[0]['url'] );
		$this->assertSame( 'AWSCognitoIdentityProviderService.InitiateAuth', $sent[0]['target'] );
		$this->assertSame(
			array(
				'AuthFlow'       => 'REFRESH_TOKEN_AUTH',
				'ClientId'       => 'client1',
				'AuthParameters' => array( 'REFRESH_TOKEN' => 'refresh-1' ),
			),
			$sent[0]['body']
		);
	}

	public function test_a_rotating_client_is_asked_with_get_tokens_from_refresh_token_and_the_new_token_is_kept(): void {
		$sent    = array();
		$outcome = self::client(
			array(
				array( 'status' => 400, 'body' => '{"__type":"InvalidParameterException","message":"REFRESH_TOKEN_AUTH flow not enabled for this client"}' ),
				array( 'status' => 200, 'body' => '{"AuthenticationResult":{"IdToken":"id","AccessToken":"a","RefreshToken":"refresh-2"}}' ),
			),
			$sent
		)->check( 'refresh-1' );
		$this->assertSame( 'AWSCognitoIdentityProviderService.GetTokensFromRefreshToken', $sent[1]['target'] );
		$this->assertSame(
			array(
				'ClientId'     => 'client1',
				'RefreshToken' => 'refresh-1',
			),
			$sent[1]['body']
		);
		$this->assertSame( Outcome::KEEP, $outcome->kind );
		$this->assertSame( 'refresh-2', $outcome->refresh_token, 'the rotated token replaces the stored one' );
	}

	public function test_it_reports_whose_grant_cognito_renewed(): void {
		$sent     = array();
		$segment  = static fn ( array $data ): string => rtrim( strtr( base64_encode( (string) wp_json_encode( $data ) ), '+/', '-_' ), '=' );
		$id_token = $segment( array( 'alg' => 'RS256' ) ) . '.' . $segment( array( 'sub' => 'sub-ada' ) ) . '.' . $segment( array( 's' ) );
		$outcome  = self::client( array( array( 'status' => 200, 'body' => (string) wp_json_encode( array( 'AuthenticationResult' => array( 'IdToken' => $id_token ) ) ) ) ), $sent )->check( 'r' );
		$this->assertSame( 'sub-ada', $outcome->sub );
	}

	public function test_refusals_end_and_failures_wait(): void {
		$sent = array();
		$this->assertSame( Outcome::DISABLED, self::client( array( array( 'status' => 400, 'body' => '{"__type":"NotAuthorizedException","message":"User is disabled."}' ) ), $sent )->check( 'r' )->reason );
		$this->assertSame( Outcome::UNREACHABLE, self::client( array(), $sent )->check( 'r' )->kind, 'no answer' );
		$this->assertSame( Outcome::UNREACHABLE, self::client( array( array( 'status' => 200, 'body' => '<html>proxy</html>' ) ), $sent )->check( 'r' )->kind, 'a 200 that is not Cognito' );
	}
}
