<?php
/**
 * Runs when the plugin is deleted from the Plugins screen: removes everything it stored, on every site of a
 * network, unless the keep_data_on_uninstall setting keeps it (Settings\Uninstall).
 *
 * @package CognitoBlocks
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

require_once __DIR__ . '/php/autoload.php';

\CognitoBlocks\Settings\Uninstall::run();
