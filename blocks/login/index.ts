/**
 * Registers the sign-in block in the editor from its block.json (the block's single contract).
 */
import { registerBlockType } from '@wordpress/blocks';
import metadata from './block.json';
import Edit from './edit';
import './editor.scss';

registerBlockType( metadata.name, {
	edit: Edit,
	// Dynamic block: render.php prints the front end, so nothing but the block comment is saved.
	save: () => null,
} );
