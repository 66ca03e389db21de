/**
 * The hand-off to WordPress: POST the Cognito ID token to the plugin's session endpoint, which verifies it and
 * sets the WordPress auth cookies. The page carries no nonce (so cached copies keep working); the endpoint checks
 * the request's Origin instead.
 */
import { SessionError, type SessionService } from '../auth/session';

export interface SessionClientOptions {
	/** rest_url( 'cognito-blocks/v1/session' ), printed by php/Render. */
	url: string;
	/** Send the sign-in's refresh token with the hand-off (the site's `bind_refresh_token` setting). */
	sendRefreshToken?: boolean;
	/** Milliseconds before a request is abandoned and reported as a network error. */
	timeoutMs?: number;
	fetchImpl?: typeof fetch;
}

interface WpErrorBody {
	code?: unknown;
	message?: unknown;
	data?: { retryAfter?: unknown } | null;
}

/**
 * How long the server asked us to wait, in seconds: the error's `data.retryAfter`, else a Retry-After header
 * given in seconds; undefined when neither is a positive number.
 * @param body
 * @param response
 */
function retryAfterOf(
	body: WpErrorBody,
	response: Response
): number | undefined {
	const given =
		body.data?.retryAfter ?? response.headers.get( 'Retry-After' );
	const seconds = typeof given === 'string' ? Number( given ) : given;
	return typeof seconds === 'number' &&
		Number.isFinite( seconds ) &&
		seconds > 0
		? Math.ceil( seconds )
		: undefined;
}

export interface JsonRequest {
	url: string;
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	body?: unknown;
	headers?: Record< string, string >;
	timeoutMs: number;
	fetchImpl: typeof fetch;
}

/**
 * One JSON request to the site: resolves with the decoded body of a 2xx answer; rejects with a SessionError that
 * carries the WP_Error code (or `network`, `http_<status>`) and any wait the server asked for.
 * @param request
 */
export async function requestJson( request: JsonRequest ): Promise< unknown > {
	const controller = new AbortController();
	const timer = setTimeout( () => controller.abort(), request.timeoutMs );
	let response: Response;
	try {
		response = await request.fetchImpl( request.url, {
			method: request.method,
			credentials: 'same-origin',
			headers: {
				...( request.body === undefined
					? {}
					: { 'Content-Type': 'application/json' } ),
				Accept: 'application/json',
				...request.headers,
			},
			body:
				request.body === undefined
					? undefined
					: JSON.stringify( request.body ),
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
		const error = ( body ?? {} ) as WpErrorBody;
		const { code } = error;
		throw new SessionError(
			typeof code === 'string' ? code : `http_${ response.status }`,
			typeof code === 'string' ? code : response.statusText,
			response.status,
			retryAfterOf( error, response )
		);
	}
	return body;
}

export function createSessionClient( {
	url,
	sendRefreshToken = true,
	timeoutMs = 15000,
	fetchImpl = ( ...args ) => fetch( ...args ),
}: SessionClientOptions ): SessionService {
	return {
		async createSession( {
			idToken,
			refreshToken,
			remember,
			redirectTo,
			hostedUi,
		} ) {
			const body = await requestJson( {
				url,
				method: 'POST',
				body: {
					idToken,
					remember,
					redirectTo,
					...( hostedUi ? { hostedUi: true } : {} ),
					// The site binds the session to Cognito unless its settings say not to.
					...( sendRefreshToken && refreshToken
						? { refreshToken }
						: {} ),
				},
				timeoutMs,
				fetchImpl,
			} );
			const target = ( body as { redirectTo?: unknown } | null )
				?.redirectTo;
			if ( typeof target !== 'string' || target === '' ) {
				throw new SessionError(
					'invalid_response',
					'invalid_response'
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
