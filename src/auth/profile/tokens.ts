/**
 * The Cognito tokens the profile works with, read from and written to the storage amazon-cognito-identity-js
 * uses (same keys), so a sign-in by the account flow and the profile share one session per browser.
 */
import { host } from '../host';
import { COGNITO_KEY_PREFIX, type TokenStorage } from '../storage';

export interface ProfileTokens {
	username: string;
	idToken: string;
	accessToken: string;
	refreshToken: string;
}

/** What the profile reads from a verified-by-Cognito ID token; the server verifies it again before using it. */
export interface IdClaims {
	sub: string;
	/** Seconds since the epoch. */
	exp: number;
	/** Present for users who signed in through an identity provider (Google, SAML, …). */
	identities?: unknown;
	[ claim: string ]: unknown;
}

/**
 * The payload of a JWT, or null when it is not one. Only for reading: nothing here trusts the signature.
 * @param jwt
 */
export function decodeClaims( jwt: string ): IdClaims | null {
	const part = jwt.split( '.' )[ 1 ];
	if ( ! part ) {
		return null;
	}
	try {
		const base64 = part.replace( /-/g, '+' ).replace( /_/g, '/' );
		const binary = host.atob(
			base64.padEnd( Math.ceil( base64.length / 4 ) * 4, '=' )
		);
		const bytes = Uint8Array.from( binary, ( c ) => c.charCodeAt( 0 ) );
		const claims: unknown = JSON.parse(
			new host.TextDecoder().decode( bytes )
		);
		if (
			typeof claims !== 'object' ||
			claims === null ||
			typeof ( claims as IdClaims ).sub !== 'string'
		) {
			return null;
		}
		return claims as IdClaims;
	} catch {
		return null;
	}
}

/**
 * True when the token has expired at `nowMs` (or will within `marginSec`); a token that cannot be read counts as
 * expired.
 * @param jwt
 * @param nowMs
 * @param marginSec
 */
export function isExpired(
	jwt: string,
	nowMs: number,
	marginSec = 30
): boolean {
	const exp = decodeClaims( jwt )?.exp;
	return typeof exp !== 'number' || exp - marginSec <= nowMs / 1000;
}

/**
 * The token cache of one app client, in the library's key layout.
 * @param storage
 * @param clientId
 */
export function tokenCache( storage: TokenStorage, clientId: string ) {
	const prefix = `${ COGNITO_KEY_PREFIX }${ clientId }`;
	const key = ( username: string, name: string ) =>
		`${ prefix }.${ username }.${ name }`;
	return {
		read(): ProfileTokens | null {
			const username = storage.getItem( `${ prefix }.LastAuthUser` );
			if ( ! username ) {
				return null;
			}
			const idToken = storage.getItem( key( username, 'idToken' ) );
			const accessToken = storage.getItem(
				key( username, 'accessToken' )
			);
			if ( ! idToken || ! accessToken ) {
				return null;
			}
			return {
				username,
				idToken,
				accessToken,
				refreshToken:
					storage.getItem( key( username, 'refreshToken' ) ) ?? '',
			};
		},
		write( tokens: ProfileTokens ): void {
			storage.setItem( `${ prefix }.LastAuthUser`, tokens.username );
			storage.setItem(
				key( tokens.username, 'idToken' ),
				tokens.idToken
			);
			storage.setItem(
				key( tokens.username, 'accessToken' ),
				tokens.accessToken
			);
			storage.setItem(
				key( tokens.username, 'refreshToken' ),
				tokens.refreshToken
			);
			// The library's own drift estimate; the profile asks Cognito instead of trusting the local clock.
			storage.setItem( key( tokens.username, 'clockDrift' ), '0' );
		},
	};
}
