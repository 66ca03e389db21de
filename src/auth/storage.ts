/**
 * Where amazon-cognito-identity-js keeps tokens. The browser's Storage objects are passed in (src/auth never
 * touches window), and the wrapper only ever clears the library's own keys, never the rest of the site's storage.
 */

/** The subset of the Web Storage API used here (and by amazon-cognito-identity-js). */
export interface StorageLike {
	getItem: ( key: string ) => string | null;
	setItem: ( key: string, value: string ) => void;
	removeItem: ( key: string ) => void;
	readonly length: number;
	key: ( index: number ) => string | null;
}

export type TokenStorageKind = 'memory' | 'session' | 'local';

/** Satisfies amazon-cognito-identity-js's ICognitoStorage; `clear` removes Cognito keys only. */
export interface TokenStorage {
	getItem: ( key: string ) => string | null;
	setItem: ( key: string, value: string ) => void;
	removeItem: ( key: string ) => void;
	clear: () => void;
}

/** Every key amazon-cognito-identity-js writes starts with this. */
export const COGNITO_KEY_PREFIX = 'CognitoIdentityServiceProvider.';

/** Set by WordPress on logout (php/) so the front end drops tokens it may still hold. */
export const SIGNED_OUT_COOKIE = 'cognito_blocks_signed_out';

export class MemoryStorage implements StorageLike {
	private readonly items = new Map< string, string >();

	get length(): number {
		return this.items.size;
	}

	key( index: number ): string | null {
		return [ ...this.items.keys() ][ index ] ?? null;
	}

	getItem( key: string ): string | null {
		return this.items.get( key ) ?? null;
	}

	setItem( key: string, value: string ): void {
		this.items.set( key, String( value ) );
	}

	removeItem( key: string ): void {
		this.items.delete( key );
	}
}

export function wrapStorage( backend: StorageLike ): TokenStorage {
	return {
		getItem: ( key ) => backend.getItem( key ),
		setItem: ( key, value ) => backend.setItem( key, value ),
		removeItem: ( key ) => backend.removeItem( key ),
		clear() {
			const keys: string[] = [];
			for ( let i = 0; i < backend.length; i++ ) {
				const key = backend.key( i );
				if ( key !== null && key.startsWith( COGNITO_KEY_PREFIX ) ) {
					keys.push( key );
				}
			}
			keys.forEach( ( key ) => backend.removeItem( key ) );
		},
	};
}

export interface StorageBackends {
	session?: StorageLike | null;
	local?: StorageLike | null;
}

/**
 * Picks the configured storage (default: session, so tokens end with the tab). Falls back to memory when the
 * requested storage is unavailable (private mode, blocked cookies), which still lets the visitor sign in.
 * @param kind
 * @param backends
 */
export function createTokenStorage(
	kind: TokenStorageKind = 'session',
	backends: StorageBackends = {}
): TokenStorage {
	const chosen: Record< TokenStorageKind, StorageLike | null | undefined > = {
		memory: null,
		session: backends.session,
		local: backends.local,
	};
	const backend = chosen[ kind ];
	return wrapStorage(
		backend && isUsable( backend ) ? backend : new MemoryStorage()
	);
}

function isUsable( backend: StorageLike ): boolean {
	const probe = `${ COGNITO_KEY_PREFIX }probe`;
	try {
		backend.setItem( probe, '1' );
		backend.removeItem( probe );
		return true;
	} catch {
		return false;
	}
}

/**
 * True when the cookie string (document.cookie) carries WordPress's "signed out" marker.
 * @param cookieString
 */
export function hasSignedOutCookie( cookieString: string ): boolean {
	return cookieString.split( ';' ).some( ( part ) => {
		const [ name, ...value ] = part.trim().split( '=' );
		return name === SIGNED_OUT_COOKIE && value.join( '=' ) !== '';
	} );
}

/**
 * Drops Cognito tokens when WordPress has logged the visitor out since they were stored. Returns whether it
 * found the marker; expiring the cookie itself is the caller's job (src/wp owns document.cookie).
 * @param cookieString
 * @param storage
 */
export function clearIfSignedOut(
	cookieString: string,
	storage: TokenStorage
): boolean {
	if ( ! hasSignedOutCookie( cookieString ) ) {
		return false;
	}
	storage.clear();
	return true;
}
