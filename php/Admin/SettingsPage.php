<?php
/**
 * Settings › Cognito Blocks.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Admin;

use CognitoBlocks\Plugin;
use CognitoBlocks\Settings\Field;
use CognitoBlocks\Settings\Fields;
use CognitoBlocks\Settings\Settings;

/**
 * The settings screen: a React page (src/admin) drawn from the settings table. PHP hands it the table (labels,
 * help, section, kind, JSON schema, choices), which settings wp-config.php pins and their values, and the site's
 * roles; the page reads and saves the option through core's REST settings endpoint (`/wp/v2/settings`), which
 * validates against the same schema and sanitises with the same rules. Also: the Settings link on the Plugins
 * row, and the "not configured yet" notice on the Dashboard and the Plugins screen.
 */
final class SettingsPage {

	public const SLUG = 'cognito-blocks';

	public const HANDLE = 'cognito-blocks-admin';

	/**
	 * User meta: the administrator dismissed the setup notice.
	 */
	public const NOTICE_DISMISSED = 'cognito_blocks_setup_notice_dismissed';

	/**
	 * `admin_menu`: Settings › Cognito Blocks.
	 */
	public static function menu(): void {
		$hook = add_options_page(
			__( 'Cognito Blocks', 'cognito-blocks' ),
			__( 'Cognito Blocks', 'cognito-blocks' ),
			'manage_options',
			self::SLUG,
			array( self::class, 'render' )
		);
		if ( is_string( $hook ) ) {
			add_action( 'load-' . $hook, array( self::class, 'load' ) );
		}
	}

	/**
	 * The page's address.
	 */
	public static function url(): string {
		return admin_url( 'options-general.php?page=' . self::SLUG );
	}

	/**
	 * `load-<page>`: the script, its styles and its data, only on this screen.
	 */
	public static function load(): void {
		add_action( 'admin_enqueue_scripts', array( self::class, 'enqueue' ) );
	}

	/**
	 * Enqueues the page.
	 */
	public static function enqueue(): void {
		self::enqueue_for( self::boot_data() );
	}

	/**
	 * Enqueues the page's script and styles with the data it draws from (this page's, or the Network Admin's).
	 *
	 * @param array<string,mixed> $boot What boot_data() returns.
	 */
	public static function enqueue_for( array $boot ): void {
		$asset_file = Plugin::path( 'build/admin.asset.php' );
		if ( ! is_readable( $asset_file ) ) {
			return;
		}
		$asset = require $asset_file;
		wp_enqueue_script( self::HANDLE, Plugin::url( 'build/admin.js' ), $asset['dependencies'], $asset['version'], true );
		wp_set_script_translations( self::HANDLE, 'cognito-blocks', Plugin::path( 'languages' ) );
		wp_enqueue_style( 'wp-components' );
		if ( is_readable( Plugin::path( 'build/admin.css' ) ) ) {
			wp_enqueue_style( self::HANDLE, Plugin::url( 'build/admin.css' ), array( 'wp-components' ), $asset['version'] );
		}
		wp_add_inline_script( self::HANDLE, 'window.cognitoBlocksAdmin = ' . wp_json_encode( $boot ) . ';', 'before' );
	}

	/**
	 * Everything the page needs besides the stored values.
	 *
	 * On a site of a network the page saves only what the site overrides (Settings::sanitize_option()) and can hand
	 * a setting back to the network (`site-overrides`); the Network Admin's page edits the network's defaults
	 * (`network-settings`, Rest\NetworkSettingsController).
	 *
	 * @param string $scope 'site', or 'network' for the Network Admin.
	 * @return array<string,mixed>
	 */
	public static function boot_data( string $scope = 'site' ): array {
		$config   = Settings::current();
		$sections = array();
		foreach ( Fields::sections() as $id => $title ) {
			$sections[] = array(
				'id'    => $id,
				'title' => $title,
			);
		}
		$roles = array();
		foreach ( wp_roles()->get_names() as $role => $name ) {
			$roles[] = array(
				'value' => $role,
				'label' => translate_user_role( $name ),
			);
		}
		return array(
			'option'           => Settings::OPTION,
			'sections'         => $sections,
			'fields'           => array_values( array_map( static fn( Field $field ): array => self::field( $field, $config->is_pinned( $field->name ) ? $config->all()[ $field->name ] : null, $config->is_pinned( $field->name ) ), Fields::all() ) ),
			'roles'            => $roles,
			'connectionTest'   => '/cognito-blocks/v1' . ConnectionTest::ROUTE,
			'usersCanRegister' => (bool) get_option( 'users_can_register' ),
			'generalSettings'  => admin_url( 'options-general.php' ),
			'siteHealth'       => admin_url( 'site-health.php' ),
			'scope'            => $scope,
			'settingsPath'     => 'network' === $scope ? '/cognito-blocks/v1/network-settings' : '/wp/v2/settings',
			'overridesPath'    => 'site' === $scope && is_multisite() ? '/cognito-blocks/v1/site-overrides' : null,
			'networkSettings'  => is_multisite() ? network_admin_url( 'settings.php?page=' . NetworkSettingsPage::SLUG ) : null,
		);
	}

	/**
	 * One setting as the page draws it.
	 *
	 * @param Field $field  The setting.
	 * @param mixed $value  Its value when pinned.
	 * @param bool  $pinned Whether wp-config.php pins it.
	 * @return array<string,mixed>
	 */
	private static function field( Field $field, mixed $value, bool $pinned ): array {
		$choices = array();
		foreach ( $field->choices() as $choice => $label ) {
			$choices[] = array(
				'value' => $choice,
				'label' => $label,
			);
		}
		$entry = array(
			'name'     => $field->name,
			'label'    => $field->label(),
			'help'     => $field->help(),
			'section'  => $field->section,
			'kind'     => $field->rule->kind,
			'schema'   => $field->schema(),
			'default'  => $field->default,
			'choices'  => $choices,
			'constant' => $field->constant(),
			'pinned'   => $pinned,
		);
		if ( $pinned ) {
			$entry['value'] = $value;
		}
		return $entry;
	}

	/**
	 * The page: a mount point and, without JavaScript, a note.
	 */
	public static function render(): void {
		self::render_mount( __( 'Cognito Blocks', 'cognito-blocks' ) );
	}

	/**
	 * The page's frame: its heading and the element the script mounts on.
	 *
	 * @param string $title The heading.
	 */
	public static function render_mount( string $title ): void {
		echo '<div class="wrap"><h1>' . esc_html( $title ) . '</h1>';
		echo '<div id="cognito-blocks-settings"><noscript><p>' . esc_html__( 'This page needs JavaScript. The settings can also be set in wp-config.php with COGNITO_BLOCKS_* constants.', 'cognito-blocks' ) . '</p></noscript></div></div>';
	}

	/**
	 * `plugin_action_links_<plugin>`: "Settings" first on the Plugins row.
	 *
	 * @param array<int|string,string>|mixed $links Core's links.
	 * @return array<int|string,string>|mixed
	 */
	public static function action_links( mixed $links ): mixed {
		if ( ! is_array( $links ) || ! current_user_can( 'manage_options' ) ) {
			return $links;
		}
		return array( 'settings' => '<a href="' . esc_url( self::url() ) . '">' . esc_html__( 'Settings', 'cognito-blocks' ) . '</a>' ) + $links;
	}

	/**
	 * `admin_notices`: on the Dashboard and the Plugins screen, until the pool is configured or the notice is
	 * dismissed (per administrator).
	 */
	public static function setup_notice(): void {
		$screen = get_current_screen();
		if ( null === $screen || ! in_array( $screen->id, array( 'dashboard', 'plugins' ), true ) || ! current_user_can( 'manage_options' ) ) {
			return;
		}
		if ( Settings::current()->is_configured() || get_user_meta( get_current_user_id(), self::NOTICE_DISMISSED, true ) ) {
			return;
		}
		printf(
			'<div class="notice notice-warning is-dismissible" id="cognito-blocks-setup-notice"><p>%s <a href="%s">%s</a></p></div>',
			esc_html__( 'Cognito Blocks is not connected to a user pool yet, so its forms cannot sign anyone in.', 'cognito-blocks' ),
			esc_url( self::url() ),
			esc_html__( 'Enter the user pool and app client', 'cognito-blocks' )
		);
		// Remembers the dismissal; core's button only hides the notice on this page.
		wp_enqueue_script( 'wp-api-fetch' );
		wp_add_inline_script(
			'wp-api-fetch',
			sprintf(
				'document.addEventListener( "click", function ( event ) { if ( event.target.closest( "#cognito-blocks-setup-notice .notice-dismiss" ) ) { wp.apiFetch( { path: %s, method: "POST" } ); } } );',
				wp_json_encode( '/cognito-blocks/v1/setup-notice' )
			)
		);
	}

	/**
	 * `rest_api_init`: POST /cognito-blocks/v1/setup-notice dismisses the notice for the current administrator.
	 */
	public static function register_routes(): void {
		register_rest_route(
			'cognito-blocks/v1',
			'/setup-notice',
			array(
				'methods'             => 'POST',
				'callback'            => static function (): \WP_REST_Response {
					update_user_meta( get_current_user_id(), self::NOTICE_DISMISSED, 1 );
					return new \WP_REST_Response( array( 'dismissed' => true ), 200 );
				},
				'permission_callback' => static fn(): bool => current_user_can( 'manage_options' ),
			)
		);
	}
}
