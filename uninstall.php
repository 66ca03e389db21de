<?php
/**
 * Runs when the plugin is deleted from the Plugins screen: removes its settings (Settings::uninstall()).
 *
 * @package CognitoBlocks
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

require_once __DIR__ . '/php/autoload.php';

\CognitoBlocks\Settings\Settings::uninstall();
