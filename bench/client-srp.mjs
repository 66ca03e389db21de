/**
 * The browser's share of an SRP sign-in: amazon-cognito-identity-js computing A = g^a mod N and the password
 * key from the server's B and salt (3072-bit modular powers, SHA-256, HKDF), once with the library as published
 * and once as the plugin's bundle ships it (src/auth/shims: native BigInt, noble SHA-256). Both are bundled for
 * the browser with esbuild into a temporary folder and run in this Node process (V8, as in Chromium),
 * interleaved, after a warm-up. Prints medians and their ratio; asserts nothing.
 *
 *   node bench/client-srp.mjs [rounds]
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { PROJECT_ROOT } from '../dev/wordpress/wordpress.mjs';
import { libraryDir, replacementFor } from '../src/auth/shims/aliases.js';

/** The same replacements as webpack.config.js, for esbuild. */
export const shims = {
	name: 'library-shims',
	setup( builder ) {
		builder.onResolve(
			{ filter: /.*/ },
			( { path: request, importer } ) => {
				const file = replacementFor( request, importer );
				if ( file === false ) {
					return { path: request, namespace: 'empty' };
				}
				return file ? { path: file } : undefined;
			}
		);
		builder.onLoad( { filter: /.*/, namespace: 'empty' }, () => ( {
			contents: '',
		} ) );
	},
};

/**
 * amazon-cognito-identity-js bundled for the browser into `folder` and loaded here.
 *
 * @param {string}   folder  Temporary folder.
 * @param {string}   name    Bundle name.
 * @param {Array}    plugins esbuild plugins ([ shims ] for the library as the plugin ships it).
 * @param {string[]} names   Exports wanted.
 * @return {Promise<Object>} The module's exports.
 */
export async function bundleLibrary(
	folder,
	name,
	plugins,
	names = [ 'AuthenticationHelper' ]
) {
	const entry = path.join( folder, `${ name }-entry.mjs` );
	writeFileSync(
		entry,
		`export { ${ names.join( ', ' ) } } from ${ JSON.stringify(
			path.join( libraryDir, 'index.js' )
		) };\n`
	);
	const outfile = path.join( folder, `${ name }.mjs` );
	await build( {
		entryPoints: [ entry ],
		bundle: true,
		format: 'esm',
		platform: 'browser',
		outfile,
		plugins,
		absWorkingDir: PROJECT_ROOT,
		logLevel: 'error',
		define: { 'process.env.NODE_ENV': '"production"' },
	} );
	return import( pathToFileURL( outfile ).href );
}

async function bundle( folder, name, plugins ) {
	return ( await bundleLibrary( folder, name, plugins ) )
		.AuthenticationHelper;
}

/** One sign-in's client-side maths: A, then the password key from B and the salt. */
function signInMaths( Helper, serverB, salt ) {
	return new Promise( ( resolve, reject ) => {
		const helper = new Helper( 'BenchPool1' );
		helper.getLargeAValue( ( error, largeA ) => {
			if ( error ) {
				reject( error );
				return;
			}
			const Big = largeA.constructor;
			helper.getPasswordAuthenticationKey(
				'bench',
				'Bench-Passw0rd!',
				new Big( serverB, 16 ),
				new Big( salt, 16 ),
				( keyError, key ) =>
					keyError ? reject( keyError ) : resolve( key )
			);
		} );
	} );
}

const median = ( values ) => {
	const sorted = [ ...values ].sort( ( a, b ) => a - b );
	return sorted[ Math.floor( sorted.length / 2 ) ];
};

export async function run( { rounds = 30 } = {} ) {
	const folder = mkdtempSync( path.join( tmpdir(), 'cognito-blocks-srp-' ) );
	// The published build's fetch polyfill reads `self` when it loads; nothing here fetches.
	globalThis.self ??= globalThis;
	try {
		const variants = {
			'as published (jsbn, @aws-crypto/sha256-js, buffer)': await bundle(
				folder,
				'published',
				[]
			),
			'as the plugin ships it (native BigInt, noble SHA-256)':
				await bundle( folder, 'shipped', [ shims ] ),
		};
		const serverB = randomBytes( 384 ).toString( 'hex' );
		const salt = randomBytes( 16 ).toString( 'hex' );
		const times = Object.fromEntries(
			Object.keys( variants ).map( ( name ) => [ name, [] ] )
		);
		for ( let round = -3; round < rounds; round++ ) {
			// Alternate which goes first, so neither always runs on a warmer engine.
			const order = Object.keys( variants );
			if ( round % 2 ) {
				order.reverse();
			}
			for ( const name of order ) {
				const started = performance.now();
				await signInMaths( variants[ name ], serverB, salt );
				if ( round >= 0 ) {
					times[ name ].push( performance.now() - started );
				}
			}
		}
		const [ published, shipped ] = Object.keys( variants ).map( ( name ) =>
			median( times[ name ] )
		);
		for ( const name of Object.keys( variants ) ) {
			console.log(
				`  ${ name }: median ${ median( times[ name ] ).toFixed( 1 ) } ms per sign-in (${ rounds } rounds)`
			);
		}
		console.log(
			`  ratio: the shipped maths takes ${ ( shipped / published ).toFixed( 2 ) }× the published time (${ ( published / shipped ).toFixed( 1 ) }× faster)`
		);
	} finally {
		rmSync( folder, { recursive: true, force: true } );
	}
}

if ( import.meta.url === pathToFileURL( process.argv[ 1 ] ).href ) {
	await run( { rounds: Number( process.argv[ 2 ] ) || 30 } );
}
