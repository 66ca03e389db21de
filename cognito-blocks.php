<?php
/**
 * Plugin Name:       Cognito Blocks
 * Description:       Sign people into WordPress with Amazon Cognito: custom-styled sign-in, sign-up, profile and password-reset forms as blocks, shortcodes and on wp-login.php.
 * Version:           0.1.0
 * Requires at least: 6.6
 * Tested up to:      7.1
 * Requires PHP:      8.1
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       cognito-blocks
 *
 * @package CognitoBlocks
 */

defined( 'ABSPATH' ) || exit;

require_once __DIR__ . '/php/autoload.php';

\CognitoBlocks\Plugin::register( __FILE__ );
