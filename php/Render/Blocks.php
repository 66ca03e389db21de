<?php
/**
 * Block registration.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Render;

use CognitoBlocks\Plugin;

/**
 * Registers every block from its built block.json, the block's single contract (name, attributes, supports,
 * assets, and `render: file:./render.php`). All blocks are dynamic: their render.php hands the attributes to
 * FormRenderer, so nothing but the block comment is saved in post content.
 */
final class Blocks {

	/**
	 * Registers each build/blocks/<name>/block.json.
	 */
	public static function register(): void {
		$folders = glob( Plugin::path( 'build/blocks/*' ), GLOB_ONLYDIR );
		foreach ( $folders ? $folders : array() as $folder ) {
			if ( is_readable( $folder . '/block.json' ) ) {
				register_block_type( $folder );
			}
		}
	}
}
