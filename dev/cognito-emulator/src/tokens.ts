/**
 * RS256 token minting and checking. The key pair is created on first start and kept in the data folder,
 * so tokens and cached JWKS stay valid across restarts, as they do against a real pool.
 */
import {
	createHash,
	createPrivateKey,
	createPublicKey,
	generateKeyPairSync,
	randomUUID,
	sign,
	verify,
	type KeyObject,
} from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Ctx } from './context';
import type { AppClient, Pool, RefreshRecord, User } from './types';
import { cognitoError } from './errors';
import { newRefreshSecret } from './refresh';
import { canRead } from './schema';

const b64url = ( data: Buffer | string ) =>
	Buffer.from( data ).toString( 'base64url' );
export const ADMIN_SCOPE = 'aws.cognito.signin.user.admin';

export class Keys {
	readonly kid: string;
	private readonly privateKey: KeyObject;
	private readonly publicKey: KeyObject;

	constructor( dataDir: string ) {
		const file = join( dataDir, 'keys.json' );
		if ( existsSync( file ) ) {
			const saved = JSON.parse( readFileSync( file, 'utf8' ) ) as {
				kid: string;
				privateKeyPem: string;
			};
			this.kid = saved.kid;
			this.privateKey = createPrivateKey( saved.privateKeyPem );
		} else {
			const pair = generateKeyPairSync( 'rsa', { modulusLength: 2048 } );
			this.privateKey = pair.privateKey;
			this.kid = createHash( 'sha256' )
				.update(
					pair.publicKey.export( { type: 'spki', format: 'der' } )
				)
				.digest( 'base64url' )
				.slice( 0, 43 );
			const tmp = `${ file }.${ process.pid }.tmp`;
			const pem = this.privateKey
				.export( { type: 'pkcs8', format: 'pem' } )
				.toString();
			writeFileSync(
				tmp,
				JSON.stringify( { kid: this.kid, privateKeyPem: pem } ),
				{ mode: 0o600 }
			);
			renameSync( tmp, file );
		}
		this.publicKey = createPublicKey( this.privateKey );
	}

	jwks(): { keys: object[] } {
		return {
			keys: [
				{
					...this.publicKey.export( { format: 'jwk' } ),
					alg: 'RS256',
					kid: this.kid,
					use: 'sig',
				},
			],
		};
	}

	sign( payload: object ): string {
		const head = b64url(
			JSON.stringify( { kid: this.kid, alg: 'RS256' } )
		);
		const body = b64url( JSON.stringify( payload ) );
		const sig = sign(
			'RSA-SHA256',
			Buffer.from( `${ head }.${ body }` ),
			this.privateKey
		);
		return `${ head }.${ body }.${ b64url( sig ) }`;
	}

	/** The payload when the signature and header are ours; null for anything else (no exceptions). */
	verify( token: unknown ): Record< string, unknown > | null {
		if ( typeof token !== 'string' ) {
			return null;
		}
		const [ head64 = '', body64 = '', sig64 = '', ...extra ] =
			token.split( '.' );
		if ( ! sig64 || extra.length ) {
			return null;
		}
		try {
			const head = JSON.parse(
				Buffer.from( head64, 'base64url' ).toString()
			) as Record< string, unknown >;
			if ( head.alg !== 'RS256' || head.kid !== this.kid ) {
				return null;
			}
			const ok = verify(
				'RSA-SHA256',
				Buffer.from( `${ head64 }.${ body64 }` ),
				this.publicKey,
				Buffer.from( sig64, 'base64url' )
			);
			return ok
				? ( JSON.parse(
						Buffer.from( body64, 'base64url' ).toString()
					) as Record< string, unknown > )
				: null;
		} catch {
			return null;
		}
	}
}

export const issuerOf = ( ctx: Ctx, poolId: string ) =>
	`${ ctx.baseUrl }/${ poolId }`;

/**
 * ID-token view of user attributes: *_verified become booleans, as Cognito emits them; with a client, only the
 * attributes it may read.
 */
export function attributeClaims(
	user: User,
	client?: AppClient
): Record< string, unknown > {
	const out: Record< string, unknown > = {};
	for ( const [ name, value ] of Object.entries( user.attributes ) ) {
		if ( name === 'identities' ) {
			out[ name ] = identitiesClaim( value );
		} else if ( name !== 'sub' && canRead( client, name ) ) {
			out[ name ] = name.endsWith( '_verified' )
				? value === 'true'
				: value;
		}
	}
	return out;
}

/**
 * A federated user's `identities` attribute is a JSON string; the ID token carries it as an array, with `primary`
 * and `dateCreated` as strings, the way Cognito writes it.
 */
function identitiesClaim( value: string ): unknown {
	try {
		return (
			JSON.parse( value ) as Array< Record< string, unknown > >
		 ).map( ( i ) => ( {
			...i,
			primary: String( i.primary ),
			dateCreated: String( i.dateCreated ),
		} ) );
	} catch {
		return value;
	}
}

export interface IssueInput {
	pool: Pool;
	client: AppClient;
	user: User;
	/** Continue an existing sign-in (refresh): same origin_jti and auth_time, no new refresh token. */
	refresh?: RefreshRecord;
	scopes?: string[];
	nonce?: string;
}

export interface IssuedTokens {
	IdToken?: string;
	AccessToken: string;
	RefreshToken?: string;
	ExpiresIn: number;
	TokenType: 'Bearer';
}

export function issueTokens( ctx: Ctx, input: IssueInput ): IssuedTokens {
	const { pool, client, user } = input;
	const nowSec = Math.floor( ctx.clock.now() / 1000 );
	let refreshToken: string | undefined;
	let record = input.refresh;
	if ( ! record ) {
		const originJti = randomUUID();
		const fresh = newRefreshSecret( originJti );
		record = {
			originJti,
			secretHash: fresh.secretHash,
			poolId: pool.id,
			clientId: client.id,
			username: user.username,
			sub: user.sub,
			authTime: nowSec,
			expiresAt: ctx.clock.now() + client.refreshTokenValiditySec * 1000,
			scopes: input.scopes ?? [ ADMIN_SCOPE ],
			revoked: false,
		};
		ctx.store.state.refresh[ record.originJti ] = record;
		ctx.store.save();
		// Opaque to clients; carries the record key so lookups need no scan.
		refreshToken = fresh.token;
	}
	const groups = user.groups.length
		? { 'cognito:groups': [ ...user.groups ] }
		: {};
	const common = {
		iss: issuerOf( ctx, pool.id ),
		origin_jti: record.originJti,
		event_id: randomUUID(),
	};
	const accessToken = ctx.keys.sign( {
		sub: user.sub,
		...groups,
		...common,
		client_id: client.id,
		token_use: 'access',
		scope: record.scopes.join( ' ' ),
		auth_time: record.authTime,
		exp: nowSec + client.accessTokenValiditySec,
		iat: nowSec,
		jti: randomUUID(),
		username: user.username,
	} );
	// The hosted UI issues an ID token only for the openid scope; the API always does.
	const wantsId = ! input.scopes || input.scopes.includes( 'openid' );
	const idToken = wantsId
		? ctx.keys.sign( {
				sub: user.sub,
				...groups,
				...attributeClaims( user, client ),
				...common,
				'cognito:username': user.username,
				...( input.nonce ? { nonce: input.nonce } : {} ),
				aud: client.id,
				token_use: 'id',
				auth_time: record.authTime,
				exp: nowSec + client.idTokenValiditySec,
				iat: nowSec,
				jti: randomUUID(),
			} )
		: undefined;
	return {
		...( idToken ? { IdToken: idToken } : {} ),
		AccessToken: accessToken,
		...( refreshToken ? { RefreshToken: refreshToken } : {} ),
		ExpiresIn: client.accessTokenValiditySec,
		TokenType: 'Bearer',
	};
}

/** Checks an access token for the user-facing operations: signature, issuer, expiry, revocation, user. */
export function authenticateAccessToken(
	ctx: Ctx,
	token: unknown
): { user: User; claims: Record< string, unknown > } {
	const claims = ctx.keys.verify( token );
	if (
		! claims ||
		claims.token_use !== 'access' ||
		typeof claims.iss !== 'string'
	) {
		throw cognitoError( 'invalidAccessToken' );
	}
	const poolId = claims.iss.slice( claims.iss.lastIndexOf( '/' ) + 1 );
	if (
		claims.iss !== issuerOf( ctx, poolId ) ||
		! ctx.store.state.pools[ poolId ]
	) {
		throw cognitoError( 'invalidAccessToken' );
	}
	if (
		typeof claims.exp !== 'number' ||
		claims.exp * 1000 <= ctx.clock.now()
	) {
		throw cognitoError( 'accessExpired' );
	}
	const record = ctx.store.state.refresh[ String( claims.origin_jti ) ];
	if ( ! record || record.revoked ) {
		throw cognitoError( 'accessRevoked' );
	}
	const user = ctx.store.findUser( poolId, claims.username );
	if ( ! user || user.sub !== claims.sub ) {
		throw cognitoError( 'userNotFound' );
	}
	// AdminDisableUser revokes the user's access tokens.
	if ( ! user.enabled ) {
		throw cognitoError( 'accessRevoked' );
	}
	return { user, claims };
}
