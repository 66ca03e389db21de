/**
 * Vitest (unit and component tests in jsdom) and the designer gallery (`npm run gallery`, then open /gallery/).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig( {
	root: '.',
	server: { host: '127.0.0.1', port: 5173 },
	esbuild: { jsx: 'automatic' },
	test: {
		environment: 'jsdom',
		globals: true,
		include: [ 'tests/unit/**/*.test.{ts,tsx}' ],
		setupFiles: [ 'tests/unit/setup.ts' ],
		restoreMocks: true,
	},
} );
