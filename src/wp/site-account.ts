/**
 * The profile's calls to the WordPress site: who is signed in (GET /session), WordPress taking fresh attributes
 * (PUT /session), signing out (DELETE /session) and deleting the account (DELETE /account).
 *
 * These need the signed-in user's REST nonce. The page carries none (so a cached copy never holds a stale one):
 * it comes from core's `admin-ajax.php?action=rest-nonce`, which answers only the signed-in user's own browser,
 * and is fetched again once when WordPress says it has expired.
 */
import type { SiteAccount, SiteAccountService } from '../auth/profile/gateway';
import { SessionError } from '../auth/session';
import { requestJson, type JsonRequest } from './session';

export interface SiteAccountOptions {
	/** rest_url( 'cognito-blocks/v1/session' ). */
	sessionUrl: string;
	/** rest_url( 'cognito-blocks/v1/account' ). */
	accountUrl: string;
	/** admin_url( 'admin-ajax.php?action=rest-nonce' ). */
	nonceUrl: string;
	timeoutMs?: number;
	fetchImpl?: typeof fetch;
}

const text = ( value: unknown ) => ( typeof value === 'string' ? value : '' );

function siteAccountOf( body: unknown ): SiteAccount {
	const data = ( body ?? {} ) as Record< string, unknown >;
	if ( typeof data.userId !== 'number' ) {
		throw new SessionError( 'invalid_response' );
	}
	return {
		userId: data.userId,
		displayName: text( data.displayName ),
		email: text( data.email ),
		linked: data.linked === true,
		sub: typeof data.sub === 'string' && data.sub !== '' ? data.sub : null,
		username: text( data.username ),
		accountDeletion:
			data.accountDeletion === 'unlink' ||
			data.accountDeletion === 'delete'
				? data.accountDeletion
				: null,
	};
}

export function createSiteAccountService( {
	sessionUrl,
	accountUrl,
	nonceUrl,
	timeoutMs = 15000,
	fetchImpl = ( ...args ) => fetch( ...args ),
}: SiteAccountOptions ): SiteAccountService {
	let nonce: Promise< string > | undefined;

	async function fetchNonce(): Promise< string > {
		let response: Response;
		try {
			response = await fetchImpl( nonceUrl, {
				credentials: 'same-origin',
			} );
		} catch ( error ) {
			throw new SessionError( 'network', String( error ) );
		}
		const value = ( await response.text() ).trim();
		// admin-ajax answers "0" (or 400) to a visitor who is not signed in.
		if ( ! response.ok || ! /^[0-9a-f]{6,}$/i.test( value ) ) {
			throw new SessionError(
				'cognito_blocks_not_signed_in',
				'not signed in',
				401
			);
		}
		return value;
	}

	async function call(
		request: Omit< JsonRequest, 'timeoutMs' | 'fetchImpl' | 'headers' >
	) {
		const send = async () =>
			requestJson( {
				...request,
				headers: {
					'X-WP-Nonce': await ( nonce ??= fetchNonce().catch(
						( error: unknown ) => {
							nonce = undefined; // a failed fetch is not kept: the next call (or RETRY) asks again
							throw error;
						}
					) ),
				},
				timeoutMs,
				fetchImpl,
			} );
		try {
			return await send();
		} catch ( error ) {
			if (
				( error as SessionError ).code !== 'rest_cookie_invalid_nonce'
			) {
				if (
					( error as SessionError ).code ===
					'cognito_blocks_not_signed_in'
				) {
					nonce = undefined;
				}
				throw error;
			}
			nonce = undefined; // expired while the page was open: one fresh nonce, one more try
			return send();
		}
	}

	return {
		async whoami() {
			return siteAccountOf(
				await call( { url: sessionUrl, method: 'GET' } )
			);
		},
		async sync( idToken ) {
			const body = ( ( await call( {
				url: sessionUrl,
				method: 'PUT',
				body: { idToken },
			} ) ) ?? {} ) as Record< string, unknown >;
			return {
				email: text( body.email ),
				displayName: text( body.displayName ),
			};
		},
		async signOut( { everywhere, keepThis = false } ) {
			await call( {
				url: sessionUrl,
				method: 'DELETE',
				body: everywhere ? { everywhere: true, keepThis } : {},
			} );
		},
		async deleteAccount( idToken ) {
			await call( {
				url: accountUrl,
				method: 'DELETE',
				body: { idToken },
			} );
		},
	};
}
