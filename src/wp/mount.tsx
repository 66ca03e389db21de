/**
 * Mounts account forms on the elements php/Render printed. Each element gets its own services and flow, so two
 * forms on one page never share state.
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import {
	formConfigFromAttributes,
	isEntryStep,
} from '../components/account-flow/config';
import { AccountForm } from './account-form';
import { readMountConfig, type MountConfig } from './config';
import { StepLoadFailed } from '../components/step-loading';
import { SsoButtons } from '../components/sso-buttons';
import { loadOtherSteps } from './lazy-steps';
import { giveTyped, takeTyped } from './skeleton-handover';
import {
	browserEnv,
	createFormServices,
	isUsableCognitoConfig,
	type BrowserEnv,
	type FormServices,
} from './services';

/**
 * The browser's views, by the name the server's form registry gives each form (`view` in the mount point's
 * configuration). Each takes the element, the mount configuration and the form's services, and mounts itself.
 */
const VIEWS: Record<
	string,
	(
		element: HTMLElement,
		config: MountConfig,
		services: FormServices
	) => boolean
> = {
	account: mountAccountForm,
	profile: mountProfileForm,
	sso: mountSso,
};

/**
 * This page's URL without what the provider sent back, so a reload or the history does not replay it.
 */
function withoutCallbackParams(): string {
	const url = new URL( window.location.href );
	for ( const name of [ 'code', 'state', 'error', 'error_description' ] ) {
		url.searchParams.delete( name );
	}
	return url.pathname + url.search + url.hash;
}

/**
 * Single sign-on: the buttons (in view.js; the OAuth code is the "sso" chunk, loaded when one is pressed), or on
 * the callback page the end of the sign-in.
 * @param element
 * @param config
 * @param services
 */
function mountSso(
	element: HTMLElement,
	config: MountConfig,
	services: FormServices
): boolean {
	const sso = config.sso;
	if ( ! sso || ! config.cognito ) {
		return false;
	}
	const context = {
		sso,
		clientId: config.cognito.clientId,
		pending: browserEnv().sessionStorage,
	};
	const load = () => import( /* webpackChunkName: "sso" */ './sso' );
	const root = createRoot( element );
	if ( config.entry === 'callback' ) {
		load().then(
			( chunk ) =>
				chunk.renderCallback(
					root,
					context,
					services,
					window.location.href,
					() =>
						window.history.replaceState(
							null,
							'',
							withoutCallbackParams()
						)
				),
			() =>
				root.render(
					<StepLoadFailed
						onRetry={ () => window.location.reload() }
					/>
				)
		);
		return true;
	}
	flushSync( () =>
		root.render(
			<SsoButtons
				buttons={ sso.providers }
				onPress={ ( provider ) =>
					load().then( ( chunk ) =>
						chunk.startSignIn( context, services, provider )
					)
				}
			/>
		)
	);
	return true;
}

/**
 * The profile (signed-in visitors only): its code is a chunk of its own, so only pages that show a profile load
 * it; the server's placeholder stays until it is here.
 * @param element
 * @param config
 * @param services
 */
function mountProfileForm(
	element: HTMLElement,
	config: MountConfig,
	services: FormServices
): boolean {
	if ( ! config.sessionUrl || ! config.accountUrl || ! config.nonceUrl ) {
		return false;
	}
	const root = createRoot( element );
	import( /* webpackChunkName: "profile" */ './profile-form' ).then(
		( chunk ) => chunk.renderProfile( root, config, services ),
		() =>
			root.render(
				<StepLoadFailed onRetry={ () => window.location.reload() } />
			)
	);
	return true;
}

/**
 * A page builder's editor preview: the form's first view, inert, from a chunk of its own (no page a visitor sees
 * loads it). It needs no Cognito configuration and can sign no one in.
 * @param element
 * @param config
 */
function mountPreview( element: HTMLElement, config: MountConfig ): boolean {
	const root = createRoot( element );
	import( /* webpackChunkName: "form-preview" */ './form-preview' ).then(
		( chunk ) => chunk.renderPreview( root, config ),
		() =>
			root.render(
				<StepLoadFailed onRetry={ () => window.location.reload() } />
			)
	);
	return true;
}

/**
 * The account flow (sign-in, sign-up, password reset), opened on the step the registry names.
 * @param element
 * @param config
 * @param services
 */
function mountAccountForm(
	element: HTMLElement,
	config: MountConfig,
	services: FormServices
): boolean {
	const entry = config.entry;
	if ( ! isEntryStep( entry ) ) {
		return false;
	}
	const root = createRoot( element );
	const render = () => {
		// The skeleton's fields are live: take what the visitor typed, render the form in place at once, and
		// hand it over (see skeleton-handover.ts).
		const typed = takeTyped( element );
		flushSync( () =>
			root.render(
				<AccountForm
					config={ formConfigFromAttributes(
						entry,
						config.attributes
					) }
					services={ services }
				/>
			)
		);
		if ( typed ) {
			giveTyped( element, typed );
		}
	};
	if ( config.eager ) {
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
 * Mounts one element. Returns false, leaving the server's markup in place, when the element is not one of ours,
 * its configuration was mangled (e.g. by an optimisation plugin), or it names a view this script cannot run.
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
	if ( config?.preview === true ) {
		element.dataset.mounted = 'true';
		return mountPreview( element, config );
	}
	const view =
		config && Object.prototype.hasOwnProperty.call( VIEWS, config.view )
			? VIEWS[ config.view ]
			: null;
	if ( ! config || ! view || ! isUsableCognitoConfig( config.cognito ) ) {
		return false;
	}
	const services = createFormServices(
		{ ...config, cognito: config.cognito },
		env
	);
	if ( ! view( element, config, services ) ) {
		return false;
	}
	element.dataset.mounted = 'true';
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
