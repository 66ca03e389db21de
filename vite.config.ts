/**
 * Vitest (unit and component tests in jsdom) and the designer gallery (`npm run gallery`, then open /gallery/).
 */
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import {
	libraryDir,
	libraryInternals,
	libraryShims,
} from './src/auth/shims/aliases.js';

/** The library's own modules that the browser bundle replaces (webpack.config.js does the same by path). */
const replaceLibraryInternals: Plugin = {
	name: 'cognito-blocks-library-internals',
	enforce: 'pre',
	resolveId( source, importer ) {
		const name = source.replace( /^\.\//, '' );
		if (
			importer?.startsWith( libraryDir ) &&
			Object.hasOwn( libraryInternals, name )
		) {
			return libraryInternals[ name as keyof typeof libraryInternals ];
		}
		return null;
	},
};

export default defineConfig( {
	root: '.',
	plugins: [ replaceLibraryInternals ],
	server: { host: '127.0.0.1', port: 5173 },
	esbuild: { jsx: 'automatic' },
	resolve: {
		// The same polyfill replacements as the browser bundle (webpack.config.js), exact names only.
		// Node-environment tests would otherwise load the library's CommonJS build, which Vite does not rewrite:
		// take its ES build, as webpack does.
		alias: [
			...Object.entries( libraryShims ).map( ( [ name, file ] ) => ( {
				find: new RegExp( `^${ name.replace( /[/.]/g, '\\$&' ) }$` ),
				replacement: file,
			} ) ),
			{
				find: /^amazon-cognito-identity-js$/,
				replacement: 'amazon-cognito-identity-js/es/index.js',
			},
		],
	},
	test: {
		environment: 'jsdom',
		globals: true,
		include: [ 'tests/unit/**/*.test.{ts,tsx}' ],
		setupFiles: [ 'tests/unit/setup.ts' ],
		restoreMocks: true,
		// Processed by Vite rather than loaded by Node, so the aliases above apply inside the library too.
		server: { deps: { inline: [ 'amazon-cognito-identity-js' ] } },
	},
} );
