/** Starts one emulator (fresh temp data folder, free 127.0.0.1 port) for the whole suite, and stops it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmulator } from '../../dev/cognito-emulator/src/index';
import { SEED } from './seed';

declare module 'vitest' {
	export interface ProvidedContext {
		emulatorUrl: string;
	}
}

export default async function setup( project: TestProject ) {
	const dataDir = mkdtempSync(
		join( tmpdir(), 'cognito-emulator-conformance-' )
	);
	const emulator = await startEmulator( {
		port: 0,
		dataDir,
		seed: SEED,
		quiet: true,
	} );
	project.provide( 'emulatorUrl', emulator.url );
	process.env.COGNITO_EMULATOR_URL = emulator.url;
	return async () => {
		await emulator.close();
		rmSync( dataDir, { recursive: true, force: true } );
	};
}
