/**
 * Build for the blocks' editor scripts and the shared front-end view script.
 *
 * Extends @wordpress/scripts' default config so dependency extraction still writes *.asset.php files: React,
 * ReactDOM and @wordpress/* packages come from WordPress's own script handles instead of a second bundled copy.
 */
import { readdirSync, existsSync } from 'node:fs';
import CopyPlugin from 'copy-webpack-plugin';
import defaultConfig from '@wordpress/scripts/config/webpack.config.js';
import path from 'node:path';
import {
	ignoredModules,
	libraryDir,
	libraryInternals,
	libraryShims,
} from './src/auth/shims/aliases.js';

const blockNames = readdirSync( 'blocks', { withFileTypes: true } )
	.filter(
		( entry ) =>
			entry.isDirectory() &&
			existsSync( `blocks/${ entry.name }/block.json` )
	)
	.map( ( entry ) => entry.name );

/** Entries that are only a stylesheet: webpack still emits an empty script (and its .asset.php) for them. */
const styleOnlyEntries = [ 'login-screen' ];

/** Drops those empty scripts, so the plugin ships no file that nothing loads. */
class DropStyleOnlyScripts {
	apply( compiler ) {
		compiler.hooks.thisCompilation.tap(
			'DropStyleOnlyScripts',
			( compilation ) =>
				compilation.hooks.processAssets.tap(
					{
						name: 'DropStyleOnlyScripts',
						stage: compiler.webpack.Compilation
							.PROCESS_ASSETS_STAGE_REPORT,
					},
					() => {
						for ( const name of styleOnlyEntries ) {
							for ( const file of [
								`${ name }.js`,
								`${ name }.asset.php`,
							] ) {
								if ( compilation.getAsset( file ) ) {
									compilation.deleteAsset( file );
								}
							}
						}
					}
				)
		);
	}
}

export default {
	...defaultConfig,
	optimization: {
		...defaultConfig.optimization,
		splitChunks: {
			...defaultConfig.optimization.splitChunks,
			cacheGroups: {
				...defaultConfig.optimization.splitChunks.cacheGroups,
				// The OAuth client single sign-on loads with its "sso" chunk: named, so Assets::CHUNKS can list it.
				oauth: {
					test: /[\\/]node_modules[\\/]oauth4webapi[\\/]/,
					name: 'oauth',
					chunks: 'async',
					enforce: true,
				},
			},
		},
	},
	entry: {
		view: './src/view.tsx',
		// Elementor's editor preview only (php/Elementor/Integration.php).
		'elementor-preview': './src/elementor/preview.ts',
		// Settings › Cognito Blocks (wp-admin only).
		admin: './src/admin/index.tsx',
		// wp-login.php's own styles, so pages with a block do not download them.
		'login-screen': './src/styles/login.scss',
		...Object.fromEntries(
			blockNames.map( ( name ) => [
				`blocks/${ name }/index`,
				`./blocks/${ name }/index.ts`,
			] )
		),
	},
	resolve: {
		...defaultConfig.resolve,
		alias: {
			...defaultConfig.resolve?.alias,
			// `name$`: webpack's exact-match form.
			...Object.fromEntries(
				Object.entries( libraryShims ).map( ( [ name, file ] ) => [
					`${ name }$`,
					file,
				] )
			),
			// A relative import is matched by its absolute path (without the extension, as it is written).
			...Object.fromEntries(
				Object.entries( libraryInternals ).map( ( [ name, file ] ) => [
					`${ path.join( libraryDir, name ) }$`,
					file,
				] )
			),
			...Object.fromEntries(
				ignoredModules.map( ( name ) => [ `${ name }$`, false ] )
			),
		},
	},
	module: {
		...defaultConfig.module,
		rules: [
			...defaultConfig.module.rules,
			{
				// amazon-cognito-identity-js declares no `sideEffects`, so importing from its index kept every class
				// (CookieStorage and js-cookie included). Its es/ modules only define classes; saying so lets webpack
				// drop the ones the gateway never names.
				test: /[\\/]node_modules[\\/]amazon-cognito-identity-js[\\/]es[\\/]/,
				sideEffects: false,
			},
		],
	},
	plugins: [
		// The default CopyPlugin looks for block.json under src/; blocks live in blocks/ here.
		...defaultConfig.plugins.filter(
			( plugin ) => plugin.constructor.name !== 'CopyPlugin'
		),
		new CopyPlugin( {
			patterns: [
				{
					from: 'blocks/*/{block.json,render.php}',
					to: '[path][name][ext]',
				},
			],
		} ),
		new DropStyleOnlyScripts(),
	],
};
