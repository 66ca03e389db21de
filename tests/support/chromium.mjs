/**
 * How every browser test and benchmark launches Debian's Chromium: the system binary (nothing is downloaded) with
 * the switches that keep its own background traffic out of a closed network and out of request counts.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--no-first-run',
	'--disable-sync',
];

/** Launch options for playwright-core's `chromium.launch()` and Playwright's `use.launchOptions`. */
export const chromiumLaunchOptions = () => ( {
	executablePath: CHROMIUM_PATH,
	args: [ ...CHROMIUM_ARGS ],
} );
