/**
 * The session endpoint under load, on the shape of a site with several web servers: nginx in front of two
 * PHP-FPM masters (two "nodes", used in turn), one MariaDB, one Redis object cache (Redis Object Cache), all
 * private to the run and on 127.0.0.1.
 *
 * `count` pool users are created through the emulator's admin API and each signs in once with SRP, using
 * amazon-cognito-identity-js bundled as the plugin ships it (native BigInt), so every ID token is a first
 * sign-in of a new person: each measured POST creates a WordPress account. Then, at `concurrency` requests in
 * flight: bare `GET /wp-json/`, all sign-ins, and bare `GET /wp-json/` again, each phase timed on its own. Prints
 * throughput, p50/p95/p99, errors, accounts created and how the requests split over the two nodes. Asserts
 * nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { nginxUnavailable, startNginx } from '../dev/lib/nginx.mjs';
import { phpFpmUnavailable, startPhpFpm } from '../dev/lib/php-fpm.mjs';
import { run as runCommand } from '../dev/lib/processes.mjs';
import { PROJECT_ROOT } from '../dev/wordpress/wordpress.mjs';
import { bundleLibrary, shims } from './client-srp.mjs';
import { median, percentile, poolUser, timed } from './session-endpoint.mjs';
import { SectionSkipped } from './skip.mjs';

/** Runs `task(item)` over `items` with at most `limit` in flight; results in order. */
export async function pool( items, limit, task ) {
	const results = new Array( items.length );
	let next = 0;
	const worker = async () => {
		while ( next < items.length ) {
			const index = next++;
			results[ index ] = await task( items[ index ], index );
		}
	};
	await Promise.all(
		Array.from( { length: Math.min( limit, items.length ) }, worker )
	);
	return results;
}

/** One signed-in session per new pool user, through the library as the plugin ships it. */
async function signIns( env, users, concurrency ) {
	const folder = mkdtempSync( path.join( tmpdir(), 'cognito-blocks-load-' ) );
	try {
		const { AuthenticationDetails, CognitoUser, CognitoUserPool } =
			await bundleLibrary(
				folder,
				'shipped-load',
				[ shims ],
				[ 'AuthenticationDetails', 'CognitoUser', 'CognitoUserPool' ]
			);
		const userPool = new CognitoUserPool( {
			UserPoolId: env.COGNITO_POOL_ID,
			ClientId: env.COGNITO_CLIENT_ID,
			endpoint: `${ env.EMULATOR_URL.replace( /\/$/, '' ) }/`,
		} );
		return await pool( users, concurrency, async ( username ) => {
			const password = await poolUser( env, username );
			return new Promise( ( resolve, reject ) =>
				new CognitoUser( {
					Username: username,
					Pool: userPool,
				} ).authenticateUser(
					new AuthenticationDetails( {
						Username: username,
						Password: password,
					} ),
					{
						onSuccess: ( session ) =>
							resolve( session.getIdToken().getJwtToken() ),
						onFailure: reject,
					}
				)
			);
		} );
	} finally {
		rmSync( folder, { recursive: true, force: true } );
	}
}

/** Sends `requests` (functions returning timed()) with `concurrency` in flight and sums up the phase. */
async function phase( requests, concurrency ) {
	const started = performance.now();
	const results = await pool( requests, concurrency, ( send ) => send() );
	const seconds = ( performance.now() - started ) / 1000;
	const times = results.map( ( result ) => result.ms );
	const errors = results.filter( ( result ) => result.status !== 200 );
	return {
		count: results.length,
		perSecond: results.length / seconds,
		p50: median( times ),
		p95: percentile( times, 95 ),
		p99: percentile( times, 99 ),
		errors,
		results,
	};
}

/** Accounts whose email starts with `prefix`, counted in the site's database. */
async function accountsCreated( env, prefix ) {
	const [ host, port ] = env.DB_HOST.split( ':' );
	const out = await runCommand(
		'mariadb',
		[
			'-h',
			host,
			'-P',
			port,
			'-u',
			env.DB_USER,
			'-N',
			'-B',
			env.DB_NAME,
			'-e',
			`SELECT COUNT(*) FROM wp_users WHERE user_email LIKE '${ prefix }%'`,
		],
		{ env: { MYSQL_PWD: env.DB_PASSWORD } }
	);
	return Number( out.trim() );
}

/**
 * @param {Record<string,string>} env                 Stack environment (tests/support/stack.mjs).
 * @param {Object}                stack               The running stack (for its object cache switch).
 * @param {Object}                options
 * @param {number=}               options.count       Sign-ins (one new person each).
 * @param {number=}               options.concurrency Requests in flight.
 * @param {number=}               options.children    PHP-FPM workers per node.
 * @param {(line:string)=>void=}  options.log         Output.
 */
export async function run(
	env,
	stack,
	{ count = 1000, concurrency = 16, children = 4, log = console.log } = {}
) {
	const missing =
		( env.EMULATOR_URL
			? null
			: 'the test stack runs without the Cognito emulator' ) ??
		nginxUnavailable() ??
		phpFpmUnavailable();
	if ( missing ) {
		throw new SectionSkipped( missing );
	}
	const cache = await stack.objectCache.redis();
	if ( cache.unavailable ) {
		throw new SectionSkipped( cache.unavailable );
	}
	const stops = [ () => stack.objectCache.off() ];
	try {
		const dir = path.join( PROJECT_ROOT, '.dev/bench/load' );
		const nodes = [];
		for ( const name of [ 'node-a', 'node-b' ] ) {
			const node = await startPhpFpm( {
				dir: path.join( dir, name ),
				children,
			} );
			stops.push( node.stop );
			nodes.push( node );
		}
		const nginx = await startNginx( {
			dir: path.join( dir, 'nginx' ),
			root: env.WP_ROOT,
			upstreams: nodes.map( ( node ) => node.socket ),
		} );
		stops.push( nginx.stop );
		log(
			`  nginx at ${ nginx.url } in front of two PHP-FPM nodes (${ children } workers each), MariaDB, Redis object cache`
		);

		const tag = randomBytes( 4 ).toString( 'hex' );
		const prefix = `load-${ tag }-`;
		const warmup = concurrency * 2;
		// Warm-up users have their own prefix, so only the measured sign-ins are counted as created accounts.
		const names = Array.from( { length: count + warmup }, ( _, i ) =>
			i < count
				? `${ prefix }${ i }@example.test`
				: `warm-${ tag }-${ i }@example.test`
		);
		const started = performance.now();
		const tokens = await signIns( env, names, concurrency );
		log(
			`  ${ tokens.length } pool users created and signed in with SRP (the shipped library) in ${ (
				( performance.now() - started ) /
				1000
			).toFixed( 1 ) } s`
		);

		const site = env.WP_URL.replace( /\/$/, '' );
		const signIn = ( token ) => () =>
			timed( `${ nginx.url }/wp-json/cognito-blocks/v1/session`, {
				method: 'POST',
				// The site's own origin: the browser's form posts from the site's pages.
				headers: { 'Content-Type': 'application/json', Origin: site },
				body: JSON.stringify( { idToken: token } ),
			} );
		const index = () => timed( `${ nginx.url }/wp-json/` );
		const gets = ( n ) => Array.from( { length: n }, () => index );

		// Warm-up: opcache on every worker, the key set in Redis, the first accounts.
		const warm = await phase(
			[ ...tokens.slice( count ).map( signIn ), ...gets( warmup ) ],
			concurrency
		);
		const before = await phase( gets( count ), concurrency );
		const split = nginx.upstreamCounts();
		const sessions = await phase(
			tokens.slice( 0, count ).map( signIn ),
			concurrency
		);
		const after = await phase( gets( count ), concurrency );
		const created = await accountsCreated( env, prefix );

		const ms = ( value ) => `${ value.toFixed( 1 ) } ms`;
		const line = ( label, result ) =>
			log(
				`    ${ label.padEnd( 44 ) } ${ result.perSecond.toFixed( 1 ).padStart( 6 ) }/s   p50 ${ ms( result.p50 ) }   p95 ${ ms( result.p95 ) }   p99 ${ ms( result.p99 ) }   errors ${ result.errors.length }`
			);
		log(
			`  ${ count } requests per phase, ${ concurrency } in flight, after ${ warm.count } warm-up requests (${ warm.errors.length } errors):`
		);
		line( 'GET  /wp-json/ (before)', before );
		line( 'POST /wp-json/cognito-blocks/v1/session', sessions );
		line( 'GET  /wp-json/ (after)', after );
		const baseline = {
			perSecond: ( before.perSecond + after.perSecond ) / 2,
			p50: ( before.p50 + after.p50 ) / 2,
			p95: ( before.p95 + after.p95 ) / 2,
		};
		log(
			`  session / GET (mean of both GET phases): throughput ${ ( sessions.perSecond / baseline.perSecond ).toFixed( 2 ) }×, p50 ${ ( sessions.p50 / baseline.p50 ).toFixed( 2 ) }×, p95 ${ ( sessions.p95 / baseline.p95 ).toFixed( 2 ) }×`
		);
		log(
			`  WordPress accounts created by the sign-ins: ${ created } of ${ count } (goal ${ count })`
		);
		const total = nginx.upstreamCounts();
		const perNode = nodes.map(
			( node ) =>
				( total[ `unix:${ node.socket }` ] ?? 0 ) -
				( split[ `unix:${ node.socket }` ] ?? 0 )
		);
		log(
			`  requests per node after the first GET phase: ${ perNode.join( ' / ' ) }`
		);
		for ( const result of [ warm, before, sessions, after ] ) {
			if ( result.errors.length ) {
				const first = result.errors[ 0 ];
				log(
					`  non-200 answers: ${ result.errors.length }; first: ${ first.status } ${ first.text.slice( 0, 200 ) }`
				);
			}
		}
		return { before, sessions, after, created };
	} finally {
		for ( const stop of stops.reverse() ) {
			await Promise.resolve( stop() ).catch( () => {} );
		}
	}
}
