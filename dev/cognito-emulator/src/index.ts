/** Programmatic entry: start an emulator (tests, `npm start`) and stop it again. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Clock, type Ctx } from './context';
import { createHandler } from './server';
import { Store } from './store';
import { Keys } from './tokens';
import { applySeed, loadSeed, type SeedObject } from './seed';

export type { SeedObject, SeedClient, SeedUser } from './seed';
export type { SeedIdentityProvider } from './identity-providers';
export { totp } from './totp';

export interface EmulatorOptions {
	/** Default 127.0.0.1: the emulator is a development tool and must not be reachable from the network. */
	host?: string;
	/** 0 picks a free port. */
	port: number;
	dataDir: string;
	seed?: SeedObject | string;
	/** Base URL used in token `iss` and well-known documents (default http://<host>:<port>). */
	publicUrl?: string;
	/** No console output (outbox lines, errors). */
	quiet?: boolean;
	/**
	 * Origins of the pages that may call the public API from a browser (the site's WordPress). Default: any
	 * loopback origin. The admin operations, the outbox and the clock answer no browser page at all.
	 */
	allowedOrigins?: string[];
}

export interface RunningEmulator {
	url: string;
	poolId?: string;
	clientId?: string;
	jwksUrl?: string;
	close: () => Promise< void >;
}

/** Drops refresh records and browser sessions that can no longer be used, so the state file stays small. */
function prune( ctx: Ctx ): void {
	const now = ctx.clock.now();
	const { refresh, hostedSessions } = ctx.store.state;
	for ( const [ key, rec ] of Object.entries( refresh ) ) {
		if ( rec.expiresAt <= now ) {
			delete refresh[ key ];
		}
	}
	for ( const [ key, s ] of Object.entries( hostedSessions ) ) {
		if ( s.expiresAt <= now ) {
			delete hostedSessions[ key ];
		}
	}
}

export async function startEmulator(
	options: EmulatorOptions
): Promise< RunningEmulator > {
	const host = options.host ?? '127.0.0.1';
	const store = new Store( options.dataDir );
	const ctx: Ctx = {
		store,
		clock: new Clock(),
		keys: new Keys( options.dataDir ),
		sessions: new Map(),
		authCodes: new Map(),
		idpCodes: new Map(),
		baseUrl: '',
		allowedOrigins: options.allowedOrigins?.length
			? new Set(
					options.allowedOrigins.map( ( o ) => new URL( o ).origin )
				)
			: null,
		log: options.quiet ? () => {} : ( line ) => console.log( line ),
	};
	prune( ctx );
	const seeded = options.seed
		? applySeed( ctx, loadSeed( options.seed ) )
		: undefined;
	store.flush();

	const server = createServer( createHandler( ctx ) );
	await new Promise< void >( ( resolve, reject ) => {
		server.once( 'error', reject );
		server.listen( options.port, host, () => {
			server.off( 'error', reject );
			resolve();
		} );
	} );
	const { port } = server.address() as AddressInfo;
	const url = `http://${ host.includes( ':' ) ? `[${ host }]` : host }:${ port }`;
	ctx.baseUrl = ( options.publicUrl ?? url ).replace( /\/+$/, '' );

	let closed = false;
	return {
		url,
		poolId: seeded?.poolId,
		clientId: seeded?.clientId,
		jwksUrl: seeded
			? `${ ctx.baseUrl }/${ seeded.poolId }/.well-known/jwks.json`
			: undefined,
		close: async () => {
			if ( closed ) {
				return;
			}
			closed = true;
			await new Promise< void >( ( resolve ) => {
				server.close( () => resolve() );
				// Keep-alive connections from SDK clients would otherwise hold close() open.
				server.closeAllConnections();
			} );
			store.flush();
		},
	};
}
