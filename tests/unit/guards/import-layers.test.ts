// @vitest-environment node
/**
 * The folder rules in eslint.config.cjs report what ARCHITECTURE.md forbids: source text linted as if it were a
 * file in that folder (the file need not exist), with the ESLint that `wp-scripts lint-js` runs.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './built';

interface Message {
	ruleId: string | null;
	message: string;
}
interface Linter {
	lintText: (
		code: string,
		options: { filePath: string }
	) => Promise< { messages: Message[] }[] >;
}

/** wp-scripts' own ESLint (it may differ from the one hoisted to node_modules/eslint). */
const { ESLint } = createRequire(
	createRequire( import.meta.url ).resolve(
		'@wordpress/scripts/scripts/lint-js.js'
	)
)( 'eslint' ) as { ESLint: new ( options: { cwd: string } ) => Linter };

const LAYER_RULES = new Set( [
	'import/no-restricted-paths',
	'no-restricted-imports',
	'no-restricted-globals',
	'no-restricted-properties',
] );

let eslint: Linter;
beforeAll( () => {
	eslint = new ESLint( { cwd: ROOT } );
} );

/** The layer rules' reports on `code` as the file `filePath`. */
async function layerReports( filePath: string, code: string ) {
	const [ result ] = await eslint.lintText( code, {
		filePath: path.join( ROOT, filePath ),
	} );
	return result.messages
		.filter( ( message ) => LAYER_RULES.has( message.ruleId ?? '' ) )
		.map( ( { ruleId, message } ) => ( { ruleId, message } ) );
}

/**
 * A module that exists in `folder`, as a specifier relative to `from` (the path rule needs a file it can resolve).
 * @param folder
 * @param from
 */
function moduleIn( folder: string, from: string ): string {
	const file = readdirSync( path.join( ROOT, folder ) ).find( ( name ) =>
		/\.tsx?$/.test( name )
	);
	if ( ! file ) {
		throw new Error( `no module in ${ folder }` );
	}
	const relative = path.relative(
		path.join( ROOT, path.dirname( from ) ),
		path.join( ROOT, folder, file.replace( /\.tsx?$/, '' ) )
	);
	return relative.startsWith( '.' ) ? relative : `./${ relative }`;
}

/** What a rule must report, and where: `code` may import a module of a folder, written `<folder>`. */
const forbidden: { what: string; file: string; code: string; rule: string }[] =
	[
		...[ 'src/wp', 'src/components', 'src/hooks' ].map( ( folder ) => ( {
			what: `${ folder } in src/auth`,
			file: 'src/auth/shims/probe.ts',
			code: `import * as m from '<${ folder }>';`,
			rule: 'import/no-restricted-paths',
		} ) ),
		{
			what: 'React in src/auth',
			file: 'src/auth/probe.ts',
			code: "import { useState } from 'react';",
			rule: 'no-restricted-imports',
		},
		{
			what: 'WordPress beyond i18n in src/auth',
			file: 'src/auth/probe.ts',
			code: "import { select } from '@wordpress/data';",
			rule: 'no-restricted-imports',
		},
		{
			what: 'window in src/auth',
			file: 'src/auth/probe.ts',
			code: 'export const href = () => window.location.href;',
			rule: 'no-restricted-globals',
		},
		{
			what: 'src/wp in components',
			file: 'src/components/probe.tsx',
			code: "import * as m from '<src/wp>';",
			rule: 'import/no-restricted-paths',
		},
		{
			what: 'fetch in components',
			file: 'src/components/probe.tsx',
			code: "export const load = () => fetch( '/x' );",
			rule: 'no-restricted-globals',
		},
		{
			what: 'storage in components',
			file: 'src/components/probe.tsx',
			code: "export const read = () => window.localStorage.getItem( 'k' );",
			rule: 'no-restricted-properties',
		},
		{
			what: 'src/wp in hooks',
			file: 'src/hooks/probe.ts',
			code: "import * as m from '<src/wp>';",
			rule: 'import/no-restricted-paths',
		},
		{
			what: 'the test tools in a block',
			file: 'blocks/login/probe.ts',
			code: "import * as m from '../../tests/support/stack.mjs';",
			rule: 'import/no-restricted-paths',
		},
	];

describe( 'the import layers', () => {
	it.each( forbidden )(
		'report $what',
		async ( { file, code, rule } ) => {
			const source = code.replace( /<([^>]+)>/, ( _, folder: string ) =>
				moduleIn( folder, file )
			);
			expect( await layerReports( file, `${ source }\n` ) ).toEqual(
				expect.arrayContaining( [
					{
						ruleId: rule,
						message: expect.stringContaining( 'ARCHITECTURE.md' ),
					},
				] )
			);
		},
		60_000
	);

	it( 'let src/auth translate its messages', async () => {
		expect(
			await layerReports(
				'src/auth/probe.ts',
				"import { __ } from '@wordpress/i18n';\nexport const label = () => __( 'Sign in', 'cognito-blocks' );\n"
			)
		).toEqual( [] );
	}, 60_000 );
} );
