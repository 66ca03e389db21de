/**
 * Front-end entry: mounts a form on every element php/Render printed. Shared by blocks, shortcodes, Elementor
 * widgets and wp-login.php, so a page loads this one script however many forms it holds.
 */
import { mountAll } from './wp/mount';
import './styles/view.scss';

export { mountAll };

// For forms a page adds later (a page builder's editor, a popup): `window.cognitoBlocks.mountAll( element )`.
( window as { cognitoBlocks?: { mountAll: typeof mountAll } } ).cognitoBlocks =
	{ mountAll };

if ( document.readyState === 'loading' ) {
	document.addEventListener( 'DOMContentLoaded', () => mountAll() );
} else {
	mountAll();
}
