<?php
/**
 * Blocks and shortcodes rendered by the real WordPress: the mount point, its configuration, and the signed-in
 * view.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Integration;

use CognitoBlocks\Forms\Registry;
use CognitoBlocks\Render\Assets;
use CognitoBlocks\Render\FormRenderer;
use CognitoBlocks\Render\Shortcodes;
use CognitoBlocks\Settings\Settings;
use PHPUnit\Framework\TestCase;

final class RenderTest extends TestCase {

	public static function setUpBeforeClass(): void {
		if ( ! function_exists( 'do_blocks' ) ) {
			self::markTestSkipped( 'Needs WordPress (WP_ROOT).' );
		}
	}

	protected function setUp(): void {
		wp_set_current_user( 0 );
	}

	protected function tearDown(): void {
		wp_set_current_user( 0 );
	}

	/**
	 * The decoded data-config of the first mount point in the markup.
	 *
	 * @param string $html Rendered markup.
	 * @return array<string,mixed>
	 */
	private static function config( string $html ): array {
		self::assertSame( 1, preg_match( '/data-config="([^"]*)"/', $html, $match ), $html );
		$config = json_decode( html_entity_decode( $match[1], ENT_QUOTES ), true );
		self::assertIsArray( $config );
		return $config;
	}

	public function test_login_shortcode_maps_lowercase_attributes_to_typed_block_attributes(): void {
		$html = do_shortcode( '[cognito_login redirect_url="/members/" showremember="yes" heading="Hi <b>there</b>" username_kind="bogus" show_create_account="0"]' );

		$this->assertStringContainsString( 'data-cognito-blocks="login"', $html );
		$this->assertStringContainsString( 'class="wp-block-cognito-blocks-login"', $html );
		$this->assertStringContainsString( '<noscript>', $html );
		$this->assertStringContainsString( 'cognito-blocks__skeleton', $html );
		$config = self::config( $html );
		$this->assertSame( 'login', $config['form'] );
		$this->assertSame( '/members/', $config['attributes']['redirectUrl'] );
		$this->assertTrue( $config['attributes']['showRemember'] );
		$this->assertSame( 'Hi there', $config['attributes']['heading'] );
		$this->assertSame( 'username', $config['attributes']['usernameKind'], 'an invalid enum value falls back to the default' );
		$this->assertFalse( $config['attributes']['showCreateAccount'] );
		$this->assertTrue( $config['attributes']['showForgotPassword'], 'defaults come from block.json' );
		$this->assertSame( rest_url( 'cognito-blocks/v1/session' ), $config['sessionUrl'] );
		$this->assertArrayHasKey( 'userPoolId', $config['cognito'] );
		$this->assertTrue( wp_script_is( 'cognito-blocks-view', 'enqueued' ) );
	}

	public function test_register_shortcode_reads_fields_as_a_list_or_json(): void {
		$config = self::config( do_shortcode( '[cognito_register fields="email*,custom:company*:Company name,given_name"]' ) );
		$this->assertSame(
			array(
				array(
					'name'     => 'email',
					'required' => true,
					'label'    => '',
				),
				array(
					'name'     => 'custom:company',
					'required' => true,
					'label'    => 'Company name',
				),
				array(
					'name'     => 'given_name',
					'required' => false,
					'label'    => '',
				),
			),
			$config['attributes']['fields']
		);

		$json   = Registry::get( 'register' )->attributes( array( 'fields' => '[{"name":"phone_number","required":true}]' ) );
		$fields = $json['fields'];
		$this->assertIsArray( $fields );
		$this->assertSame( array( 'name' => 'phone_number', 'required' => true ), $fields[0] );
		$defaults = Registry::get( 'register' )->attributes( array() );
		$this->assertSame( 'email', $defaults['fields'][0]['name'] );
	}

	public function test_reset_password_shortcode_renders_its_form(): void {
		$html = do_shortcode( '[cognito_reset_password sign_in_url="/sign-in/"]' );
		$this->assertStringContainsString( 'data-cognito-blocks="reset-password"', $html );
		$this->assertSame( '/sign-in/', self::config( $html )['attributes']['signInUrl'] );
	}

	public function test_blocks_render_the_mount_point_with_their_attributes(): void {
		$html = do_blocks( '<!-- wp:cognito-blocks/register {"heading":"Join","className":"is-style-x"} /-->' );
		$this->assertMatchesRegularExpression( '/^<div class="[^"]*\bwp-block-cognito-blocks-register\b/', $html );
		$this->assertMatchesRegularExpression( '/^<div class="[^"]*\bis-style-x\b/', $html );
		$config = self::config( $html );
		$this->assertSame( 'register', $config['form'] );
		$this->assertSame( 'Join', $config['attributes']['heading'] );

		foreach ( array( 'login', 'reset-password' ) as $form ) {
			$this->assertStringContainsString(
				'data-cognito-blocks="' . $form . '"',
				do_blocks( '<!-- wp:cognito-blocks/' . $form . ' /-->' )
			);
		}

		// A form on a page brings the shared script and form styles, never wp-login.php's screen styles.
		$this->assertTrue( wp_script_is( Assets::VIEW_HANDLE, 'enqueued' ) );
		$this->assertTrue( wp_style_is( Assets::STYLE_HANDLE, 'enqueued' ) );
		$this->assertTrue( wp_style_is( Assets::LOGIN_STYLE, 'registered' ) );
		$this->assertFalse( wp_style_is( Assets::LOGIN_STYLE, 'enqueued' ) );
	}

	public function test_link_attributes_cannot_carry_scripts(): void {
		$config = self::config(
			do_blocks( '<!-- wp:cognito-blocks/login {"forgotPasswordUrl":"javascript:alert(1)","createAccountUrl":"/join/"} /-->' )
		);
		$this->assertSame( '', $config['attributes']['forgotPasswordUrl'] );
		$this->assertSame( '/join/', $config['attributes']['createAccountUrl'] );
	}

	public function test_signed_in_visitors_see_who_they_are_and_a_sign_out_link_instead_of_the_form(): void {
		$user_id = wp_insert_user(
			array(
				'user_login'   => 'render-test-' . wp_generate_password( 6, false ),
				'user_pass'    => wp_generate_password(),
				'display_name' => 'Robin & Render',
			)
		);
		$this->assertIsInt( $user_id );
		try {
			wp_set_current_user( $user_id );
			wp_dequeue_script( 'cognito-blocks-view' );
			$html = do_blocks( '<!-- wp:cognito-blocks/login /-->' );
			$this->assertFalse( wp_script_is( 'cognito-blocks-view', 'enqueued' ), 'no form, no script' );
			$this->assertStringContainsString( 'Signed in as Robin &amp; Render', $html );
			$this->assertStringContainsString( 'action=logout', $html );
			$this->assertStringContainsString( 'redirect_to=', $html );
			$this->assertStringNotContainsString( 'data-cognito-blocks', $html );
			$this->assertStringContainsString( 'wp-block-cognito-blocks-login', $html );
		} finally {
			wp_set_current_user( 0 );
			require_once ABSPATH . 'wp-admin/includes/user.php';
			wp_delete_user( $user_id );
		}
	}

	public function test_markup_in_a_name_is_text_on_every_surface_that_prints_it(): void {
		$name    = '<img src=x onerror=alert(1)>"\' & <b>Bold</b>';
		$user_id = wp_insert_user(
			array(
				'user_login'   => 'render-xss-' . wp_generate_password( 6, false ),
				'user_pass'    => wp_generate_password(),
				'display_name' => $name,
			)
		);
		$this->assertIsInt( $user_id );
		// wp_insert_user() keeps what the attribute sync would store: test the worst a name field can hold.
		$wpdb = $GLOBALS['wpdb'];
		$wpdb->update( $wpdb->users, array( 'display_name' => $name ), array( 'ID' => $user_id ) );
		clean_user_cache( $user_id );
		try {
			wp_set_current_user( $user_id );
			$surfaces = array();
			foreach ( Registry::all() as $form ) {
				$surfaces[ 'block ' . $form->name ]     = do_blocks( '<!-- wp:' . $form->block_name() . ' /-->' );
				$surfaces[ 'shortcode ' . $form->name ] = do_shortcode( '[' . $form->shortcode() . ']' );
			}
			foreach ( $surfaces as $surface => $html ) {
				if ( str_contains( $surface, 'profile' ) ) {
					// A form for signed-in visitors: the form itself, which prints no name at all.
					$this->assertStringContainsString( 'data-cognito-blocks="profile"', $html, $surface );
					$this->assertStringNotContainsString( '<img', $html, $surface );
					continue;
				}
				$this->assertStringContainsString( 'Signed in as', $html, $surface );
				$this->assertStringNotContainsString( '<img', $html, $surface );
				$this->assertStringNotContainsString( '<b>', $html, $surface );
				$this->assertStringContainsString( '&lt;img src=x onerror=alert(1)&gt;', $html, $surface );
			}
		} finally {
			wp_set_current_user( 0 );
			require_once ABSPATH . 'wp-admin/includes/user.php';
			wp_delete_user( $user_id );
		}
	}

	public function test_the_profile_is_the_form_for_signed_in_visitors_and_the_sign_in_form_for_others(): void {
		$signed_out = do_blocks( '<!-- wp:cognito-blocks/profile /-->' );
		$this->assertStringContainsString( 'data-cognito-blocks="login"', $signed_out, 'signed out: the sign-in form' );
		$this->assertStringNotContainsString( 'data-cognito-blocks="profile"', $signed_out );
		$linked = do_blocks( '<!-- wp:cognito-blocks/profile {"signInUrl":"/members/sign-in/"} /-->' );
		$this->assertStringContainsString( 'href="/members/sign-in/"', $linked, 'or a link to the sign-in page the editor chose' );
		$this->assertStringNotContainsString( 'data-cognito-blocks', $linked );

		$user_id = wp_insert_user(
			array(
				'user_login' => 'render-profile-' . wp_generate_password( 6, false ),
				'user_pass'  => wp_generate_password(),
			)
		);
		$this->assertIsInt( $user_id );
		try {
			wp_set_current_user( $user_id );
			$html = do_shortcode( '[cognito_profile allow_delete="true"]' );
			$this->assertStringContainsString( 'data-cognito-blocks="profile"', $html );
			$this->assertStringContainsString( 'cognito-blocks__placeholder', $html );
			$this->assertSame( 1, preg_match( '/data-config="([^"]+)"/', $html, $match ) );
			$config = json_decode( html_entity_decode( $match[1] ), true );
			$this->assertSame( 'profile', $config['view'] );
			$this->assertTrue( $config['attributes']['allowDelete'] );
			$this->assertStringEndsWith( 'admin-ajax.php?action=rest-nonce', $config['nonceUrl'] );
			$this->assertStringEndsWith( 'cognito-blocks/v1/account', $config['accountUrl'] );
			// No nonce in the page, even for a signed-in visitor: the browser asks for its own.
			$this->assertStringNotContainsString( wp_create_nonce( 'wp_rest' ), $html );
		} finally {
			wp_set_current_user( 0 );
			require_once ABSPATH . 'wp-admin/includes/user.php';
			wp_delete_user( $user_id );
		}
	}

	public function test_unknown_forms_render_nothing(): void {
		$this->assertSame( '', FormRenderer::render( 'newsletter', array() ) );
		$this->assertSame( '', Shortcodes::render( array(), null, 'cognito_unknown' ) );
	}

	public function test_the_sign_in_form_shows_the_single_sign_on_buttons_under_it_when_asked_and_set_up(): void {
		$saved = get_option( Settings::OPTION, array() );
		try {
			$pool = array(
				'region'       => 'eu-west-1',
				'user_pool_id' => 'eu-west-1_Render',
				'client_id'    => '1example23456789abcdefghij',
			);
			update_option( Settings::OPTION, $pool );
			$this->assertStringNotContainsString(
				'cognito-blocks-sso-divider',
				Shortcodes::render( array( 'show_sso' => '1' ), null, 'cognito_login' ),
				'no hosted UI domain yet: no "or" and no buttons'
			);

			update_option(
				Settings::OPTION,
				$pool + array(
					'hosted_ui_domain' => 'https://auth.example.test',
					'sso_providers'    => array(
						array(
							'provider' => 'Google',
							'label'    => '',
						),
					),
				)
			);
			$this->assertStringNotContainsString( 'data-cognito-blocks="sso-button"', Shortcodes::render( array(), null, 'cognito_login' ), 'off by default' );

			$html = Shortcodes::render(
				array(
					'show_sso'     => '1',
					'redirect_url' => '/members/',
				),
				null,
				'cognito_login'
			);
			$this->assertSame( 2, preg_match_all( '/data-cognito-blocks="([^"]+)"/', $html, $forms ) );
			$this->assertSame( array( 'login', 'sso-button' ), $forms[1], 'the buttons follow the form' );
			$this->assertMatchesRegularExpression( '#</div><div class="cognito-blocks-sso-below"><div class="cognito-blocks-sso-divider"><span>or</span></div><div #', $html );
			$this->assertStringContainsString( 'data-provider="Google" disabled>Continue with Google</button>', $html );
			$this->assertSame( 2, preg_match_all( '/data-config="([^"]*)"/', $html, $configs ) );
			$sso = json_decode( html_entity_decode( $configs[1][1], ENT_QUOTES ), true );
			$this->assertSame( '/members/', $sso['attributes']['redirectUrl'], 'the buttons sign in to where the form would' );
		} finally {
			update_option( Settings::OPTION, $saved );
		}
	}
}
