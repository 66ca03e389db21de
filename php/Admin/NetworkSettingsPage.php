<?php
/**
 * Network Admin › Settings › Cognito Blocks.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Admin;

/**
 * The network's defaults, which every site of the network uses unless it overrides a setting: the same React page
 * as Settings › Cognito Blocks (SettingsPage), reading and saving `cognito-blocks/v1/network-settings`
 * (Rest\NetworkSettingsController). Settings pinned in wp-config.php show read-only with their constant's name.
 */
final class NetworkSettingsPage {

	public const SLUG = 'cognito-blocks-network';

	/**
	 * `network_admin_menu`: Settings › Cognito Blocks in the Network Admin.
	 */
	public static function register(): void {
		$hook = add_submenu_page(
			'settings.php',
			__( 'Cognito Blocks', 'cognito-blocks' ),
			__( 'Cognito Blocks', 'cognito-blocks' ),
			'manage_network_options',
			self::SLUG,
			array( self::class, 'render' )
		);
		if ( is_string( $hook ) ) {
			add_action(
				'load-' . $hook,
				static function (): void {
					add_action( 'admin_enqueue_scripts', static fn() => SettingsPage::enqueue_for( SettingsPage::boot_data( 'network' ) ) );
				}
			);
		}
	}

	/**
	 * The page.
	 */
	public static function render(): void {
		SettingsPage::render_mount( __( 'Cognito Blocks: network defaults', 'cognito-blocks' ) );
	}
}
