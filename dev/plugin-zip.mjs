/**
 * `npm run plugin-zip`: writes cognito-blocks.zip, the installable plugin.
 *
 * Contents: the files listed in package.json "files" (plugin header, php/, build/, block metadata) plus a
 * production vendor/ installed into a staging folder, so sites never run Composer.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { run } from './lib/processes.mjs';
import { PROJECT_ROOT } from './wordpress/wordpress.mjs';

const SLUG = 'cognito-blocks';
const staging = path.join( PROJECT_ROOT, '.dev/plugin-zip', SLUG );
const zipFile = path.join( PROJECT_ROOT, `${ SLUG }.zip` );

rmSync( path.dirname( staging ), { recursive: true, force: true } );
mkdirSync( staging, { recursive: true } );

const { files } = JSON.parse(
	readFileSync( path.join( PROJECT_ROOT, 'package.json' ), 'utf8' )
);
for ( const entry of files ) {
	if ( entry === 'vendor' ) {
		continue;
	}
	// Patterns like blocks/*/block.json are already in build/blocks; copy plain paths only.
	if (
		! entry.includes( '*' ) &&
		existsSync( path.join( PROJECT_ROOT, entry ) )
	) {
		cpSync( path.join( PROJECT_ROOT, entry ), path.join( staging, entry ), {
			recursive: true,
		} );
	}
}
cpSync(
	path.join( PROJECT_ROOT, 'composer.json' ),
	path.join( staging, 'composer.json' )
);
await run( 'composer', [
	'install',
	'--no-dev',
	'--optimize-autoloader',
	'--no-interaction',
	'--no-progress',
	`--working-dir=${ staging }`,
] );
rmSync( path.join( staging, 'composer.json' ) );

rmSync( zipFile, { force: true } );
await run( 'zip', [ '-qr', zipFile, SLUG ], { cwd: path.dirname( staging ) } );
console.log( `Wrote ${ path.relative( process.cwd(), zipFile ) }` );
