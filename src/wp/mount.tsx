/**
 * Mounts account forms on the elements php/Render printed. Each element gets its own services and flow, so two
 * forms on one page never share state.
 */
import { createRoot } from 'react-dom/client';
import {
	formConfigFromAttributes,
	isAccountForm,
} from '../components/account-flow/config';
import { AccountForm } from './account-form';
import { readMountConfig } from './config';
import { loadOtherSteps } from './lazy-steps';
import {
	browserEnv,
	createFormServices,
	isUsableCognitoConfig,
	type BrowserEnv,
} from './services';

/**
 * Mounts one element. Returns false, leaving the server's markup in place, when the element is not one of ours,
 * its configuration was mangled (e.g. by an optimisation plugin), or it names a form this script cannot run.
 * @param element
 * @param env
 */
export function mountForm(
	element: HTMLElement,
	env: BrowserEnv = browserEnv()
): boolean {
	if ( element.dataset.mounted === 'true' ) {
		return false;
	}
	const config = readMountConfig( element );
	if (
		! config ||
		! isAccountForm( config.form ) ||
		! isUsableCognitoConfig( config.cognito )
	) {
		return false;
	}
	const services = createFormServices(
		{ ...config, cognito: config.cognito },
		env
	);
	element.dataset.mounted = 'true';
	const form = config.form;
	const render = () =>
		createRoot( element ).render(
			<AccountForm
				config={ formConfigFromAttributes( form, config.attributes ) }
				services={ services }
			/>
		);
	if ( form === 'login' ) {
		render();
		// Fetch the other steps once the visitor starts on the form, so a challenge or a link rarely waits for
		// them, without adding them to the page load or to the requests between "Sign in" and the session.
		const prefetch = () => void loadOtherSteps().catch( () => undefined );
		element.addEventListener( 'focusin', prefetch, { once: true } );
		element.addEventListener( 'pointerdown', prefetch, { once: true } );
	} else {
		// The entry step itself is in the chunk: keep the server's skeleton until it is here, then swap once.
		loadOtherSteps().then( render, render );
	}
	return true;
}

/**
 * Mounts every form under `root` that is not mounted yet; returns how many were mounted.
 * @param root
 * @param env
 */
export function mountAll(
	root: ParentNode = document,
	env?: BrowserEnv
): number {
	let mounted = 0;
	root.querySelectorAll< HTMLElement >( '[data-cognito-blocks]' ).forEach(
		( element ) => {
			if ( mountForm( element, env ) ) {
				mounted++;
			}
		}
	);
	return mounted;
}
