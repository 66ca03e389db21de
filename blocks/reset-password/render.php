<?php
/**
 * Front-end render of the password-reset block.
 *
 * @package CognitoBlocks
 *
 * @var array<string,mixed> $attributes Block attributes.
 */

defined( 'ABSPATH' ) || exit;

echo \CognitoBlocks\Render\FormRenderer::render( 'reset-password', $attributes, get_block_wrapper_attributes() ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- FormRenderer escapes every part.
