/**
 * The preview chunk (build/form-preview.js): a form as a page builder's editor shows it, with the views the
 * front end uses and nothing behind them. The element is inert, so clicks select the widget instead of typing
 * into the form, and no request is ever made.
 */
import type { Root } from 'react-dom/client';
import {
	AccountFlowPreview,
	formConfigFromAttributes,
	isEntryStep,
} from '../components/account-flow';
import { ProfilePreview } from '../components/profile/preview';
import type { MountConfig } from './config';

const inert = ( element: HTMLDivElement | null ) =>
	element?.setAttribute( 'inert', '' );

export function renderPreview( root: Root, config: MountConfig ): void {
	const { entry, attributes } = config;
	let view = null;
	if ( config.view === 'profile' ) {
		view = <ProfilePreview attributes={ attributes } />;
	} else if ( isEntryStep( entry ) ) {
		view = (
			<AccountFlowPreview
				config={ formConfigFromAttributes( entry, attributes ) }
			/>
		);
	}
	root.render( <div ref={ inert }>{ view }</div> );
}
