/**
 * What both ways of serving the offline WordPress share (wordpress.mjs with native PHP, playground.mjs with
 * the Playground CLI): how a site folder is (re)made, setup.php's input, and when a server counts as up.
 */
import {
	existsSync,
	mkdirSync,
	readFileSync,
	renameSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { assertPortFree } from '../lib/processes.mjs';

export const PLUGIN_SLUG = 'cognito-blocks';

/** Written last into a finished site folder; a folder without it (or with another signature) is remade. */
const MARKER = '.cognito-blocks-site.json';

/**
 * Lays out a site in `dir` with `build( staging )` unless `dir` already holds one made for `signature`. The new
 * tree is built next to `dir` and renamed into place, so an interrupted run never leaves a half-made site that
 * would pass for a finished one.
 *
 * @param {Object}                            options
 * @param {string}                            options.dir       The site folder.
 * @param {string}                            options.signature What the site was made for (build, URL, server).
 * @param {boolean=}                          options.fresh     Remake it even when the signature matches.
 * @param {(staging: string) => Promise<any>} options.build     Writes the site's files into `staging`.
 * @return {Promise<boolean>} true when files were (re)created.
 */
export async function layOutSite( { dir, signature, fresh = false, build } ) {
	const marker = path.join( dir, MARKER );
	if (
		! fresh &&
		existsSync( marker ) &&
		readFileSync( marker, 'utf8' ) === signature
	) {
		return false;
	}
	const staging = `${ dir }.tmp-${ process.pid }`;
	rmSync( staging, { recursive: true, force: true } );
	await build( staging );
	writeFileSync( path.join( staging, MARKER ), signature );
	rmSync( dir, { recursive: true, force: true } );
	mkdirSync( path.dirname( dir ), { recursive: true } );
	renameSync( staging, dir );
	return true;
}

/** setup.php's input (JSON): the site to install, its admin, the plugins to activate, and our settings, options and pages. */
export function setupInput( {
	url,
	admin,
	settings = null,
	pages = [],
	options = {},
	extraPlugins = [],
} ) {
	return JSON.stringify( {
		url,
		title: 'Cognito Blocks',
		admin,
		plugin: `${ PLUGIN_SLUG }/cognito-blocks.php`,
		extraPlugins,
		settings,
		options,
		pages,
	} );
}

/** Fails with a hint when `port` is taken; otherwise the address WordPress will answer at on it. */
export async function wordPressUrl( port ) {
	await assertPortFree(
		port,
		'WordPress',
		'Stop the other server or choose another port with --port=NNNN.'
	);
	return `http://127.0.0.1:${ port }`;
}

/** Whether WordPress at `url` is up: its REST index answers 200 itself (a redirect does not count). */
export async function wordPressAnswers( url ) {
	const response = await fetch( `${ url }/wp-json/`, { redirect: 'manual' } );
	return response.status === 200;
}
