<?php
/**
 * Bootstrap for the integration suite: loads the real WordPress that tests/run.mjs prepared (MariaDB) into the
 * PHPUnit process, so tests can use WordPress's API directly and also call the same site over HTTP at WP_URL.
 *
 * Needs WP_ROOT (the WordPress folder) and WP_URL (where it is served); tests/run.mjs sets both.
 *
 * @package CognitoBlocks
 */

// phpcs:disable WordPress.WP.GlobalVariablesOverride.Prohibited -- a CLI bootstrap has to set up the request globals.

$cb_root = getenv( 'WP_ROOT' );
$cb_url  = getenv( 'WP_URL' );
if ( ! $cb_root || ! $cb_url || ! is_file( $cb_root . '/wp-load.php' ) ) {
	fwrite( STDERR, "The integration suite needs WP_ROOT and WP_URL: run it through `npm test` (tests/run.mjs).\n" );
	exit( 1 );
}

$cb_host                    = (string) parse_url( $cb_url, PHP_URL_HOST );
$cb_port                    = parse_url( $cb_url, PHP_URL_PORT );
$_SERVER['HTTP_HOST']       = $cb_host . ( $cb_port ? ':' . $cb_port : '' );
$_SERVER['SERVER_NAME']     = $cb_host;
$_SERVER['SERVER_PORT']     = (string) ( $cb_port ? $cb_port : 80 );
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['REQUEST_METHOD']  = 'GET';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REMOTE_ADDR']     = '127.0.0.1';

require_once dirname( __DIR__, 2 ) . '/vendor/autoload.php';
require_once $cb_root . '/wp-load.php';
