<?php
/**
 * Network Admin › Settings › Cognito Blocks.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Admin;

use CognitoBlocks\Settings\Fields;
use CognitoBlocks\Settings\Network;
use CognitoBlocks\Settings\Settings;

/**
 * The network's defaults, which every site of the network uses unless it overrides a setting. For now a
 * server-rendered summary: the values, which wp-config.php pins, and where they are changed
 * (`cognito-blocks/v1/network-settings`, Rest\NetworkSettingsController).
 */
final class NetworkSettingsPage {

	public const SLUG = 'cognito-blocks-network';

	/**
	 * `network_admin_menu`: Settings › Cognito Blocks in the Network Admin.
	 */
	public static function register(): void {
		add_submenu_page(
			'settings.php',
			__( 'Cognito Blocks', 'cognito-blocks' ),
			__( 'Cognito Blocks', 'cognito-blocks' ),
			'manage_network_options',
			self::SLUG,
			array( self::class, 'render' )
		);
	}

	/**
	 * The page.
	 */
	public static function render(): void {
		$values = Network::values();
		$pinned = Settings::pinned();
		echo '<div class="wrap"><h1>' . esc_html__( 'Cognito Blocks', 'cognito-blocks' ) . '</h1>';
		echo '<div class="notice notice-info inline"><p>' . esc_html__( 'These are the network\'s defaults: every site uses them unless its own Settings › Cognito Blocks changes a setting. Settings pinned in wp-config.php apply to every site and cannot be changed here.', 'cognito-blocks' ) . '</p></div>';
		echo '<table class="widefat striped" id="cognito-blocks-network-settings"><tbody>';
		foreach ( Fields::all() as $name => $field ) {
			$value = (string) wp_json_encode( $values[ $name ] );
			$note  = in_array( $name, $pinned, true )
				/* translators: %s: the name of a wp-config.php constant. */
				? sprintf( __( 'Pinned by %s in wp-config.php', 'cognito-blocks' ), $field->constant() )
				: '';
			printf(
				'<tr data-setting="%s"><th scope="row">%s</th><td><code>%s</code> <em>%s</em></td></tr>',
				esc_attr( $name ),
				esc_html( $field->label() ),
				esc_html( $value ),
				esc_html( $note )
			);
		}
		echo '</tbody></table></div>';
	}
}
