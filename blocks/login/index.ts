/**
 * Registers the sign-in block in the editor from its block.json (the block's single contract).
 */
import { registerBlockType, type BlockConfiguration } from '@wordpress/blocks';
import metadata from './block.json';
import Edit, { type Attributes } from './edit';
import './editor.scss';

registerBlockType< Attributes >(
	metadata as unknown as BlockConfiguration< Attributes >,
	{
		edit: Edit,
		// Dynamic block: render.php prints the front end, so nothing but the block comment is saved.
		save: () => null,
	}
);
