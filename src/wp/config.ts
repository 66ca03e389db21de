/**
 * Reads the configuration php/Render prints on each mount point (`data-cognito-blocks` + `data-config`).
 */

export type FormName = 'login' | 'register' | 'reset-password' | 'profile';

export interface CognitoClientConfig {
	region: string;
	userPoolId: string;
	clientId: string;
	endpoint: string | null;
	tokenStorage: 'memory' | 'session' | 'local';
	/** The pool's password policy when the site sets one (checked where it is used). */
	passwordPolicy?: unknown;
}

export interface MountConfig {
	form: FormName;
	attributes: Record< string, unknown >;
	cognito?: CognitoClientConfig;
	sessionUrl?: string;
}

const FORMS: readonly FormName[] = [
	'login',
	'register',
	'reset-password',
	'profile',
];

function isFormName( value: unknown ): value is FormName {
	return (
		typeof value === 'string' &&
		( FORMS as readonly string[] ).includes( value )
	);
}

/**
 * Parses a mount point's configuration. Returns null (and the element keeps its server-rendered fallback) when the
 * markup is not ours or was mangled, e.g. by an optimisation plugin rewriting attributes.
 * @param element
 */
export function readMountConfig( element: HTMLElement ): MountConfig | null {
	const form = element.dataset.cognitoBlocks;
	if ( ! isFormName( form ) ) {
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
		attributes:
			typeof data.attributes === 'object' && data.attributes !== null
				? data.attributes
				: {},
	};
}
