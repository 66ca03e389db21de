/**
 * Starts the Cognito emulator for the test stack.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../dev/wordpress/wordpress.mjs';

export function emulatorAvailable() {
	return (
		existsSync(
			path.join( PROJECT_ROOT, 'dev/cognito-emulator/src/cli.ts' )
		) && false
	);
}

export async function startTestEmulator() {
	throw new Error( 'not wired yet' );
}
