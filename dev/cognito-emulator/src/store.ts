import {
	mkdirSync,
	readFileSync,
	renameSync,
	writeFileSync,
	existsSync,
} from 'node:fs';
import { join } from 'node:path';
import type { AppClient, Group, Pool, State, User } from './types';
import { cognitoError } from './errors';

const STATE_FILE = 'state.json';
/** Writes are coalesced: a burst of sign-ins costs one write, and close() flushes what is left. */
const FLUSH_DELAY_MS = 50;
/** The outbox is a debugging aid; keep it from growing without bound across long sessions. */
const OUTBOX_LIMIT = 1000;

function emptyState(): State {
	return {
		version: 1,
		pools: {},
		clients: {},
		users: {},
		groups: {},
		codes: [],
		outbox: [],
		refresh: {},
		hostedSessions: {},
	};
}

export class Store {
	readonly state: State;
	private readonly file: string;
	private timer: NodeJS.Timeout | undefined;

	constructor( readonly dataDir: string ) {
		mkdirSync( dataDir, { recursive: true } );
		this.file = join( dataDir, STATE_FILE );
		this.state = existsSync( this.file )
			? {
					...emptyState(),
					...( JSON.parse(
						readFileSync( this.file, 'utf8' )
					) as State ),
				}
			: emptyState();
	}

	/** Marks the state as changed; it reaches disk shortly after, or on flush(). */
	save(): void {
		if ( this.state.outbox.length > OUTBOX_LIMIT ) {
			this.state.outbox.splice(
				0,
				this.state.outbox.length - OUTBOX_LIMIT
			);
		}
		if ( this.timer ) {
			return;
		}
		this.timer = setTimeout( () => this.flush(), FLUSH_DELAY_MS );
		this.timer.unref();
	}

	/** Temp file + rename, so a crash mid-write never leaves a truncated state file. */
	flush(): void {
		if ( this.timer ) {
			clearTimeout( this.timer );
			this.timer = undefined;
		}
		const tmp = `${ this.file }.${ process.pid }.tmp`;
		writeFileSync( tmp, JSON.stringify( this.state ) );
		renameSync( tmp, this.file );
	}

	pool( poolId: unknown ): Pool {
		const pool =
			typeof poolId === 'string' ? this.state.pools[ poolId ] : undefined;
		if ( ! pool ) {
			throw cognitoError(
				'poolNotFound',
				`User pool ${ String( poolId ) } does not exist.`
			);
		}
		return pool;
	}

	client( clientId: unknown, poolId?: string ): AppClient {
		const client =
			typeof clientId === 'string'
				? this.state.clients[ clientId ]
				: undefined;
		if ( ! client || ( poolId && client.poolId !== poolId ) ) {
			throw cognitoError(
				'clientNotFound',
				`User pool client ${ String( clientId ) } does not exist.`
			);
		}
		return client;
	}

	/**
	 * Finds a user by username, or by email/phone when the pool uses them as username or alias
	 * (only verified aliases count, as in Cognito).
	 */
	findUser( poolId: string, name: unknown ): User | undefined {
		if ( typeof name !== 'string' || name === '' ) {
			return undefined;
		}
		const direct = this.state.users[ `${ poolId }/${ name }` ];
		if ( direct ) {
			return direct;
		}
		const pool = this.state.pools[ poolId ];
		const lookup = [
			...( pool?.usernameAttributes ?? [] ),
			...( pool?.aliasAttributes ?? [] ),
		];
		for ( const attr of lookup ) {
			const key = attr;
			const byAlias = Object.values( this.state.users ).find(
				( u ) =>
					u.poolId === poolId &&
					u.attributes[ key ] === name &&
					( key === 'preferred_username' ||
						pool?.usernameAttributes.includes( key ) ||
						u.attributes[ `${ key }_verified` ] === 'true' )
			);
			if ( byAlias ) {
				return byAlias;
			}
		}
		return undefined;
	}

	requireUser( poolId: string, name: unknown ): User {
		const user = this.findUser( poolId, name );
		if ( ! user ) {
			throw cognitoError( 'userNotFound' );
		}
		return user;
	}

	putUser( user: User ): void {
		this.state.users[ `${ user.poolId }/${ user.username }` ] = user;
		this.save();
	}

	deleteUser( user: User ): void {
		delete this.state.users[ `${ user.poolId }/${ user.username }` ];
		this.state.codes = this.state.codes.filter(
			( c ) =>
				! ( c.poolId === user.poolId && c.username === user.username )
		);
		for ( const rec of Object.values( this.state.refresh ) ) {
			if (
				rec.poolId === user.poolId &&
				rec.username === user.username
			) {
				rec.revoked = true;
			}
		}
		this.save();
	}

	usersOf( poolId: string ): User[] {
		return Object.values( this.state.users ).filter(
			( u ) => u.poolId === poolId
		);
	}

	group( poolId: string, name: unknown ): Group {
		const group =
			typeof name === 'string'
				? this.state.groups[ `${ poolId }/${ name }` ]
				: undefined;
		if ( ! group ) {
			throw cognitoError( 'groupNotFound' );
		}
		return group;
	}
}
