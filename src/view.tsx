/**
 * Front-end entry: mounts a form on every element php/Render printed. Shared by blocks, shortcodes, Elementor
 * widgets and wp-login.php, so a page loads this one script however many forms it holds.
 */
import { mountAll } from './wp/mount';
import './styles/view.scss';

export { mountAll };

if ( document.readyState === 'loading' ) {
	document.addEventListener( 'DOMContentLoaded', () => mountAll() );
} else {
	mountAll();
}
