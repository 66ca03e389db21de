<?php
/**
 * What the extra plugins (--plugin=) do on their first real request, done once after setup.php activated them.
 * setup.php activates plugins in a request where they were not loaded at its start, so a plugin whose
 * activation hook is registered only once it has started misses it: Elementor's creates its default kit (the
 * site's global colours and fonts), without which its editor and generated CSS read a kit that is not there.
 *
 *   php dev/wordpress/first-run.php <wordpress dir>
 *
 * @package CognitoBlocks
 */

// phpcs:disable WordPress.WP.GlobalVariablesOverride.Prohibited -- a CLI script sets up the request globals.

$cb_root = $argv[1] ?? '';
if ( ! is_file( $cb_root . '/wp-load.php' ) ) {
	fwrite( STDERR, "Usage: php first-run.php <wordpress dir>\n" );
	exit( 1 );
}
$_SERVER['HTTP_HOST']   = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
require $cb_root . '/wp-load.php';

if ( class_exists( \Elementor\Core\Kits\Manager::class ) && ! get_option( \Elementor\Core\Kits\Manager::OPTION_ACTIVE ) ) {
	\Elementor\Core\Kits\Manager::create_default_kit();
	echo 'Elementor: default kit ' . (int) get_option( \Elementor\Core\Kits\Manager::OPTION_ACTIVE ) . "\n";
}
