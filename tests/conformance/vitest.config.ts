/**
 * Conformance suite: the emulator driven by real AWS clients. Run with
 * `npx vitest run --config tests/conformance/vitest.config.ts`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig( {
	root: fileURLToPath( new URL( '../..', import.meta.url ) ),
	test: {
		environment: 'node',
		include: [ 'tests/conformance/**/*.test.ts' ],
		globalSetup: [ 'tests/conformance/global-setup.ts' ],
		testTimeout: 120_000,
		hookTimeout: 60_000,
		// Two cores: the SRP loop is CPU-bound, so more workers only slow each other down.
		maxWorkers: 2,
	},
} );
