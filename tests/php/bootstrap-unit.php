<?php
/**
 * Bootstrap of the unit suite: plugin classes and test helpers, no WordPress, no network.
 *
 * @package CognitoBlocks
 */

require dirname( __DIR__, 2 ) . '/vendor/autoload.php';

spl_autoload_register(
	static function ( string $class_name ): void {
		$prefix = 'CognitoBlocks\\Tests\\Unit\\';
		if ( 0 === strncmp( $class_name, $prefix, strlen( $prefix ) ) ) {
			$file = __DIR__ . '/unit/' . str_replace( '\\', '/', substr( $class_name, strlen( $prefix ) ) ) . '.php';
			if ( is_readable( $file ) ) {
				require_once $file;
			}
		}
	}
);

if ( ! function_exists( '__' ) ) {
	/**
	 * WordPress's translation function as it behaves with no translation loaded, for labels read by pure code.
	 *
	 * @param string $text   Text.
	 * @param string $domain Text domain.
	 */
	function __( string $text, string $domain = 'default' ): string { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName.FunctionNameInvalid -- WordPress's own name.
		unset( $domain );
		return $text;
	}
}
