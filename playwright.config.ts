/**
 * End-to-end tests in Debian's Chromium (playwright-core drives the system browser; nothing is downloaded) against
 * the real WordPress + MariaDB + emulator stack that tests/run.mjs starts, or that global-setup starts when the
 * suite runs on its own (`npx playwright test`).
 */
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/support/chromium.mjs';

export default defineConfig( {
	testDir: 'tests/e2e',
	globalSetup: './tests/e2e/global-setup.ts',
	fullyParallel: false,
	workers: 1,
	// On CI, a test that fails once runs again; Playwright then reports it as "flaky" by name, and a second
	// failure fails the suite.
	retries: process.env.CI ? 1 : 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [ [ 'list' ] ],
	outputDir: '.dev/test/playwright',
	use: {
		browserName: 'chromium',
		baseURL: process.env.WP_URL,
		trace: 'retain-on-failure',
		launchOptions: chromiumLaunchOptions(),
	},
} );
