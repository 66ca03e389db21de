<?php
/**
 * Router for PHP's built-in web server: pretty permalinks and a few access rules that Apache's .htaccess or an
 * nginx config would provide on a real host.
 *
 * @package CognitoBlocks
 */

$cb_root = $_SERVER['DOCUMENT_ROOT'];
$cb_path = rawurldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
$cb_asked = $cb_path;

// A network with sites in subdirectories (COGNITO_BLOCKS_SUBDIRECTORY_SITES, set by tests/support/multisite.php):
// /<site>/wp-admin/…, /<site>/wp-includes/…, /<site>/wp-content/… and /<site>/<name>.php are the network's own
// files, as WordPress's rewrite rules for such networks say. REQUEST_URI keeps the site, so WordPress knows it.
if ( getenv( 'COGNITO_BLOCKS_SUBDIRECTORY_SITES' ) && ! file_exists( $cb_root . $cb_path )
	&& preg_match( '#^/[^/]+(/wp-(?:admin|includes|content)(?:/.*)?|/[^/]+\.php)$#', $cb_path, $cb_match ) ) {
	$cb_path = $cb_match[1];
}

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
		header( 'Location: ' . $cb_asked . '/' . ( empty( $_SERVER['QUERY_STRING'] ) ? '' : '?' . $_SERVER['QUERY_STRING'] ), true, 301 );
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
if ( is_file( $cb_file ) && $cb_path === $cb_asked ) {
	// Let the built-in server serve static files and run .php scripts itself.
	return false;
}
if ( is_file( $cb_file ) ) {
	// A network file asked for under a site's path: the server would look for it there, so serve it here.
	if ( str_ends_with( $cb_path, '.php' ) ) {
		$_SERVER['SCRIPT_NAME']     = $cb_path;
		$_SERVER['SCRIPT_FILENAME'] = $cb_file;
		$_SERVER['PHP_SELF']        = $cb_path;
		chdir( dirname( $cb_file ) );
		require $cb_file;
		return true;
	}
	$cb_types = array(
		'css'  => 'text/css',
		'js'   => 'text/javascript',
		'svg'  => 'image/svg+xml',
		'png'  => 'image/png',
		'json' => 'application/json',
	);
	header( 'Content-Type: ' . ( $cb_types[ pathinfo( $cb_file, PATHINFO_EXTENSION ) ] ?? 'application/octet-stream' ) );
	readfile( $cb_file );
	return true;
}

$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $cb_root . '/index.php';
$_SERVER['PHP_SELF']        = '/index.php';
chdir( $cb_root );
require $cb_root . '/index.php';
