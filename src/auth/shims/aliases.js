/**
 * Module replacements for amazon-cognito-identity-js in the browser bundle, read by webpack.config.js and by
 * Vitest (so unit tests run the library the way visitors get it). Each swaps code the library carries for a
 * smaller equivalent covering the few calls it makes: together about 12 kB gzip off the front-end script.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = ( file ) => fileURLToPath( new URL( file, import.meta.url ) );

/** Packages the library imports, by exact module name (never a path inside the package). */
export const libraryShims = {
	buffer: here( './buffer.ts' ),
	'@aws-crypto/sha256-js': here( './sha256.ts' ),
};

/** The library's ES build, whose own modules below are replaced (it imports them as `./<name>`). */
export const libraryDir = path.dirname(
	createRequire( import.meta.url ).resolve(
		'amazon-cognito-identity-js/es/index.js'
	)
);

export const libraryInternals = {
	BigInteger: here( './big-integer.ts' ),
	'utils/WordArray': here( './word-array.ts' ),
};

/**
 * `import 'isomorphic-unfetch'` only installs a fetch() polyfill when fetch is missing; every browser the plugin
 * supports has fetch, so the bundle leaves it out.
 */
export const ignoredModules = [ 'isomorphic-unfetch' ];

/**
 * The rule above as one function, for bundlers that resolve request by request (Vite, esbuild); webpack gets
 * the same tables as aliases.
 * @param {string}           request  The import specifier as written.
 * @param {string|undefined} importer The importing file.
 * @return {string|false|null} The file to load instead, false for an empty module, null to resolve as usual.
 */
export function replacementFor( request, importer ) {
	if ( Object.hasOwn( libraryShims, request ) ) {
		return libraryShims[ request ];
	}
	const inner = request.replace( /^\.\//, '' );
	if (
		importer?.startsWith( libraryDir ) &&
		Object.hasOwn( libraryInternals, inner )
	) {
		return libraryInternals[ inner ];
	}
	return ignoredModules.includes( request ) ? false : null;
}
