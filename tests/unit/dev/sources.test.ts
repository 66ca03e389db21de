// @vitest-environment node
/**
 * --wordpress= and --plugin=: release archives and folders unpack to the right place, a plugin's main file is
 * found by its header, and bad paths fail with a message that says what to pass.
 */
import { execFileSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
	chosenSources,
	installPluginSource,
	resolveSource,
	unpackWordPressSource,
} from '../../../dev/wordpress/sources.mjs';

let work: string;

beforeEach( () => {
	work = mkdtempSync( path.join( tmpdir(), 'cb-sources-' ) );
} );
afterEach( () => {
	rmSync( work, { recursive: true, force: true } );
} );

/** Writes files (path → text) under `root`. */
function tree( root: string, files: Record< string, string > ) {
	for ( const [ file, text ] of Object.entries( files ) ) {
		mkdirSync( path.dirname( path.join( root, file ) ), {
			recursive: true,
		} );
		writeFileSync( path.join( root, file ), text );
	}
}

/** A .tar.gz of `folder` (inside `parent`), as release archives are made. */
function tarball( parent: string, folder: string, name: string ) {
	const file = path.join( work, name );
	execFileSync( 'tar', [ '-czf', file, '-C', parent, folder ] );
	return file;
}

describe( 'WordPress from --wordpress', () => {
	it( 'unpacks a release archive whose files sit in its wordpress/ folder', async () => {
		const source = path.join( work, 'src' );
		tree( source, {
			'wordpress/wp-settings.php': '<?php // settings',
			'wordpress/wp-includes/version.php': "<?php $wp_version = '9.9';",
		} );
		const archive = tarball( source, 'wordpress', 'wordpress-9.9.tar.gz' );
		const staging = path.join( work, 'site' );
		await unpackWordPressSource( resolveSource( archive ).path, staging );
		expect(
			readFileSync(
				path.join( staging, 'wp-includes/version.php' ),
				'utf8'
			)
		).toContain( '9.9' );
		// Nothing of the unpacking is left next to the site.
		expect(
			execFileSync( 'ls', [ '-A', work ] ).toString().trim().split( '\n' )
		).toEqual( [ 'site', 'src', 'wordpress-9.9.tar.gz' ] );
	} );

	it( 'takes an unpacked folder too, and refuses one without WordPress', async () => {
		const folder = path.join( work, 'wp' );
		tree( folder, { 'wp-settings.php': '<?php' } );
		await unpackWordPressSource( folder, path.join( work, 'site' ) );
		expect( existsSync( path.join( work, 'site/wp-settings.php' ) ) ).toBe(
			true
		);
		const empty = path.join( work, 'empty' );
		tree( empty, { 'readme.txt': 'nothing here' } );
		await expect(
			unpackWordPressSource( empty, path.join( work, 'site2' ) )
		).rejects.toThrow( /holds no WordPress/ );
	} );
} );

describe( 'plugins from --plugin', () => {
	it( 'installs an archive under its folder name and finds the main file by its header', async () => {
		const source = path.join( work, 'src' );
		tree( source, {
			'shop/readme.txt': 'Plugin Name: not this one',
			'shop/includes/a.php': '<?php',
			'shop/aaa.php': '<?php // helper, no header',
			'shop/shop-main.php': '<?php\n/**\n * Plugin Name: Shop\n */',
		} );
		const plugins = path.join( work, 'plugins' );
		mkdirSync( plugins );
		const main = await installPluginSource(
			tarball( source, 'shop', 'shop-1.0.tar.gz' ),
			plugins
		);
		expect( main ).toBe( 'shop/shop-main.php' );
		expect(
			existsSync( path.join( plugins, 'shop/includes/a.php' ) )
		).toBe( true );
	} );

	it( 'refuses an archive that holds no plugin', async () => {
		const source = path.join( work, 'src' );
		tree( source, { 'stuff/notes.php': '<?php // no header' } );
		const plugins = path.join( work, 'plugins' );
		mkdirSync( plugins );
		await expect(
			installPluginSource(
				tarball( source, 'stuff', 'stuff.tar.gz' ),
				plugins
			)
		).rejects.toThrow( /holds no WordPress plugin/ );
	} );
} );

describe( 'resolveSource and chosenSources', () => {
	it( 'says what to pass when the path is missing or not an archive', () => {
		expect( () =>
			resolveSource( path.join( work, 'nope.tar.gz' ), 'WordPress' )
		).toThrow(
			/does not exist: pass WordPress as a \.tar\.gz, \.zip or folder/
		);
		tree( work, { 'notes.txt': 'x' } );
		expect( () =>
			resolveSource( path.join( work, 'notes.txt' ), 'a plugin' )
		).toThrow( /neither a folder nor a \.tar\.gz\/\.zip archive/ );
	} );

	it( 'reads the environment when no option is given, so a suite run on its own uses the same software', () => {
		tree( work, {
			'wp/wp-settings.php': '<?php',
			'p1/x.php': '',
			'p2/y.php': '',
		} );
		const saved = { ...process.env };
		try {
			process.env.COGNITO_BLOCKS_WORDPRESS = path.join( work, 'wp' );
			process.env.COGNITO_BLOCKS_PLUGINS = [ 'p1', 'p2' ]
				.map( ( name ) => path.join( work, name ) )
				.join( path.delimiter );
			const fromEnv = chosenSources( {} );
			expect( fromEnv.wordpress?.path ).toBe( path.join( work, 'wp' ) );
			expect( fromEnv.plugins.map( ( plugin ) => plugin.path ) ).toEqual(
				[ path.join( work, 'p1' ), path.join( work, 'p2' ) ]
			);
			// Options win over the environment.
			const given = chosenSources( {
				plugin: [ path.join( work, 'p2' ) ],
			} );
			expect( given.plugins ).toHaveLength( 1 );
			delete process.env.COGNITO_BLOCKS_WORDPRESS;
			delete process.env.COGNITO_BLOCKS_PLUGINS;
			expect( chosenSources( {} ) ).toEqual( {
				wordpress: null,
				plugins: [],
			} );
		} finally {
			process.env = saved;
		}
	} );
} );
