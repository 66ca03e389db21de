/**
 * The built plugin as the guards read it: `build/` (or the folder in COGNITO_BLOCKS_BUILD_DIR, to check a scratch
 * build made with `wp-scripts build --output-path=…` without touching the shared one).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve( __dirname, '../../..' );

export const BUILD_DIR = path.resolve(
	ROOT,
	process.env.COGNITO_BLOCKS_BUILD_DIR ?? 'build'
);

/**
 * The path of a built file; throws, naming the fix, when it is missing.
 * @param name Path inside the build folder.
 */
export function builtPath( name: string ): string {
	const file = path.join( BUILD_DIR, name );
	if ( ! existsSync( file ) ) {
		throw new Error(
			`${ path.relative(
				ROOT,
				file
			) } is missing: run \`npm run build\` first (\`npm test\` builds before the unit tests)`
		);
	}
	return file;
}

/** Every script the build wrote (entries and lazy chunks), by path inside the build folder. */
export function builtScripts(): Map< string, string > {
	builtPath( 'view.js' );
	const scripts = new Map< string, string >();
	const walk = ( dir: string ) => {
		for ( const entry of readdirSync( dir, { withFileTypes: true } ) ) {
			const full = path.join( dir, entry.name );
			if ( entry.isDirectory() ) {
				walk( full );
			} else if ( entry.name.endsWith( '.js' ) ) {
				scripts.set(
					path.relative( BUILD_DIR, full ),
					readFileSync( full, 'utf8' )
				);
			}
		}
	};
	walk( BUILD_DIR );
	return scripts;
}
