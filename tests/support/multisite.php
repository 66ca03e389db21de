<?php
/**
 * A WordPress network with sites in subdirectories, for the multisite integration tests
 * (tests/php/integration/MultisiteNetwork.php prepares the folder and runs this script with the PHP CLI):
 *
 *   php tests/support/multisite.php <wordpress-root> <url> <command> [argument]
 *
 * Commands, each in its own process (a WordPress loaded once cannot become a network or lose a plugin):
 *   install    with WP_ALLOW_MULTISITE: installs the main site (admin from the JSON on standard input:
 *              { "user", "password", "email" }) and the network's tables, as Network Setup does
 *   network    with MULTISITE on: creates /site2/, network-activates the plugin, opens registration
 *              (Network Settings › "user accounts may be registered"), pretty permalinks on both sites
 *   settings   argument: a site's path (/ or /site2/). Prints that site's Settings::current(): values, pinned.
 *   deactivate network-deactivates the plugin
 *   uninstall  deletes the plugin's data as the Plugins screen does (uninstall_plugin(): its uninstall.php)
 *
 * Output: one JSON line.
 *
 * @package CognitoBlocks
 */

// phpcs:disable WordPress.WP.GlobalVariablesOverride.Prohibited -- a CLI bootstrap has to set up the request globals.

$cb_root    = rtrim( $argv[1] ?? '', '/' );
$cb_url     = (string) ( $argv[2] ?? '' );
$cb_command = (string) ( $argv[3] ?? '' );
$cb_path    = 'settings' === $cb_command ? (string) ( $argv[4] ?? '/' ) : '/';
if ( ! is_file( $cb_root . '/wp-load.php' ) || '' === $cb_url ) {
	fwrite( STDERR, "usage: php multisite.php <wordpress-root> <url> install|network|settings <path>|deactivate|uninstall\n" );
	exit( 2 );
}
$cb_plugin = 'cognito-blocks/cognito-blocks.php';
$cb_host   = (string) parse_url( $cb_url, PHP_URL_HOST ) . ( parse_url( $cb_url, PHP_URL_PORT ) ? ':' . parse_url( $cb_url, PHP_URL_PORT ) : '' );

$_SERVER['HTTP_HOST']       = $cb_host;
$_SERVER['SERVER_NAME']     = (string) parse_url( $cb_url, PHP_URL_HOST );
$_SERVER['SERVER_PORT']     = (string) ( parse_url( $cb_url, PHP_URL_PORT ) ?? 80 );
$_SERVER['REQUEST_URI']     = $cb_path;
$_SERVER['REQUEST_METHOD']  = 'GET';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REMOTE_ADDR']     = '127.0.0.1';

if ( 'install' === $cb_command ) {
	define( 'WP_INSTALLING', true );
}
require $cb_root . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

/**
 * Ends the script with an error.
 *
 * @param string $message What failed.
 */
function cb_fail( string $message ): never {
	fwrite( STDERR, $message . "\n" );
	exit( 1 );
}

/**
 * Pretty permalinks on the current site; its rewrite rules are rebuilt on the next request.
 */
function cb_permalinks(): void {
	update_option( 'permalink_structure', '/%postname%/' );
	delete_option( 'rewrite_rules' );
}

$cb_out = array();
switch ( $cb_command ) {
	case 'install':
		$cb_admin = json_decode( (string) stream_get_contents( STDIN ), true );
		if ( ! is_array( $cb_admin ) ) {
			cb_fail( 'install needs { "user", "password", "email" } on standard input' );
		}
		$cb_result = wp_install( 'Cognito Blocks Network', $cb_admin['user'], $cb_admin['email'], true, '', wp_slash( $cb_admin['password'] ) );
		if ( is_wp_error( $cb_result ) ) {
			cb_fail( 'install: ' . $cb_result->get_error_message() );
		}
		// wpdb names the network's tables only once MULTISITE is on; Network Setup names them itself, too.
		foreach ( $wpdb->tables( 'ms_global' ) as $cb_table => $cb_prefixed ) {
			$wpdb->$cb_table = $cb_prefixed;
		}
		install_network();
		$cb_result = populate_network( 1, $cb_host, $cb_admin['email'], 'Cognito Blocks Network', '/', false );
		if ( is_wp_error( $cb_result ) ) {
			cb_fail( 'populate_network: ' . $cb_result->get_error_message() );
		}
		$cb_out['installed'] = true;
		break;

	case 'network':
		cb_permalinks();
		$cb_site = get_blog_id_from_url( $cb_host, '/site2/' );
		if ( ! $cb_site ) {
			$cb_site = wp_insert_site(
				array(
					'domain'  => $cb_host,
					'path'    => '/site2/',
					'title'   => 'Site 2',
					'user_id' => 1,
				)
			);
			if ( is_wp_error( $cb_site ) ) {
				cb_fail( 'wp_insert_site: ' . $cb_site->get_error_message() );
			}
		}
		switch_to_blog( (int) $cb_site );
		cb_permalinks();
		restore_current_blog();
		$cb_result = activate_plugin( $cb_plugin, '', true );
		if ( is_wp_error( $cb_result ) ) {
			cb_fail( 'activate_plugin: ' . $cb_result->get_error_message() );
		}
		update_site_option( 'registration', 'user' );
		$cb_out = array(
			'version' => get_bloginfo( 'version' ),
			'sites'   => array_map( 'intval', get_sites( array( 'fields' => 'ids' ) ) ),
			'active'  => is_plugin_active_for_network( $cb_plugin ),
		);
		break;

	case 'settings':
		$cb_config = \CognitoBlocks\Settings\Settings::current();
		$cb_out    = array(
			'site'   => get_current_blog_id(),
			'values' => $cb_config->all(),
			'pinned' => $cb_config->pinned(),
		);
		break;

	case 'deactivate':
		deactivate_plugins( $cb_plugin, false, true );
		$cb_out['active'] = is_plugin_active_for_network( $cb_plugin );
		break;

	case 'uninstall':
		if ( is_plugin_active_for_network( $cb_plugin ) || class_exists( \CognitoBlocks\Plugin::class, false ) ) {
			cb_fail( 'uninstall: deactivate the plugin first' );
		}
		uninstall_plugin( $cb_plugin );
		$cb_out['uninstalled'] = true;
		break;

	default:
		cb_fail( "unknown command {$cb_command}" );
}
echo wp_json_encode( $cb_out ) . "\n";
