/**
 * Reads the configuration php/Render prints on each mount point (`data-cognito-blocks` + `data-config`).
 */
import type { SsoConfig } from './hosted-ui';

export interface CognitoClientConfig {
	region: string;
	userPoolId: string;
	clientId: string;
	endpoint: string | null;
	tokenStorage: 'memory' | 'session' | 'local';
	/** Hand WordPress the refresh token at sign-in (php/Sessions); absent counts as yes. */
	bindRefreshToken?: boolean;
	/** The pool's password policy when the site sets one (checked where it is used). */
	passwordPolicy?: unknown;
}

export interface MountConfig {
	/** The form's name in the server's registry (php/Forms), e.g. "login". */
	form: string;
	/** Which browser view runs it (see mount.tsx), e.g. "account". */
	view: string;
	/** The view's first step, e.g. "signIn". */
	entry: string;
	/** Mount at once (the view is in the page's bundle) rather than once its chunk has loaded. */
	eager: boolean;
	attributes: Record< string, unknown >;
	cognito?: CognitoClientConfig;
	sessionUrl?: string;
	/** Signed-in forms (profile): the account endpoint and core's REST-nonce URL. */
	accountUrl?: string;
	nonceUrl?: string;
	/** Single sign-on (php/Sso/HostedUi::browser_config()); null when the site has none set up. */
	sso?: SsoConfig | null;
	/** A page builder's editor preview (Elementor): the form is shown inert, with nothing behind it. */
	preview?: boolean;
}

/** As php/Forms/Registry.php accepts form names. */
const FORM_NAME = /^[a-z][a-z0-9-]*$/;

const text = ( value: unknown ): string =>
	typeof value === 'string' ? value : '';

/**
 * Parses a mount point's configuration. Returns null (and the element keeps its server-rendered fallback) when the
 * markup is not ours or was mangled, e.g. by an optimisation plugin rewriting attributes.
 * @param element
 */
export function readMountConfig( element: HTMLElement ): MountConfig | null {
	const form = element.dataset.cognitoBlocks;
	if ( ! form || ! FORM_NAME.test( form ) ) {
		return null;
	}
	let parsed: unknown;
	try {
		parsed = JSON.parse( element.dataset.config ?? '{}' );
	} catch {
		return null;
	}
	if ( typeof parsed !== 'object' || parsed === null ) {
		return null;
	}
	const data = parsed as Partial< MountConfig >;
	return {
		...data,
		form,
		view: text( data.view ),
		entry: text( data.entry ),
		eager: data.eager === true,
		attributes:
			typeof data.attributes === 'object' && data.attributes !== null
				? data.attributes
				: {},
	};
}
