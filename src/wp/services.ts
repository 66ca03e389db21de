/**
 * Turns a mount point's configuration into the services one form needs: the Cognito gateway (with the
 * configured endpoint and token storage), the session client and the redirect to ask WordPress for. The
 * browser is passed in as a small `BrowserEnv`, so tests can hand over fakes instead of window and document.
 */
import {
	createCognitoGateway,
	createCognitoRequest,
	type CognitoRequest,
} from '../auth/cognito-gateway';
import type { AuthGateway } from '../auth/gateway';
import type { PasswordPolicy } from '../auth/password-policy';
import type { SessionService } from '../auth/session';
import {
	SIGNED_OUT_COOKIE,
	clearIfSignedOut,
	createTokenStorage,
	type StorageLike,
	type TokenStorage,
	type TokenStorageKind,
} from '../auth/storage';
import type { CognitoClientConfig, MountConfig } from './config';
import { createSessionClient, navigateTo } from './session';

/** The parts of the browser the forms use. */
export interface BrowserEnv {
	/** The current page URL (location.href). */
	href: string;
	readCookies: () => string;
	expireCookie: ( name: string ) => void;
	sessionStorage: StorageLike | null;
	localStorage: StorageLike | null;
	navigate: ( url: string ) => void;
}

export interface FormServices {
	gateway: AuthGateway;
	/** The pool's request client, for calls AuthGateway has no method for (the profile's user calls). */
	cognitoRequest: CognitoRequest;
	session: SessionService;
	storage: TokenStorage;
	redirectTo: string;
	totpIssuer: string;
	/** The pool's policy as configured (missing rules take Cognito's defaults), for the new-password checklist. */
	passwordPolicy?: Partial< PasswordPolicy >;
	navigate: ( url: string ) => void;
}

/**
 * Reading window.sessionStorage throws in some privacy modes; the form then keeps tokens in memory.
 * @param read
 */
function storageOrNull( read: () => StorageLike ): StorageLike | null {
	try {
		return read();
	} catch {
		return null;
	}
}

export function browserEnv(): BrowserEnv {
	return {
		href: window.location.href,
		readCookies: () => document.cookie,
		expireCookie( name ) {
			document.cookie = `${ name }=; Max-Age=0; path=/; SameSite=Lax`;
		},
		sessionStorage: storageOrNull( () => window.sessionStorage ),
		localStorage: storageOrNull( () => window.localStorage ),
		navigate: navigateTo,
	};
}

/**
 * Where WordPress should send the visitor: the block's redirect URL, else the page's `redirect_to` parameter
 * (as wp-login.php links pass it), else back to this page. WordPress validates whichever is chosen.
 * @param attribute
 * @param href
 */
export function resolveRedirect( attribute: unknown, href: string ): string {
	if ( typeof attribute === 'string' && attribute.trim() !== '' ) {
		return attribute.trim();
	}
	try {
		const url = new URL( href );
		const requested = url.searchParams.get( 'redirect_to' );
		if ( requested ) {
			return requested;
		}
		url.hash = '';
		return url.toString();
	} catch {
		return '';
	}
}

/**
 * True when the configuration names a pool and a client; without them no request could succeed.
 * @param cognito
 */
export function isUsableCognitoConfig(
	cognito: unknown
): cognito is CognitoClientConfig {
	if ( typeof cognito !== 'object' || cognito === null ) {
		return false;
	}
	const { userPoolId, clientId } = cognito as Record< string, unknown >;
	return (
		typeof userPoolId === 'string' &&
		/^[\w-]+_[0-9a-zA-Z]+$/.test( userPoolId ) &&
		typeof clientId === 'string' &&
		clientId !== ''
	);
}

/**
 * The configured password policy, if the configuration carries one as an object; its fields are checked where
 * it is used (resolvePolicy), so a mangled value only means Cognito's defaults.
 * @param cognito
 */
function policyOf(
	cognito: CognitoClientConfig
): Partial< PasswordPolicy > | undefined {
	const { passwordPolicy } = cognito;
	return typeof passwordPolicy === 'object' && passwordPolicy !== null
		? ( passwordPolicy as Partial< PasswordPolicy > )
		: undefined;
}

function storageKind( value: unknown ): TokenStorageKind {
	return value === 'memory' || value === 'local' ? value : 'session';
}

/**
 * @param config A config whose `cognito` passed isUsableCognitoConfig.
 * @param env    The browser, or a fake.
 */
export function createFormServices(
	config: Pick< MountConfig, 'attributes' | 'sessionUrl' > & {
		cognito: CognitoClientConfig;
	},
	env: BrowserEnv
): FormServices {
	const storage = createTokenStorage(
		storageKind( config.cognito.tokenStorage ),
		{
			session: env.sessionStorage,
			local: env.localStorage,
		}
	);
	// WordPress logged out since the tokens were stored: drop them, then the marker, so it is honoured once.
	if ( clearIfSignedOut( env.readCookies(), storage ) ) {
		env.expireCookie( SIGNED_OUT_COOKIE );
	}
	const pool = {
		userPoolId: config.cognito.userPoolId,
		clientId: config.cognito.clientId,
		endpoint: config.cognito.endpoint || undefined,
	};
	const gateway = createCognitoGateway( { ...pool, storage } );
	const session = createSessionClient( {
		url: config.sessionUrl || '/wp-json/cognito-blocks/v1/session',
		sendRefreshToken: config.cognito.bindRefreshToken !== false,
	} );
	let host = '';
	try {
		host = new URL( env.href ).hostname;
	} catch {
		// Only a label in authenticator apps.
	}
	return {
		gateway,
		cognitoRequest: createCognitoRequest( pool ),
		session,
		storage,
		redirectTo: resolveRedirect( config.attributes.redirectUrl, env.href ),
		totpIssuer: host,
		passwordPolicy: policyOf( config.cognito ),
		navigate: env.navigate,
	};
}
