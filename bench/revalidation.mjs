/**
 * What a signed-in request costs when its session is due for a check with Cognito, against the same request when
 * it is not, interleaved in one run on the same session.
 *
 * A pool user signs in once (SRP against the emulator) and hands the site its ID and refresh tokens, so the session
 * is bound to Cognito. A must-use plugin written for the run makes each request due or not by its X-Bench-Due
 * header: it sets the session's last check to long ago (due) or to now (not due), one session write either way, so
 * the two kinds differ by the check alone (a refresh against the emulator, and the session record written back).
 * The request is admin-ajax's rest-nonce, a small signed-in request every page with a profile makes.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { srpSignIn } from '../tests/support/emulator-sign-in.mjs';
import { median, percentile, poolUser, timed } from './session-endpoint.mjs';
import { SectionSkipped } from './skip.mjs';

const PLUGIN = `<?php
/**
 * Makes a request's session due for its Cognito check or not (written and removed by bench/revalidation.mjs).
 *
 * @package CognitoBlocks
 */

add_filter(
	'option_cognito_blocks_settings',
	static fn( $settings ) => array_merge( (array) $settings, array( 'bind_refresh_token' => true, 'revalidate_interval' => 60 ) )
);
add_filter(
	'determine_current_user',
	static function ( $user_id ) {
		if ( ! $user_id || ! isset( $_SERVER['HTTP_X_BENCH_DUE'] ) ) {
			return $user_id;
		}
		$token    = wp_get_session_token();
		$sessions = WP_Session_Tokens::get_instance( $user_id );
		$session  = $sessions->get( $token );
		if ( is_array( $session['cognito_blocks'] ?? null ) ) {
			$session['cognito_blocks']['checked'] = '1' === $_SERVER['HTTP_X_BENCH_DUE'] ? 0 : time();
			$sessions->update( $token, $session );
		}
		return $user_id;
	},
	50
);
`;

/**
 * @param {Record<string,string>} env            Stack environment.
 * @param {Object}                options
 * @param {number=}               options.count  Requests of each kind.
 * @param {number=}               options.warmup Warm-up rounds.
 * @param {Function=}             options.log    Output.
 */
export async function run(
	env,
	{ count = 200, warmup = 20, log = console.log } = {}
) {
	if ( ! env.EMULATOR_URL ) {
		throw new SectionSkipped(
			'the test stack runs without the Cognito emulator'
		);
	}
	const site = env.WP_URL.replace( /\/$/, '' );
	const username = `bench-reval-${ randomBytes( 4 ).toString( 'hex' ) }@example.test`;
	const password = await poolUser( env, username );
	const tokens = await srpSignIn( {
		url: env.EMULATOR_URL,
		poolId: env.COGNITO_POOL_ID,
		clientId: env.COGNITO_CLIENT_ID,
		username,
		password,
	} );

	const muDir = path.join( env.WP_ROOT, 'wp-content/mu-plugins' );
	const muFile = path.join( muDir, 'cognito-blocks-bench-revalidation.php' );
	mkdirSync( muDir, { recursive: true } );
	writeFileSync( muFile, PLUGIN );
	try {
		const signIn = await fetch(
			`${ site }/wp-json/cognito-blocks/v1/session`,
			{
				method: 'POST',
				headers: { 'Content-Type': 'application/json', Origin: site },
				body: JSON.stringify( {
					idToken: tokens.idToken,
					refreshToken: tokens.refreshToken,
				} ),
			}
		);
		if ( ! signIn.ok ) {
			throw new Error(
				`sign-in: ${ signIn.status } ${ await signIn.text() }`
			);
		}
		const cookie = signIn.headers
			.getSetCookie()
			.map( ( line ) => line.split( ';' )[ 0 ] )
			.filter( ( pair ) => ! pair.endsWith( '=deleted' ) )
			.join( '; ' );
		const request = ( due ) =>
			timed( `${ site }/wp-admin/admin-ajax.php?action=rest-nonce`, {
				headers: { Cookie: cookie, 'X-Bench-Due': due ? '1' : '0' },
			} );
		const kinds = [
			{
				label: 'signed-in request, session checked with Cognito',
				due: true,
			},
			{ label: 'signed-in request, no check due', due: false },
		];
		const times = kinds.map( () => [] );
		let bad = 0;
		for ( let i = 0; i < warmup + count; i++ ) {
			for ( let k = 0; k < kinds.length; k++ ) {
				const index = ( k + i ) % kinds.length;
				const result = await request( kinds[ index ].due );
				// A nonce, not "0": still signed in (the check passed, the session lives on).
				if ( result.status !== 200 || result.text.trim() === '0' ) {
					bad++;
				}
				if ( i >= warmup ) {
					times[ index ].push( result.ms );
				}
			}
		}
		const medians = times.map( median );
		const ms = ( value ) => `${ value.toFixed( 1 ) } ms`;
		log(
			`  ${ count } requests of each kind on one session, interleaved, after ${ warmup } warm-up rounds:`
		);
		kinds.forEach( ( kind, index ) =>
			log(
				`    ${ kind.label.padEnd( 50 ) } median ${ ms( medians[ index ] ) }   p90 ${ ms( percentile( times[ index ], 90 ) ) }`
			)
		);
		log(
			`  ratio checked / not due: ${ ( medians[ 0 ] / medians[ 1 ] ).toFixed( 2 ) }; a check adds ${ ms( medians[ 0 ] - medians[ 1 ] ) } (median against median), once per session per revalidate_interval`
		);
		if ( bad ) {
			log( `  answers that were not a signed-in nonce: ${ bad }` );
		}
		return { medians, bad };
	} finally {
		rmSync( muFile, { force: true } );
	}
}
