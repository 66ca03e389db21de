/**
 * Front-end entry: mounts a form on every element php/Render printed. Shared by blocks, shortcodes, Elementor
 * widgets and wp-login.php, so a page loads this one script however many forms it holds.
 */
import { createRoot } from 'react-dom/client';
import { __ } from '@wordpress/i18n';
import { readMountConfig, type MountConfig } from './wp/config';
import './styles/view.scss';

function FormPlaceholder( { config }: { config: MountConfig } ) {
	const heading =
		typeof config.attributes.heading === 'string'
			? config.attributes.heading
			: '';
	return (
		<div className="cognito-blocks-form" data-form={ config.form }>
			<h2 className="cognito-blocks__heading">
				{ heading || __( 'Sign in', 'cognito-blocks' ) }
			</h2>
		</div>
	);
}

export function mountAll( root: ParentNode = document ): number {
	let mounted = 0;
	root.querySelectorAll< HTMLElement >( '[data-cognito-blocks]' ).forEach(
		( element ) => {
			if ( element.dataset.mounted === 'true' ) {
				return;
			}
			const config = readMountConfig( element );
			if ( ! config ) {
				return;
			}
			element.dataset.mounted = 'true';
			createRoot( element ).render(
				<FormPlaceholder config={ config } />
			);
			mounted++;
		}
	);
	return mounted;
}

if ( document.readyState === 'loading' ) {
	document.addEventListener( 'DOMContentLoaded', () => mountAll() );
} else {
	mountAll();
}
