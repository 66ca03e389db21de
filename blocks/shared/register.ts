/**
 * Registers an account-form block from its block.json, the block's single contract (name, attributes,
 * supports, assets). All these blocks are dynamic: php/Render/Blocks.php gives every form of the registry
 * (php/Forms) one render callback, so nothing but the block comment is saved.
 */
import type { ComponentType } from 'react';
import {
	registerBlockType,
	type BlockConfiguration,
	type BlockEditProps,
} from '@wordpress/blocks';

export function registerFormBlock< A extends Record< string, unknown > >(
	metadata: unknown,
	edit: ComponentType< BlockEditProps< A > >
): void {
	registerBlockType< A >( metadata as BlockConfiguration< A >, {
		edit,
		save: () => null,
	} );
}
