<?php
/**
 * Class loading for the plugin.
 *
 * Composer's autoloader is used when vendor/ is present (development checkouts and the plugin zip, which ships
 * vendor/ so sites never run Composer). The PSR-4 fallback below keeps the plugin's own classes loadable from a
 * checkout that has not run `composer install`. The plugin has no third-party PHP libraries at run time (RSA signing
 * keys are read by Auth\RsaPublicKey), so nothing another plugin loads can collide with it.
 *
 * @package CognitoBlocks
 */

defined( 'ABSPATH' ) || exit;

if ( is_readable( dirname( __DIR__ ) . '/vendor/autoload.php' ) ) {
	require_once dirname( __DIR__ ) . '/vendor/autoload.php';
}

spl_autoload_register(
	static function ( string $class_name ): void {
		$prefix = 'CognitoBlocks\\';
		if ( 0 !== strncmp( $class_name, $prefix, strlen( $prefix ) ) ) {
			return;
		}
		$file = __DIR__ . '/' . str_replace( '\\', '/', substr( $class_name, strlen( $prefix ) ) ) . '.php';
		if ( is_readable( $file ) ) {
			require_once $file;
		}
	}
);
