/**
 * Registers the single sign-on block in the editor from its block.json.
 */
import metadata from './block.json';
import Edit, { type Attributes } from './edit';
import { registerFormBlock } from '../shared/register';

registerFormBlock< Attributes >( metadata, Edit );
