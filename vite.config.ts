/**
 * Vitest (unit and component tests in jsdom) and the designer gallery (`npm run gallery`, then open /gallery/).
 */
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { replacementFor } from './src/auth/shims/aliases.js';

/**
 * The browser bundle's replacements inside amazon-cognito-identity-js (src/auth/shims/aliases.js, which webpack
 * reads too). Node has fetch, so the fetch polyfill the bundle drops is left alone here.
 */
const libraryShims: Plugin = {
	name: 'cognito-blocks-library-shims',
	enforce: 'pre',
	resolveId( source, importer ) {
		const file = replacementFor( source, importer );
		return typeof file === 'string' ? file : null;
	},
};

export default defineConfig( {
	root: '.',
	plugins: [ libraryShims ],
	server: { host: '127.0.0.1', port: 5173 },
	esbuild: { jsx: 'automatic' },
	resolve: {
		// Node-environment tests would otherwise load the library's CommonJS build, which Vite does not rewrite
		// (so the shims would not apply): take its ES build, as webpack does.
		alias: [
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
		// Processed by Vite rather than loaded by Node, so the shims apply inside the library too.
		server: { deps: { inline: [ 'amazon-cognito-identity-js' ] } },
	},
} );
