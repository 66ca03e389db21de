<?php
/**
 * The network layer of the settings: resolution order and what a site stores as its overrides.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Unit\Settings;

use CognitoBlocks\Settings\Fields;
use CognitoBlocks\Settings\Network;
use CognitoBlocks\Settings\Sanitizer;
use CognitoBlocks\Settings\Settings;
use PHPUnit\Framework\TestCase;

final class NetworkTest extends TestCase {

	private const NETWORK = array(
		'user_pool_id'    => 'eu-west-1_NetPool',
		'client_id'       => 'networkclient1',
		'creation_policy' => 'link',
		'leeway'          => 30,
	);

	public function test_constant_beats_site_override_beats_network_default_beats_field_default(): void {
		$constants = array( 'COGNITO_BLOCKS_CLIENT_ID' => 'pinnedclient1' );
		$config    = Settings::resolve(
			array(
				'client_id'       => 'siteclient1',
				'creation_policy' => 'create',
			),
			static fn( string $name ) => $constants[ $name ] ?? null,
			Sanitizer::sanitize( self::NETWORK )
		);
		$this->assertSame( 'pinnedclient1', $config->client_id(), 'constant over the site override' );
		$this->assertSame( 'create', $config->creation_policy(), 'site override over the network default' );
		$this->assertSame( 'eu-west-1_NetPool', $config->user_pool_id(), 'network default where the site says nothing' );
		$this->assertSame( 30, $config->leeway() );
		$this->assertSame( 600, $config->max_token_age(), 'field default where the network says nothing' );
		$this->assertSame( array( 'client_id' ), $config->pinned() );
	}

	public function test_without_a_network_layer_resolution_is_as_on_a_single_site(): void {
		$stored = Sanitizer::sanitize( array( 'client_id' => 'siteclient1' ) );
		$none   = static fn() => null;
		$this->assertSame( Settings::resolve( $stored, $none )->all(), Settings::resolve( $stored, $none, array() )->all() );
		$this->assertSame( $stored, Settings::resolve( $stored, $none )->all() );
	}

	public function test_saving_the_whole_form_unchanged_overrides_nothing(): void {
		$inherited = Sanitizer::sanitize( self::NETWORK );
		$this->assertSame( array(), Network::overrides( array(), $inherited, $inherited ) );
	}

	public function test_a_changed_setting_becomes_an_override_and_stays_one(): void {
		$inherited = Sanitizer::sanitize( self::NETWORK );
		$submitted = array_merge( $inherited, array( 'creation_policy' => 'deny' ) );
		$overrides = Network::overrides( array(), $submitted, $inherited );
		$this->assertSame( array( 'creation_policy' => 'deny' ), $overrides );

		// Set back to the network's value, it stays the site's own until the site asks to inherit it.
		$this->assertSame( array( 'creation_policy' => 'link' ), Network::overrides( $overrides, $inherited, $inherited ) );
	}

	public function test_a_setting_left_out_inherits_and_overrides_are_sanitised(): void {
		$inherited = Sanitizer::sanitize( self::NETWORK );
		$overrides = Network::overrides(
			array(
				'creation_policy' => 'deny',
				'leeway'          => 10,
			),
			array(
				'leeway'       => '9999',
				'not_a_key'    => 'x',
				'default_role' => 'Editor',
			),
			$inherited
		);
		$this->assertSame(
			array(
				'default_role' => 'editor',
				'leeway'       => 300,
			),
			$overrides
		);
		$this->assertSame( array(), array_diff_key( $overrides, Fields::all() ) );
	}
}
