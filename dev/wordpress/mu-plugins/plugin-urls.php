<?php
/**
 * Plugin Name: Cognito Blocks development site: plugin URLs
 * Description: Copied into the local and test sites' mu-plugins by dev/wordpress (never part of the plugin).
 *
 * The site lives inside the checkout (.dev/<name>/wordpress) and the plugin is a symlink to the checkout, so
 * WordPress maps every path under the checkout to this plugin: another plugin's files (Elementor's, installed with
 * --plugin=) get URLs like /wp-content/plugins/cognito-blocks/.dev/…/plugins/elementor/…, which do not exist.
 * This puts such URLs back under wp-content/plugins.
 *
 * @package CognitoBlocks
 */

add_filter(
	'plugins_url',
	static function ( string $url ): string {
		return (string) preg_replace( '#/cognito-blocks/\.dev/(?:[^/]+/)+?wp-content/plugins/#', '/', $url );
	}
);
