<?php
/**
 * Tests of how a federated sign-in's provider is read from the ID token's `identities` claim.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Unit\Users;

use CognitoBlocks\Users\Identity;
use PHPUnit\Framework\TestCase;

final class IdentityProviderTest extends TestCase {

	public function test_a_user_of_the_pool_has_no_provider(): void {
		$this->assertNull( Identity::provider_of( array( 'sub' => 'abc' ) ) );
		$this->assertNull( Identity::provider_of( array( 'identities' => array() ) ) );
		$this->assertNull( Identity::provider_of( array( 'identities' => 'not json' ) ) );
		$this->assertNull( Identity::provider_of( array( 'identities' => array( array( 'providerName' => 42 ) ) ) ) );
	}

	public function test_the_primary_identity_names_the_provider(): void {
		$claims = array(
			'identities' => array(
				array(
					'providerName' => 'Google',
					'primary'      => 'false',
				),
				array(
					'providerName' => 'CorpSAML',
					'primary'      => 'true',
				),
			),
		);
		$this->assertSame( 'CorpSAML', Identity::provider_of( $claims ) );
	}

	public function test_the_claim_as_json_and_without_a_primary_gives_the_first(): void {
		$claims = array( 'identities' => '[{"providerName":"Google","userId":"1"},{"providerName":"Facebook"}]' );
		$this->assertSame( 'Google', Identity::provider_of( $claims ) );
	}
}
