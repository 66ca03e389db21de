/**
 * Entry of Settings › Cognito Blocks (build/admin.js): mounts the page with the data PHP printed.
 */
import { createRoot } from 'react-dom/client';
import { SettingsApp } from './SettingsApp';
import type { BootData } from './types';
import './admin.scss';

declare global {
	interface Window {
		cognitoBlocksAdmin?: BootData;
	}
}

const root = document.getElementById( 'cognito-blocks-settings' );
if ( root && window.cognitoBlocksAdmin ) {
	createRoot( root ).render(
		<SettingsApp boot={ window.cognitoBlocksAdmin } />
	);
}
