/**
 * The checkout's Composer packages. The plugin itself needs none at run time (it reads the pool's signing keys
 * without a library, php/Auth/RsaPublicKey.php, and php/autoload.php loads its classes without vendor/); vendor/
 * holds the PHP tools `npm test` runs (PHPUnit, PHPCS, PHPStan) and Composer's autoloader. So `npm start` installs
 * them when they are missing or composer.lock changed since, and a machine without Composer still serves a working
 * site. The plugin zip ships its own vendor/.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { run } from './processes.mjs';
import { PROJECT_ROOT } from '../wordpress/wordpress.mjs';

const LOCK = path.join( PROJECT_ROOT, 'composer.lock' );
const INSTALLED = path.join( PROJECT_ROOT, 'vendor/composer/installed.json' );

export function phpLibrariesCurrent() {
	return (
		existsSync( path.join( PROJECT_ROOT, 'vendor/autoload.php' ) ) &&
		existsSync( INSTALLED ) &&
		( ! existsSync( LOCK ) ||
			statSync( INSTALLED ).mtimeMs >= statSync( LOCK ).mtimeMs )
	);
}

/**
 * @return {Promise<'up to date'|'installed'|'no composer'>} What happened; 'no composer' when Composer is not
 *         on the PATH (the caller says what that means: the PHP test tools are missing, nothing else).
 */
export async function installPhpLibrariesIfStale() {
	if ( phpLibrariesCurrent() ) {
		return 'up to date';
	}
	try {
		await run( 'composer', [ '--version' ], { cwd: PROJECT_ROOT } );
	} catch {
		return 'no composer';
	}
	await run( 'composer', [ 'install', '--no-interaction', '--no-progress' ], {
		cwd: PROJECT_ROOT,
		env: { COMPOSER_NO_AUDIT: '1' },
	} );
	return 'installed';
}
