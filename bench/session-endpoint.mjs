/**
 * The session endpoint against a bare WordPress REST GET on the same site, interleaved in one run.
 *
 * Every POST carries a fresh ID token issued by the emulator: pool users created for the run sign in once with
 * SRP, then each request gets a token from a refresh, so every token has its own jti and a recent auth_time
 * (tokens are single-use, so they cannot be replayed). The accounts are created during the warm-up; the measured
 * requests are returning sign-ins with a warm JWKS cache. A must-use plugin written for the run counts JWKS
 * fetches and is removed afterwards.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
	srpSignIn,
	refreshIdToken,
	claimsOf,
} from '../tests/support/emulator-sign-in.mjs';
import { SectionSkipped } from './skip.mjs';

const COUNTER = 'cognito_blocks_bench_jwks_fetches';

function counterPlugin( key ) {
	return `<?php
/**
 * Counts JWKS fetches for one benchmark run (written and removed by bench/session-endpoint.mjs).
 *
 * @package CognitoBlocks
 */

add_action(
	'cognito_blocks_jwks_fetched',
	static function () {
		global $wpdb;
		// One atomic statement: web server workers may fetch at the same time.
		$wpdb->query( $wpdb->prepare( "INSERT INTO {$wpdb->options} (option_name, option_value, autoload) VALUES (%s, '1', 'off') ON DUPLICATE KEY UPDATE option_value = option_value + 1", '${ COUNTER }' ) );
	}
);
add_action(
	'rest_api_init',
	static function () {
		register_rest_route(
			'cognito-blocks-bench/v1',
			'/jwks-fetches',
			array(
				'methods'             => 'GET',
				// Random per run, so the counter route is no open door even for the life of the run.
				'permission_callback' => static fn( $request ) => hash_equals( '${ key }', (string) $request->get_header( 'x-bench-key' ) ),
				'callback'            => static function () {
					global $wpdb;
					return array( 'count' => (int) $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", '${ COUNTER }' ) ) );
				},
			)
		);
	}
);
`;
}

/** Median of numbers. */
export function median( values ) {
	const sorted = [ ...values ].sort( ( a, b ) => a - b );
	const mid = Math.floor( sorted.length / 2 );
	return sorted.length % 2
		? sorted[ mid ]
		: ( sorted[ mid - 1 ] + sorted[ mid ] ) / 2;
}

/** The p-th percentile (nearest rank). */
export function percentile( values, p ) {
	const sorted = [ ...values ].sort( ( a, b ) => a - b );
	return sorted[
		Math.min(
			sorted.length - 1,
			Math.ceil( ( p / 100 ) * sorted.length ) - 1
		)
	];
}

export async function timed( url, init ) {
	const started = performance.now();
	const response = await fetch( url, init );
	const text = await response.text();
	return {
		ms: performance.now() - started,
		status: response.status,
		text,
	};
}

/** An admin call; the emulator accepts any SigV4-looking signature from loopback. */
export async function admin( env, operation, input ) {
	const response = await fetch( `${ env.EMULATOR_URL }/`, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/x-amz-json-1.1',
			'X-Amz-Target': `AWSCognitoIdentityProviderService.${ operation }`,
			Authorization:
				'AWS4-HMAC-SHA256 Credential=bench/20240101/us-east-1/cognito-idp/aws4_request, SignedHeaders=host, Signature=0',
		},
		body: JSON.stringify( { UserPoolId: env.COGNITO_POOL_ID, ...input } ),
	} );
	if ( ! response.ok ) {
		throw new Error( `${ operation }: ${ await response.text() }` );
	}
}

/**
 * Creates a confirmed pool user with a verified email (its username) and a random permanent password.
 *
 * @param {Object}   env        Stack environment.
 * @param {string}   username   Username and email.
 * @param {Object[]} attributes More user attributes.
 * @return {Promise<string>} The password.
 */
export async function poolUser( env, username, attributes = [] ) {
	const password = `Bench-${ randomBytes( 9 ).toString( 'base64url' ) }-1a!`;
	await admin( env, 'AdminCreateUser', {
		Username: username,
		MessageAction: 'SUPPRESS',
		UserAttributes: [
			{ Name: 'email', Value: username },
			{ Name: 'email_verified', Value: 'true' },
			...attributes,
		],
	} );
	await admin( env, 'AdminSetUserPassword', {
		Username: username,
		Password: password,
		Permanent: true,
	} );
	return password;
}

/**
 * ID tokens for `count` sign-ins, spread over `users` pool users created for the run, so each account's list of
 * WordPress sessions stays as short as a real person's (one account signing in hundreds of times would make
 * every sign-in rewrite a long session list). Token i belongs to user i mod `users`.
 *
 * @param {Record<string,string>} env   Stack environment.
 * @param {number}                count Tokens wanted.
 * @param {number}                users Accounts to spread them over.
 */
async function tokenPool( env, count, users ) {
	const options = {
		url: env.EMULATOR_URL,
		poolId: env.COGNITO_POOL_ID,
		clientId: env.COGNITO_CLIENT_ID,
	};
	const tag = randomBytes( 4 ).toString( 'hex' );
	const sessions = [];
	for ( let u = 0; u < users; u++ ) {
		const username = `bench-${ tag }-${ u }@example.test`;
		const password = await poolUser( env, username, [
			{ Name: 'given_name', Value: 'Bench' },
			{ Name: 'family_name', Value: `User ${ u }` },
		] );
		sessions.push( await srpSignIn( { ...options, username, password } ) );
	}
	const tokens = sessions.map( ( session ) => session.idToken );
	while ( tokens.length < count ) {
		tokens.push(
			await refreshIdToken( {
				...options,
				refreshToken: sessions[ tokens.length % users ].refreshToken,
			} )
		);
	}
	const jtis = new Set( tokens.map( ( token ) => claimsOf( token ).jti ) );
	if ( jtis.size !== tokens.length ) {
		throw new Error( 'the emulator issued a jti twice' );
	}
	return tokens.slice( 0, count );
}

/**
 * Runs the section and prints its figures.
 *
 * @param {Record<string,string>} env               Stack environment (tests/support/stack.mjs).
 * @param {Object}                options
 * @param {number=}               options.count     Measured requests of each kind (at least 200).
 * @param {number=}               options.warmup    Unmeasured requests of each kind first.
 * @param {number=}               options.users     Pool users the sign-ins are spread over (≤ warmup, so
 *                                                  every account is created before the measured run).
 * @param {(line:string)=>void=}  options.log       Output.
 * @param {string[]=}             options.baselines Bare REST GETs to compare with.
 */
export async function run(
	env,
	{
		count = 200,
		warmup = 20,
		users = 20,
		log = console.log,
		baselines = [ '/wp-json/', '/wp-json/wp/v2/types/post' ],
	} = {}
) {
	if ( ! env.EMULATOR_URL ) {
		throw new SectionSkipped(
			'the test stack runs without the Cognito emulator'
		);
	}
	const site = env.WP_URL.replace( /\/$/, '' );
	if ( new URL( site ).hostname !== '127.0.0.1' ) {
		throw new SectionSkipped( `WP_URL is not on 127.0.0.1: ${ site }` );
	}
	const n = Math.max( 200, count );

	const started = performance.now();
	const tokens = await tokenPool(
		env,
		n + warmup,
		Math.min( users, warmup )
	);
	log(
		`  ${ tokens.length } ID tokens from the emulator for ${ Math.min( users, warmup ) } pool users (one SRP sign-in each, then refreshes) in ${ (
			( performance.now() - started ) /
			1000
		).toFixed( 1 ) } s`
	);

	const muDir = path.join( env.WP_ROOT, 'wp-content/mu-plugins' );
	const muFile = path.join( muDir, 'cognito-blocks-bench-counter.php' );
	const key = randomBytes( 16 ).toString( 'hex' );
	mkdirSync( muDir, { recursive: true } );
	writeFileSync( muFile, counterPlugin( key ) );
	try {
		const fetches = async () => {
			const response = await fetch(
				`${ site }/wp-json/cognito-blocks-bench/v1/jwks-fetches`,
				{ headers: { 'X-Bench-Key': key } }
			);
			return ( await response.json() ).count;
		};
		const post = () =>
			timed( `${ site }/wp-json/cognito-blocks/v1/session`, {
				method: 'POST',
				headers: {
					'Content-Type': 'application/json',
					Origin: site,
				},
				body: JSON.stringify( { idToken: tokens.shift() } ),
			} );
		const kinds = [
			{ label: 'POST /wp-json/cognito-blocks/v1/session', send: post },
			...baselines.map( ( route ) => ( {
				label: `GET  ${ route }`,
				send: () => timed( `${ site }${ route }` ),
			} ) ),
		];
		const times = kinds.map( () => [] );
		const failures = [];
		let rounds = 0;
		const round = async ( record ) => {
			// Rotate the order so no kind always runs right after the same other one.
			for ( let k = 0; k < kinds.length; k++ ) {
				const index = ( k + rounds ) % kinds.length;
				const result = await kinds[ index ].send();
				if ( result.status !== 200 ) {
					failures.push(
						`${ kinds[ index ].label }: ${ result.status } ${ result.text.slice( 0, 200 ) }`
					);
				}
				if ( record ) {
					times[ index ].push( result.ms );
				}
			}
			rounds++;
		};

		for ( let i = 0; i < warmup; i++ ) {
			await round( false );
		}
		const fetchesBefore = await fetches();
		for ( let i = 0; i < n; i++ ) {
			await round( true );
		}
		const fetchesDuring = ( await fetches() ) - fetchesBefore;

		const medians = times.map( median );
		const ms = ( value ) => `${ value.toFixed( 1 ) } ms`;
		log(
			`  ${ n } requests of each kind, interleaved, after ${ warmup } warm-up rounds:`
		);
		kinds.forEach( ( kind, index ) =>
			log(
				`    ${ kind.label.padEnd( 44 ) } median ${ ms( medians[ index ] ) }   p90 ${ ms( percentile( times[ index ], 90 ) ) }`
			)
		);
		const ratios = medians
			.slice( 1 )
			.map( ( value ) => medians[ 0 ] / value );
		baselines.forEach( ( route, index ) =>
			log(
				`  ratio session / GET ${ route }: ${ ratios[ index ].toFixed( 2 ) }  (goal ≤ 1.25, warm JWKS cache)`
			)
		);
		log(
			`  the session endpoint takes ${ ms( medians[ 0 ] - medians[ medians.length - 1 ] ) } more than GET ${ baselines.at( -1 ) } (median against median)`
		);
		log(
			`  JWKS fetches: ${ fetchesDuring } during the measured run, ${ fetchesBefore } during warm-up`
		);
		if ( failures.length ) {
			log(
				`  non-200 answers: ${ failures.length }; first: ${ failures[ 0 ] }`
			);
		}
		return { medians, ratios, fetchesDuring, failures: failures.length };
	} finally {
		rmSync( muFile, { force: true } );
	}
}
