/**
 * Sign-in through the pool's hosted UI: OAuth 2.0 authorization code with PKCE (S256), on oauth4webapi (a small,
 * dependency-free OAuth client for browsers). This module is a chunk of its own ("sso"): a page with buttons loads
 * it only when one is pressed, and the callback page (php/Sso/CallbackPage.php) loads it to finish.
 *
 * The state and the code verifier are made at the press and kept in this tab's sessionStorage, never in the page,
 * so a cached copy of the page works; the callback takes them out before anything else (a replayed callback
 * finds nothing and is refused).
 */
import * as oauth from 'oauth4webapi';
import type { StorageLike } from '../auth/storage';

/** What php/Sso/HostedUi::browser_config() prints. */
export interface SsoConfig {
	domain: string;
	issuer: string;
	callbackUrl: string;
	scopes: string[];
	providers: Array< { provider: string; label: string } >;
}

/** The provider name of the hosted sign-in page itself (no `identity_provider` is sent for it). */
export const HOSTED_PAGE = 'COGNITO';

const PENDING_KEY = 'cognito-blocks:sso';

interface Pending {
	state: string;
	verifier: string;
	returnTo: string;
}

/** Why a sign-in could not be finished; `reason` picks the message the callback page shows. */
export class SsoError extends Error {
	constructor(
		readonly reason: 'storage' | 'state' | 'provider' | 'exchange',
		detail = ''
	) {
		super( detail || reason );
		this.name = 'SsoError';
	}
}

function server( sso: SsoConfig ): oauth.AuthorizationServer {
	return {
		issuer: sso.issuer,
		authorization_endpoint: `${ sso.domain }/oauth2/authorize`,
		token_endpoint: `${ sso.domain }/oauth2/token`,
	};
}

/**
 * Plain http is refused except for a hosted UI on this computer (the development emulator).
 * @param sso
 */
function requestOptions( sso: SsoConfig ) {
	const { protocol, hostname } = new URL( sso.domain );
	return {
		[ oauth.allowInsecureRequests ]:
			protocol === 'http:' &&
			( hostname === '127.0.0.1' || hostname === 'localhost' ),
	};
}

/**
 * The authorize URL for one button, after keeping its state and verifier in `storage`.
 * @param input
 * @param input.sso
 * @param input.clientId
 * @param input.provider
 * @param input.returnTo
 * @param input.storage
 */
export async function authorizeUrl( input: {
	sso: SsoConfig;
	clientId: string;
	provider: string;
	returnTo: string;
	storage: StorageLike | null;
} ): Promise< string > {
	if ( ! input.storage ) {
		throw new SsoError( 'storage' );
	}
	const verifier = oauth.generateRandomCodeVerifier();
	const pending: Pending = {
		state: oauth.generateRandomState(),
		verifier,
		returnTo: input.returnTo,
	};
	input.storage.setItem( PENDING_KEY, JSON.stringify( pending ) );
	const url = new URL( server( input.sso ).authorization_endpoint! );
	url.search = new URLSearchParams( {
		response_type: 'code',
		client_id: input.clientId,
		redirect_uri: input.sso.callbackUrl,
		scope: input.sso.scopes.join( ' ' ),
		state: pending.state,
		code_challenge: await oauth.calculatePKCECodeChallenge( verifier ),
		code_challenge_method: 'S256',
		...( input.provider === HOSTED_PAGE
			? {}
			: { identity_provider: input.provider } ),
	} ).toString();
	return url.toString();
}

function takePending( storage: StorageLike | null ): Pending | null {
	if ( ! storage ) {
		return null;
	}
	const raw = storage.getItem( PENDING_KEY );
	storage.removeItem( PENDING_KEY );
	try {
		const value = JSON.parse( raw ?? 'null' ) as Partial< Pending > | null;
		return value &&
			typeof value.state === 'string' &&
			typeof value.verifier === 'string'
			? {
					state: value.state,
					verifier: value.verifier,
					returnTo:
						typeof value.returnTo === 'string'
							? value.returnTo
							: '',
				}
			: null;
	} catch {
		return null;
	}
}

export interface HostedTokens {
	idToken: string;
	accessToken: string;
	refreshToken?: string;
	/** Where the visitor was when they pressed the button (empty when unknown). */
	returnTo: string;
}

/**
 * Finishes a sign-in on the callback page: checks the state, exchanges the code with the verifier at the pool's
 * /oauth2/token, and checks the ID token's issuer, audience and times (its signature is WordPress's to check,
 * with the rest of its rules, when the session endpoint receives it).
 * @param input
 * @param input.sso
 * @param input.clientId
 * @param input.href     The callback URL as the browser received it.
 * @param input.storage
 */
export async function finishSignIn( input: {
	sso: SsoConfig;
	clientId: string;
	href: string;
	storage: StorageLike | null;
} ): Promise< HostedTokens > {
	const pending = takePending( input.storage );
	const url = new URL( input.href );
	const as = server( input.sso );
	const client: oauth.Client = { client_id: input.clientId };
	const returned = url.searchParams;
	if (
		returned.get( 'error' ) &&
		pending?.state === returned.get( 'state' )
	) {
		throw new SsoError(
			'provider',
			returned.get( 'error_description' ) || returned.get( 'error' ) || ''
		);
	}
	if ( ! pending ) {
		throw new SsoError( 'state' );
	}
	let params: URLSearchParams;
	try {
		params = oauth.validateAuthResponse( as, client, url, pending.state );
	} catch ( error ) {
		throw new SsoError( 'state', String( error ) );
	}
	try {
		const response = await oauth.authorizationCodeGrantRequest(
			as,
			client,
			oauth.None(),
			params,
			input.sso.callbackUrl,
			pending.verifier,
			requestOptions( input.sso )
		);
		const result = await oauth.processAuthorizationCodeResponse(
			as,
			client,
			response,
			{ requireIdToken: true }
		);
		return {
			idToken: result.id_token!,
			accessToken: result.access_token,
			refreshToken: result.refresh_token,
			returnTo: pending.returnTo,
		};
	} catch ( error ) {
		throw new SsoError( 'exchange', String( error ) );
	}
}
