<?php
/**
 * Cognito's answers to a refresh, read as keep / end / grace.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Unit\Sessions;

use CognitoBlocks\Sessions\Outcome;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;

final class OutcomeTest extends TestCase {

	/**
	 * Status, Cognito's error body, and what it means.
	 *
	 * @return array<string,array{0:int,1:array<string,string>,2:string,3:string}>
	 */
	public static function answers(): array {
		return array(
			'refresh token revoked (global sign-out)' => array(
				400,
				array(
					'__type'  => 'NotAuthorizedException',
					'message' => 'Refresh Token has been revoked',
				),
				Outcome::END,
				Outcome::REVOKED,
			),
			'user disabled'                           => array(
				400,
				array(
					'__type'  => 'NotAuthorizedException',
					'message' => 'User is disabled.',
				),
				Outcome::END,
				Outcome::DISABLED,
			),
			'refresh token expired'                   => array(
				400,
				array(
					'__type'  => 'NotAuthorizedException',
					'message' => 'Refresh Token has expired',
				),
				Outcome::END,
				Outcome::EXPIRED,
			),
			'invalid refresh token'                   => array(
				400,
				array(
					'__type'  => 'NotAuthorizedException',
					'message' => 'Invalid Refresh Token',
				),
				Outcome::END,
				Outcome::REVOKED,
			),
			'user deleted'                            => array(
				400,
				array(
					'__type'  => 'UserNotFoundException',
					'message' => 'User does not exist.',
				),
				Outcome::END,
				Outcome::DELETED,
			),
			'namespaced type'                         => array( 400, array( '__type' => 'com.amazonaws.cognito#UserNotFoundException' ), Outcome::END, Outcome::DELETED ),
			'password reset required'                 => array( 400, array( '__type' => 'PasswordResetRequiredException' ), Outcome::END, Outcome::REVOKED ),
			'throttled'                               => array( 400, array( '__type' => 'TooManyRequestsException' ), Outcome::UNREACHABLE, '' ),
			'Cognito error'                           => array( 500, array( '__type' => 'InternalErrorException' ), Outcome::UNREACHABLE, '' ),
			'gateway error page'                      => array( 502, array(), Outcome::UNREACHABLE, '' ),
			'no answer'                               => array( 0, array(), Outcome::UNREACHABLE, '' ),
			'a request Cognito could not read'        => array( 400, array( '__type' => 'InvalidParameterException' ), Outcome::UNREACHABLE, '' ),
			'unknown client (misconfigured site)'     => array( 400, array( '__type' => 'ResourceNotFoundException' ), Outcome::UNREACHABLE, '' ),
		);
	}

	/**
	 * @param int                  $status HTTP status.
	 * @param array<string,string> $body   Error body.
	 * @param string               $kind   Expected kind.
	 * @param string               $reason Expected reason.
	 */
	#[DataProvider( 'answers' )]
	public function test_each_answer_means_keep_end_or_grace( int $status, array $body, string $kind, string $reason ): void {
		$outcome = Outcome::from_error( $status, $body );
		$this->assertSame( $kind, $outcome->kind );
		$this->assertSame( $reason, $outcome->reason );
	}
}
