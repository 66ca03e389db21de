<?php
/**
 * Installs and configures the local WordPress, idempotently. Run by dev/wordpress/wordpress.mjs with the PHP CLI:
 *
 *   php dev/wordpress/setup.php <wordpress-root> [settings.json]   (else the settings JSON on standard input)
 *
 * The file argument serves the Playground fallback (dev/wordpress/playground.mjs), which runs this script as a
 * blueprint step, without standard input.
 *
 * Input: { "url", "title", "admin": { "user", "password", "email" }, "plugin": "cognito-blocks/cognito-blocks.php",
 *          "settings": { …cognito_blocks_settings… } | null, "pages": [ { "slug", "title", "content" } ] }
 * Output: one JSON line { "installed": bool, "pages": { slug: url } }.
 *
 * @package CognitoBlocks
 */

// phpcs:disable WordPress.WP.GlobalVariablesOverride.Prohibited -- a CLI bootstrap has to set up the request globals.

$cb_root  = rtrim( $argv[1] ?? '', '/' );
$cb_input = json_decode( (string) ( isset( $argv[2] ) ? file_get_contents( $argv[2] ) : stream_get_contents( STDIN ) ), true );
if ( ! is_file( $cb_root . '/wp-load.php' ) || ! is_array( $cb_input ) ) {
	fwrite( STDERR, "usage: php setup.php <wordpress-root> [settings.json] (or the JSON on standard input)\n" );
	exit( 2 );
}

$cb_url                     = (string) parse_url( $cb_input['url'], PHP_URL_HOST ) . ( parse_url( $cb_input['url'], PHP_URL_PORT ) ? ':' . parse_url( $cb_input['url'], PHP_URL_PORT ) : '' );
$_SERVER['HTTP_HOST']       = $cb_url;
$_SERVER['SERVER_NAME']     = (string) parse_url( $cb_input['url'], PHP_URL_HOST );
$_SERVER['SERVER_PORT']     = (string) ( parse_url( $cb_input['url'], PHP_URL_PORT ) ?? 80 );
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['REQUEST_METHOD']  = 'GET';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';

// Installing: keeps wp-load.php from redirecting to install.php and from loading plugins in this process.
define( 'WP_INSTALLING', true );
require $cb_root . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$cb_installed = false;
if ( ! is_blog_installed() ) {
	$cb_result = wp_install(
		$cb_input['title'],
		$cb_input['admin']['user'],
		$cb_input['admin']['email'],
		true,
		'',
		wp_slash( $cb_input['admin']['password'] )
	);
	if ( is_wp_error( $cb_result ) ) {
		fwrite( STDERR, 'WordPress install failed: ' . $cb_result->get_error_message() . "\n" );
		exit( 1 );
	}
	$cb_installed = true;
}

update_option( 'permalink_structure', '/%postname%/' );
update_option( 'blogdescription', '' );

$cb_activated = activate_plugin( $cb_input['plugin'] );
if ( is_wp_error( $cb_activated ) ) {
	fwrite( STDERR, 'Plugin activation failed: ' . $cb_activated->get_error_message() . "\n" );
	exit( 1 );
}
// Plugins given with --plugin=, after ours (in the order given).
foreach ( (array) ( $cb_input['extraPlugins'] ?? array() ) as $cb_extra ) {
	$cb_activated = activate_plugin( $cb_extra );
	if ( is_wp_error( $cb_activated ) ) {
		fwrite( STDERR, "Activating {$cb_extra} failed: " . $cb_activated->get_error_message() . "\n" );
		exit( 1 );
	}
}

if ( isset( $cb_input['settings'] ) && is_array( $cb_input['settings'] ) ) {
	update_option( 'cognito_blocks_settings', $cb_input['settings'] );
}
if ( isset( $cb_input['options'] ) && is_array( $cb_input['options'] ) ) {
	foreach ( $cb_input['options'] as $cb_name => $cb_value ) {
		update_option( $cb_name, $cb_value );
	}
}

$cb_pages = array();
foreach ( (array) ( $cb_input['pages'] ?? array() ) as $cb_page ) {
	$cb_existing = get_page_by_path( $cb_page['slug'], OBJECT, 'page' );
	$cb_postarr  = array(
		'post_type'    => 'page',
		'post_status'  => 'publish',
		'post_name'    => $cb_page['slug'],
		'post_title'   => $cb_page['title'],
		'post_content' => $cb_page['content'],
		'post_author'  => 1,
	);
	if ( $cb_existing ) {
		$cb_postarr['ID'] = $cb_existing->ID;
	}
	$cb_id = wp_insert_post( wp_slash( $cb_postarr ), true );
	if ( is_wp_error( $cb_id ) ) {
		fwrite( STDERR, 'Creating page ' . $cb_page['slug'] . ' failed: ' . $cb_id->get_error_message() . "\n" );
		exit( 1 );
	}
	// Post meta as its plugin stores it, e.g. a page built with Elementor (_elementor_data and its companions).
	foreach ( (array) ( $cb_page['meta'] ?? array() ) as $cb_key => $cb_value ) {
		update_post_meta( $cb_id, $cb_key, wp_slash( $cb_value ) );
	}
	$cb_pages[ $cb_page['slug'] ] = rtrim( $cb_input['url'], '/' ) . '/' . $cb_page['slug'] . '/';
}

echo wp_json_encode(
	array(
		'installed' => $cb_installed,
		'version'   => get_bloginfo( 'version' ),
		'pages'     => $cb_pages,
	)
) . "\n";
