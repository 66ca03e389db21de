<?php
/**
 * Router for PHP's built-in web server: pretty permalinks and a few access rules that Apache's .htaccess or an
 * nginx config would provide on a real host.
 *
 * @package CognitoBlocks
 */

$cb_root = $_SERVER['DOCUMENT_ROOT'];
$cb_path = rawurldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );

// Never serve dotfiles such as the SQLite database (wp-content/database/.ht.sqlite).
// The plugin folder is a link to the whole checkout: only its build output and PHP entry points are public.
if ( preg_match( '#/\.#', $cb_path )
	|| ( str_starts_with( $cb_path, '/wp-content/plugins/cognito-blocks/' )
		&& ! preg_match( '#^/wp-content/plugins/cognito-blocks/build/[^/]+#', $cb_path ) ) ) {
	http_response_code( 404 );
	echo 'Not found';
	return true;
}

$cb_file = $cb_root . $cb_path;
if ( is_dir( $cb_file ) ) {
	if ( ! str_ends_with( $cb_path, '/' ) ) {
		header( 'Location: ' . $cb_path . '/' . ( empty( $_SERVER['QUERY_STRING'] ) ? '' : '?' . $_SERVER['QUERY_STRING'] ), true, 301 );
		return true;
	}
	if ( is_file( $cb_file . 'index.php' ) ) {
		$_SERVER['SCRIPT_NAME']     = $cb_path . 'index.php';
		$_SERVER['SCRIPT_FILENAME'] = $cb_file . 'index.php';
		$_SERVER['PHP_SELF']        = $cb_path . 'index.php';
		chdir( $cb_file );
		require $cb_file . 'index.php';
		return true;
	}
}
if ( is_file( $cb_file ) ) {
	// Let the built-in server serve static files and run .php scripts itself.
	return false;
}

$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $cb_root . '/index.php';
$_SERVER['PHP_SELF']        = '/index.php';
chdir( $cb_root );
require $cb_root . '/index.php';
