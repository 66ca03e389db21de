/**
 * Registers the profile block in the editor from its block.json.
 */
import metadata from './block.json';
import Edit, { type Attributes } from './edit';
import { registerFormBlock } from '../shared/register';
import './editor.scss';

registerFormBlock< Attributes >( metadata, Edit );
