<?php
/**
 * The plugin's single wiring point.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks;

use CognitoBlocks\Render\Assets;
use CognitoBlocks\Render\Blocks;
use CognitoBlocks\Render\Shortcodes;

/**
 * Registers every WordPress hook the plugin uses, so the whole integration surface is readable in one method.
 */
final class Plugin {

	public const VERSION = '0.1.0';

	/**
	 * Absolute path of the main plugin file.
	 *
	 * @var string
	 */
	private static string $file = '';

	/**
	 * Hooks the plugin into WordPress. Called once from cognito-blocks.php.
	 *
	 * @param string $file Absolute path of the main plugin file.
	 */
	public static function register( string $file ): void {
		self::$file = $file;

		add_action( 'init', array( Assets::class, 'register' ) );
		add_action( 'init', array( Blocks::class, 'register' ) );
		add_action( 'enqueue_block_editor_assets', array( Blocks::class, 'editor_data' ) );
		add_action( 'init', array( Shortcodes::class, 'register' ) );
		// Elementor's hooks fire only where Elementor is active; each callback also checks its version.
		add_action( 'elementor/elements/categories_registered', array( Elementor\Integration::class, 'category' ) );
		add_action( 'elementor/widgets/register', array( Elementor\Integration::class, 'widgets' ) );
		add_action( 'elementor/frontend/after_register_scripts', array( Elementor\Integration::class, 'register_preview_script' ) );
		add_action( 'admin_notices', array( Elementor\Integration::class, 'version_notice' ) );

		add_action( 'init', array( Settings\Settings::class, 'register' ) );
		add_filter( 'rest_pre_get_setting', array( Settings\Network::class, 'rest_value' ), 10, 2 );
		add_action( 'rest_api_init', array( Rest\NetworkSettingsController::class, 'register_routes' ) );
		add_action( 'network_admin_menu', array( Admin\NetworkSettingsPage::class, 'register' ) );
		add_action( 'rest_api_init', array( Rest\SessionController::class, 'register_routes' ) );
		add_action( 'rest_api_init', array( Rest\AccountController::class, 'register_routes' ) );
		add_action( 'wp_logout', array( Rest\SignedOutCookie::class, 'set' ) );
		// Sessions bound to Cognito (php/Sessions): the binding goes into core's session record, the cookie never
		// outlives it, and after core's cookie checks (priority 10 and 20) each signed-in request may revalidate.
		add_filter( 'attach_session_information', array( Sessions\SessionBinding::class, 'attach' ) );
		add_filter( 'auth_cookie_expiration', array( Sessions\SessionBinding::class, 'cookie_length' ), 99 );
		add_filter( 'determine_current_user', array( Sessions\SessionGuard::class, 'current_user' ), 99 );
		add_action( 'template_redirect', array( Sessions\SessionGuard::class, 'take_notice' ) );
		add_action( 'login_init', array( Sessions\SessionGuard::class, 'take_notice' ) );
		add_action( 'wp_body_open', array( Sessions\SessionGuard::class, 'print_notice' ) );
		add_filter( 'login_message', array( Sessions\SessionGuard::class, 'login_message' ) );
		add_action( 'wp_login', array( Rest\SignedOutCookie::class, 'clear' ) );
		add_filter( 'wp_authenticate_user', array( Users\LocalPasswordPolicy::class, 'check' ), 10, 2 );
		add_action( 'cognito_blocks_login', array( Users\Identity::class, 'record_sign_in' ), 10, 2 );

		add_action( 'show_user_profile', array( Admin\UserProfile::class, 'render' ) );
		add_action( 'edit_user_profile', array( Admin\UserProfile::class, 'render' ) );
		add_action( 'user_profile_update_errors', array( Admin\UserLinking::class, 'on_profile_update' ), 10, 3 );
		add_filter( 'manage_users_columns', array( Admin\UserProfile::class, 'columns' ) );
		add_filter( 'manage_users_custom_column', array( Admin\UserProfile::class, 'column' ), 10, 3 );

		add_action( 'admin_menu', array( Admin\SettingsPage::class, 'menu' ) );
		add_filter( 'plugin_action_links_' . plugin_basename( $file ), array( Admin\SettingsPage::class, 'action_links' ) );
		add_action( 'admin_notices', array( Admin\SettingsPage::class, 'setup_notice' ) );
		add_action( 'rest_api_init', array( Admin\SettingsPage::class, 'register_routes' ) );
		add_action( 'rest_api_init', array( Admin\ConnectionTest::class, 'register_routes' ) );

		add_filter( 'site_status_tests', array( Admin\SiteHealth::class, 'tests' ) );
		add_filter( 'debug_information', array( Admin\SiteHealth::class, 'info' ) );
		add_action( 'rest_api_init', array( Admin\SiteHealth::class, 'register_routes' ) );

		// Single sign-on (php/Sso): the callback page on wp-login.php, and the hosted UI's sign-out after core's. The
		// redirect runs late so it wins over other plugins' destinations: the hosted UI must see this sign-out.
		add_action( 'login_form_' . Sso\HostedUi::CALLBACK_ACTION, array( Sso\CallbackPage::class, 'render' ) );
		add_action( 'login_form_logout', array( Sso\HostedSignOut::class, 'before_logout' ) );
		add_filter( 'logout_redirect', array( Sso\HostedSignOut::class, 'redirect' ), 99 );
		add_action( 'login_enqueue_scripts', array( Login\LoginScreen::class, 'enqueue' ) );
		add_filter( 'login_body_class', array( Login\LoginScreen::class, 'body_class' ) );
		add_filter( 'login_message', array( Login\LoginScreen::class, 'message' ) );
		add_action( 'login_form', array( Login\LoginScreen::class, 'password_field' ) );
		add_action( 'lostpassword_form', array( Login\LoginScreen::class, 'password_field' ) );
		add_filter( 'enable_login_autofocus', array( Login\LoginScreen::class, 'autofocus' ) );
		add_action( 'wp_authenticate_application_password_errors', array( Login\PasswordGuard::class, 'application_password' ), 10, 2 );
		add_filter( 'allow_password_reset', array( Login\PasswordGuard::class, 'password_reset' ), 10, 2 );
		add_filter( 'registration_errors', array( Login\PasswordGuard::class, 'registration' ) );
	}

	/**
	 * Absolute path inside the plugin folder.
	 *
	 * @param string $relative Path relative to the plugin root, without a leading slash.
	 */
	public static function path( string $relative = '' ): string {
		return plugin_dir_path( self::$file ) . $relative;
	}

	/**
	 * Public URL inside the plugin folder.
	 *
	 * @param string $relative Path relative to the plugin root, without a leading slash.
	 */
	public static function url( string $relative = '' ): string {
		return plugins_url( $relative, self::$file );
	}
}
