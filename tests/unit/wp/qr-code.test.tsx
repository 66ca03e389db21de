import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { formConfigFromAttributes } from '../../../src/components/account-flow';
import { createTokenStorage } from '../../../src/auth/storage';
import { AccountForm } from '../../../src/wp/account-form';
import { qrDataUrl, svgDataUrl, useQrDataUrl } from '../../../src/wp/qr-code';
import type { FormServices } from '../../../src/wp/services';
import { fakeGateway, fakeSession } from '../auth/fakes';

const URI =
	'otpauth://totp/Example%20Site:alice%40example.test?secret=JBSWY3DPEHPK3PXP&issuer=Example%20Site';
const ROOT = path.resolve( __dirname, '../../..' );

/**
 * The SVG inside a `data:image/svg+xml,…` URL.
 * @param url
 */
function decode( url: string ): string {
	const prefix = 'data:image/svg+xml,';
	expect( url.startsWith( prefix ) ).toBe( true );
	return decodeURIComponent( url.slice( prefix.length ) );
}

describe( 'qrDataUrl', () => {
	it( 'draws the otpauth URI as an SVG QR code with a quiet zone', async () => {
		const svg = decode( await qrDataUrl( URI ) );
		const doc = new DOMParser().parseFromString( svg, 'image/svg+xml' );
		const root = doc.documentElement;
		expect( root.nodeName ).toBe( 'svg' );
		// Version n has 17 + 4n modules a side; 4 modules of margin each side; 10 units a module.
		const side = Number(
			root.getAttribute( 'viewBox' )?.split( ' ' )[ 2 ]
		);
		const modules = side / 10 - 8;
		expect( ( modules - 17 ) % 4 ).toBe( 0 );
		expect( modules ).toBeGreaterThanOrEqual( 21 );
		// One dark square per module: a real code has hundreds, never a blank image.
		const dark = root.querySelector( 'path' )?.getAttribute( 'd' ) ?? '';
		expect( dark.match( /M/g )?.length ).toBeGreaterThan( 200 );
	} );

	it( 'gives different images for different secrets', async () => {
		const other = URI.replace( /JBSWY3DPEHPK3PXP/g, 'KRSXG5CTMVRXEZLU' );
		expect( await qrDataUrl( other ) ).not.toBe( await qrDataUrl( URI ) );
	} );

	it( 'percent-encodes the SVG so it is a valid data URL', () => {
		expect( svgDataUrl( '<svg a="#"/>' ) ).toBe(
			'data:image/svg+xml,%3Csvg%20a%3D%22%23%22%2F%3E'
		);
	} );
} );

describe( 'useQrDataUrl', () => {
	it( 'draws nothing without a URI and never shows an old code for a new URI', async () => {
		const { result, rerender } = renderHook(
			( { uri }: { uri?: string } ) => useQrDataUrl( uri ),
			{ initialProps: {} as { uri?: string } }
		);
		expect( result.current ).toBeUndefined();
		rerender( { uri: URI } );
		await waitFor( () => expect( result.current ).toMatch( /^data:/ ) );
		const first = result.current;
		rerender( { uri: URI.replace( 'alice', 'bob' ) } );
		expect( result.current ).toBeUndefined();
		await waitFor( () => expect( result.current ).toMatch( /^data:/ ) );
		expect( result.current ).not.toBe( first );
	} );
} );

describe( 'AccountForm on the MFA_SETUP step', () => {
	it( 'shows the QR image of the set-up URI next to the setup key', async () => {
		const gateway = fakeGateway();
		gateway.signIn.mockResolvedValue( {
			type: 'mfaSetup',
			options: [ 'SOFTWARE_TOKEN_MFA' ],
		} );
		gateway.associateTotp.mockResolvedValue( {
			secret: 'JBSWY3DPEHPK3PXP',
		} );
		const services: FormServices = {
			gateway,
			cognitoRequest: vi.fn(),
			session: fakeSession(),
			storage: createTokenStorage( 'memory' ),
			redirectTo: '/',
			totpIssuer: 'Example Site',
			navigate: vi.fn(),
		};
		render(
			<AccountForm
				config={ formConfigFromAttributes( 'signIn', {} ) }
				services={ services }
			/>
		);
		await userEvent.type(
			screen.getByLabelText( 'Username or email' ),
			'alice@example.test'
		);
		await userEvent.type( screen.getByLabelText( 'Password' ), 'pw' );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Sign in' } )
		);
		const image = await screen.findByRole( 'img', {
			name: /QR code .*authenticator app/,
		} );
		expect( image.getAttribute( 'src' ) ).toBe( await qrDataUrl( URI ) );
		expect( screen.getByLabelText( 'Setup key' ) ).toHaveValue(
			'JBSWY3DPEHPK3PXP'
		);
	} );
} );

/**
 * Every module the front-end entry imports statically (relative files resolved, packages by name). Dynamic
 * `import()` calls are not followed: those become chunks loaded on demand.
 * @param entry
 */
function staticImports( entry: string ): {
	files: string[];
	packages: string[];
} {
	const files = new Set< string >();
	const packages = new Set< string >();
	const pending = [ entry ];
	while ( pending.length ) {
		const file = pending.pop() as string;
		if ( files.has( file ) ) {
			continue;
		}
		files.add( file );
		const source = readFileSync( file, 'utf8' );
		for ( const [ , from, bare ] of source.matchAll(
			// `import type` is erased by the compiler, so it adds nothing to a bundle.
			/^(?:import|export)\s(?!type\s)[^;]*?from\s+'([^']+)'|^import\s+'([^']+)'/gm
		) ) {
			const specifier = from ?? bare;
			if ( ! specifier.startsWith( '.' ) ) {
				packages.add( specifier );
				continue;
			}
			const base = path.resolve( path.dirname( file ), specifier );
			const resolved = [ '.ts', '.tsx', '/index.ts', '/index.tsx' ]
				.map( ( suffix ) => base + suffix )
				.find( existsSync );
			if ( resolved ) {
				pending.push( resolved );
			}
		}
	}
	return { files: [ ...files ], packages: [ ...packages ] };
}

describe( "the sign-in page's initial script", () => {
	it( 'reaches the QR code and the password checklist only through dynamic imports', () => {
		const graph = staticImports( path.join( ROOT, 'src/view.tsx' ) );
		expect( graph.files ).toContain(
			path.join( ROOT, 'src/wp/lazy-steps.tsx' )
		);
		for ( const later of [
			'src/wp/other-steps.tsx',
			'src/wp/qr-code.ts',
			'src/auth/password-policy.ts',
		] ) {
			expect( graph.files ).not.toContain( path.join( ROOT, later ) );
		}
		expect( graph.packages ).not.toContain( 'uqr' );
		// Both sit behind the steps chunk, and the encoder behind a chunk of its own.
		const steps = staticImports(
			path.join( ROOT, 'src/wp/other-steps.tsx' )
		);
		expect( steps.files ).toContain(
			path.join( ROOT, 'src/wp/qr-code.ts' )
		);
		expect( steps.files ).toContain(
			path.join( ROOT, 'src/auth/password-policy.ts' )
		);
		const source = ( file: string ) =>
			readFileSync( path.join( ROOT, file ), 'utf8' );
		expect( source( 'src/wp/lazy-steps.tsx' ) ).toMatch(
			/import\(\s*\/\*[^*]*\*\/\s*'\.\/other-steps'\s*\)/
		);
		expect( source( 'src/wp/qr-code.ts' ) ).toMatch(
			/import\(\s*\/\*[^*]*\*\/\s*'uqr'\s*\)/
		);
	} );

	const built =
		existsSync( path.join( ROOT, 'build/view.js' ) ) &&
		existsSync( path.join( ROOT, 'build/qr-code.js' ) ) &&
		existsSync( path.join( ROOT, 'build/account-steps.js' ) );
	it.skipIf( ! built )(
		'is built without the encoder (build/qr-code.js) or the checklist (build/account-steps.js)',
		() => {
			// An error message of the encoder: it survives minification, so it shows where the code went.
			const marker = 'Data too long';
			const read = ( name: string ) =>
				readFileSync( path.join( ROOT, 'build', name ), 'utf8' );
			expect( read( 'qr-code.js' ) ).toContain( marker );
			expect( read( 'view.js' ) ).not.toContain( marker );
			// Likewise the password checklist's rules live in the steps chunk.
			const rule = 'At least %d characters';
			expect( read( 'account-steps.js' ) ).toContain( rule );
			expect( read( 'view.js' ) ).not.toContain( rule );
			// The runtime in view.js knows the chunk by name, so it can fetch it when the set-up step shows.
			expect( read( 'view.js' ) ).toMatch( /"qr-code"[^;]*\.js\?ver=/ );
		}
	);
} );
