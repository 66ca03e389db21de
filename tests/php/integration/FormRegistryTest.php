<?php
/**
 * The form registry is the one list of forms: every surface (block, shortcode, wp-login.php, mount point) follows
 * it, and a form added to it alone appears on all of them.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Integration;

use CognitoBlocks\Forms\Registry;
use PHPUnit\Framework\TestCase;
use WP_Block_Type_Registry;

final class FormRegistryTest extends TestCase {

	public static function setUpBeforeClass(): void {
		if ( ! function_exists( 'do_blocks' ) ) {
			self::markTestSkipped( 'Needs WordPress (WP_ROOT).' );
		}
	}

	public function test_each_built_in_form_is_a_block_a_shortcode_and_a_login_screen(): void {
		$this->assertSame( array( 'login', 'register', 'reset-password', 'sso-button', 'profile' ), array_keys( Registry::all() ) );
		foreach ( Registry::all() as $name => $form ) {
			$block = WP_Block_Type_Registry::get_instance()->get_registered( 'cognito-blocks/' . $name );
			$this->assertNotNull( $block, $name );
			$this->assertIsCallable( $block->render_callback, $name );
			$this->assertTrue( shortcode_exists( $form->shortcode() ), $form->shortcode() );
		}
		$this->assertSame( 'cognito_reset_password', Registry::get( 'reset-password' )?->shortcode() );
		$this->assertSame( 'login', Registry::for_login_action( 'login' )?->name );
		$this->assertSame( 'reset-password', Registry::for_login_action( 'lostpassword' )?->name );
		$this->assertSame( 'reset-password', Registry::for_login_action( 'retrievepassword' )?->name );
		$this->assertSame( 'register', Registry::for_login_action( 'register' )?->name );
		$this->assertNull( Registry::for_login_action( 'rp' ) );
		$this->assertNull( Registry::get( 'nope' ) );
	}

	public function test_a_form_added_through_the_registry_alone_is_a_block_a_shortcode_and_a_mount_point(): void {
		$script = dirname( __DIR__ ) . '/fixtures/throwaway-form/check.php';
		$output = array();
		$status = 0;
		exec( escapeshellarg( PHP_BINARY ) . ' ' . escapeshellarg( $script ) . ' 2>&1', $output, $status );
		$text = implode( "\n", $output );
		$this->assertSame( 0, $status, $text );
		$seen = json_decode( (string) end( $output ), true );
		$this->assertIsArray( $seen, $text );

		$this->assertSame( array( 'login', 'register', 'reset-password', 'sso-button', 'profile', 'throwaway' ), $seen['forms'] );
		$this->assertTrue( $seen['block'], 'registered as the block cognito-blocks/throwaway with the shared render callback' );
		$this->assertTrue( $seen['shortcode'], '[cognito_throwaway] exists' );
		$this->assertFalse( $seen['login'], 'it replaces no wp-login.php screen' );

		$this->assertStringContainsString( 'wp-block-cognito-blocks-throwaway', $seen['blockHtml'] );
		$this->assertSame(
			array(
				'greeting' => 'Hi there',
				'count'    => 7,
				'tone'     => 'plain',
			),
			LoginHttp::mount_config( $seen['blockHtml'], 'throwaway' )['attributes'] ?? null
		);

		// Shortcode strings typed from its block.json; a value outside the enum falls back to the default.
		$this->assertSame(
			array(
				'greeting' => 'Howdy',
				'count'    => 5,
				'tone'     => 'plain',
			),
			LoginHttp::mount_config( $seen['shortHtml'], 'throwaway' )['attributes'] ?? null
		);
	}
}
