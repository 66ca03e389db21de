/**
 * The hand-off to WordPress: POST the Cognito ID token to the plugin's session endpoint, which verifies it and
 * sets the WordPress auth cookies. The page carries no nonce (so cached copies keep working); the endpoint checks
 * the request's Origin instead.
 */
import { SessionError, type SessionService } from '../auth/session';

export interface SessionClientOptions {
	/** rest_url( 'cognito-blocks/v1/session' ), printed by php/Render. */
	url: string;
	/** Milliseconds before a request is abandoned and reported as a network error. */
	timeoutMs?: number;
	fetchImpl?: typeof fetch;
}

interface WpErrorBody {
	code?: unknown;
	message?: unknown;
}

export function createSessionClient( {
	url,
	timeoutMs = 15000,
	fetchImpl = ( ...args ) => fetch( ...args ),
}: SessionClientOptions ): SessionService {
	return {
		async createSession( { idToken, remember, redirectTo } ) {
			const controller = new AbortController();
			const timer = setTimeout( () => controller.abort(), timeoutMs );
			let response: Response;
			try {
				response = await fetchImpl( url, {
					method: 'POST',
					credentials: 'same-origin',
					headers: {
						'Content-Type': 'application/json',
						Accept: 'application/json',
					},
					body: JSON.stringify( { idToken, remember, redirectTo } ),
					signal: controller.signal,
				} );
			} catch ( error ) {
				throw new SessionError(
					'network',
					error instanceof Error ? error.message : 'network'
				);
			} finally {
				clearTimeout( timer );
			}
			let body: unknown = null;
			try {
				body = await response.json();
			} catch {
				// A proxy error page or an empty body: reported below by status.
			}
			if ( ! response.ok ) {
				const { code } = ( body ?? {} ) as WpErrorBody;
				throw new SessionError(
					typeof code === 'string'
						? code
						: `http_${ response.status }`,
					typeof code === 'string' ? code : response.statusText,
					response.status
				);
			}
			const target = ( body as { redirectTo?: unknown } | null )
				?.redirectTo;
			if ( typeof target !== 'string' || target === '' ) {
				throw new SessionError(
					'invalid_response',
					'invalid_response',
					response.status
				);
			}
			return { redirectTo: target };
		},
	};
}

/**
 * Navigates once, replacing nothing in history: the sign-in page stays reachable with Back.
 * @param url
 */
export function navigateTo( url: string ): void {
	window.location.assign( url );
}
