// @vitest-environment node
/**
 * The built scripts really carry the replacements src/auth/shims/aliases.js names for amazon-cognito-identity-js,
 * and none of the code they replace. The list comes from aliases.js itself; per entry:
 *
 * - the original (resolved from the library's folder the way webpack does for the browser, plus the files of
 *   its own package it imports) is absent: none of its string literals of 12 characters or more (they survive
 *   minification), nor its hand-picked markers below, appear in any script under build/;
 * - the replacement is present: its marker below, which occurs in the replacement's source and not in the
 *   original, appears in some built script.
 *
 * An alias the library no longer matches (a renamed module, a new release laid out differently) leaves the
 * original in the bundle and fails here; so does a new alias until it has a marker.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import resolver from 'enhanced-resolve';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
	ignoredModules,
	libraryDir,
	libraryInternals,
	libraryShims,
} from '../../../src/auth/shims/aliases.js';
import { ROOT, builtScripts } from './built';

/** Code of the replacement that survives minification (compared without white space). */
const REPLACEMENT_MARKERS: Record< string, string > = {
	buffer: '/[^A-Za-z0-9+/\\-_]/g',
	'@aws-crypto/sha256-js': 'this.state.digest()',
	BigInteger: 'BigInteger: expected a hexadecimal number',
	'utils/WordArray': 'getRandomValues( new Uint8Array(',
};

/** Code of an original that has no long string literal to recognise it by. */
const ORIGINAL_MARKERS: Record< string, string[] > = {
	'isomorphic-unfetch': [ 'self.fetch || (self.fetch =' ],
};

const LITERAL_MIN_LENGTH = 12;

/** Resolution as webpack's defaults for a browser build. */
const resolve = resolver.create.sync( {
	conditionNames: [ 'webpack', 'production', 'browser', 'import', 'module' ],
	mainFields: [ 'browser', 'module', 'main' ],
	aliasFields: [ 'browser' ],
	extensions: [ '.ts', '.tsx', '.js', '.mjs', '.json' ],
} );

function resolveFrom( dir: string, request: string ): string {
	const file = resolve( dir, request );
	if ( ! file ) {
		throw new Error( `cannot resolve ${ request } from ${ dir }` );
	}
	return file;
}

const squeeze = ( text: string ) => text.replace( /\s+/g, '' );

const scanned = new Map< string, ReturnType< typeof scanFile > >();
const scan = ( file: string ) => {
	if ( ! scanned.has( file ) ) {
		scanned.set( file, scanFile( file ) );
	}
	return scanned.get( file ) as ReturnType< typeof scanFile >;
};

/** Module specifiers (import, export … from, require) and other string literals of one file. */
function scanFile( file: string ) {
	const source = ts.createSourceFile(
		file,
		readFileSync( file, 'utf8' ),
		ts.ScriptTarget.Latest,
		true
	);
	const specifiers: string[] = [];
	const literals: string[] = [];
	const visit = ( node: ts.Node ) => {
		if (
			( ts.isImportDeclaration( node ) ||
				ts.isExportDeclaration( node ) ) &&
			node.moduleSpecifier &&
			ts.isStringLiteral( node.moduleSpecifier )
		) {
			specifiers.push( node.moduleSpecifier.text );
			return;
		}
		if (
			ts.isCallExpression( node ) &&
			ts.isIdentifier( node.expression ) &&
			node.expression.text === 'require' &&
			node.arguments[ 0 ] &&
			ts.isStringLiteral( node.arguments[ 0 ] )
		) {
			specifiers.push( node.arguments[ 0 ].text );
			return;
		}
		if (
			ts.isStringLiteral( node ) ||
			ts.isNoSubstitutionTemplateLiteral( node )
		) {
			literals.push( node.text );
		}
		ts.forEachChild( node, visit );
	};
	visit( source );
	return { specifiers, literals };
}

function packageRoot( file: string ): string {
	let dir = path.dirname( file );
	while ( ! ts.sys.fileExists( path.join( dir, 'package.json' ) ) ) {
		dir = path.dirname( dir );
	}
	return dir;
}

/** A module and the files of its own package it imports by relative path: what an alias takes out or puts in. */
function moduleFiles( entry: string ): string[] {
	const root = packageRoot( entry );
	const seen = new Set< string >();
	const pending = [ entry ];
	while ( pending.length ) {
		const file = pending.pop() as string;
		if ( seen.has( file ) ) {
			continue;
		}
		seen.add( file );
		for ( const request of scan( file ).specifiers ) {
			if ( request.startsWith( '.' ) ) {
				const next = resolveFrom( path.dirname( file ), request );
				if ( next.startsWith( root ) ) {
					pending.push( next );
				}
			}
		}
	}
	return [ ...seen ];
}

const sourceOf = ( files: string[] ) =>
	squeeze( files.map( ( file ) => readFileSync( file, 'utf8' ) ).join() );

interface Alias {
	name: string;
	original: string;
	replacement: string | null;
}

const aliases: Alias[] = [
	...Object.entries( libraryShims ).map( ( [ name, file ] ) => ( {
		name,
		original: resolveFrom( libraryDir, name ),
		replacement: file,
	} ) ),
	...Object.entries( libraryInternals ).map( ( [ name, file ] ) => ( {
		name,
		original: resolveFrom( libraryDir, `./${ name }` ),
		replacement: file,
	} ) ),
	...ignoredModules.map( ( name ) => ( {
		name,
		original: resolveFrom( libraryDir, name ),
		replacement: null,
	} ) ),
];

/** What identifies the original: its long literals and hand-picked markers, minus anything the replacement has. */
function originalMarkers( alias: Alias ): string[] {
	const files = moduleFiles( alias.original );
	const replacement = alias.replacement
		? sourceOf( moduleFiles( alias.replacement ) )
		: '';
	const literals = files.flatMap( ( file ) => scan( file ).literals );
	return [
		...new Set( [
			...literals.filter(
				( text ) => text.trim().length >= LITERAL_MIN_LENGTH
			),
			...( ORIGINAL_MARKERS[ alias.name ] ?? [] ),
		] ),
	].filter( ( text ) => ! replacement.includes( squeeze( text ) ) );
}

let scripts: Map< string, string > | undefined;
/** The built scripts, without white space; read once (throws with the fix when build/ is missing). */
function built(): Map< string, string > {
	scripts ??= new Map(
		[ ...builtScripts() ].map( ( [ name, code ] ) => [
			name,
			squeeze( code ),
		] )
	);
	return scripts;
}

const shown = ( file: string ) => path.relative( ROOT, file );

describe.each( aliases )( 'the alias for $name', ( alias ) => {
	it( 'has markers that identify the original and the replacement', () => {
		const original = sourceOf( moduleFiles( alias.original ) );
		for ( const marker of ORIGINAL_MARKERS[ alias.name ] ?? [] ) {
			expect(
				original.includes( squeeze( marker ) ),
				`"${ marker }" is not in ${ shown( alias.original ) }`
			).toBe( true );
		}
		expect(
			originalMarkers( alias ),
			`nothing identifies ${ shown(
				alias.original
			) }: add a marker for "${ alias.name }" to ORIGINAL_MARKERS`
		).not.toEqual( [] );
		if ( alias.replacement ) {
			const marker = REPLACEMENT_MARKERS[ alias.name ];
			expect(
				marker,
				`add a marker of ${ shown(
					alias.replacement
				) } for "${ alias.name }" to REPLACEMENT_MARKERS`
			).toBeDefined();
			expect(
				sourceOf( moduleFiles( alias.replacement ) ),
				`REPLACEMENT_MARKERS["${ alias.name }"] is not in ${ shown(
					alias.replacement
				) }`
			).toContain( squeeze( marker ) );
			expect(
				original,
				`REPLACEMENT_MARKERS["${ alias.name }"] is in the original too`
			).not.toContain( squeeze( marker ) );
		}
	} );

	it( 'leaves none of the original in the built scripts', () => {
		const markers = originalMarkers( alias );
		const found = [ ...built() ].flatMap( ( [ name, code ] ) =>
			markers
				.filter( ( marker ) => code.includes( squeeze( marker ) ) )
				.map( ( marker ) => `${ name }: "${ marker }"` )
		);
		expect(
			found,
			`code of ${ shown( alias.original ) } is in the build, so the alias for "${
				alias.name
			}" in src/auth/shims/aliases.js no longer applies`
		).toEqual( [] );
	} );

	it.skipIf( ! alias.replacement )(
		'puts the replacement in the built scripts',
		() => {
			const marker = squeeze(
				REPLACEMENT_MARKERS[ alias.name ] ?? '(no marker)'
			);
			const carriers = [ ...built() ]
				.filter( ( [ , code ] ) => code.includes( marker ) )
				.map( ( [ name ] ) => name );
			expect(
				carriers,
				`no built script has ${ shown(
					alias.replacement ?? ''
				) } ("${ REPLACEMENT_MARKERS[ alias.name ] }")`
			).not.toEqual( [] );
		}
	);
} );
