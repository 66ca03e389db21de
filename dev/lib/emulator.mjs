/**
 * Starts dev/cognito-emulator as a child process with the demo pool for `npm start`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../wordpress/wordpress.mjs';

const CLI = path.join( PROJECT_ROOT, 'dev/cognito-emulator/src/cli.ts' );

export function emulatorAvailable() {
	return existsSync( CLI );
}

export async function startDemoEmulator() {
	throw new Error( 'The Cognito emulator is not wired into npm start yet.' );
}
