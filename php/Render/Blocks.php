<?php
/**
 * Block registration.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Render;

use CognitoBlocks\Forms\Registry;

/**
 * Registers every form of the registry as a block from its built block.json, the form's single contract (name,
 * attributes, supports, assets). All blocks are dynamic and share one render callback that hands the attributes
 * to FormRenderer, so nothing but the block comment is saved in post content.
 */
final class Blocks {

	/**
	 * Registers each form's block (the `init` action). A form whose block.json was not built yet is skipped.
	 */
	public static function register(): void {
		foreach ( Registry::all() as $form ) {
			if ( $form->is_built() ) {
				register_block_type(
					$form->block_dir,
					array(
						'render_callback' => static fn ( array $attributes ): string => FormRenderer::render( $form->name, $attributes, get_block_wrapper_attributes() ),
					)
				);
			}
		}
	}
}
