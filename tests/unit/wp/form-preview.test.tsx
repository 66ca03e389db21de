/**
 * A page builder's editor preview (Elementor): the mount point says `preview`, and the form's first view is
 * shown inert, from its own chunk, without Cognito settings and without any request.
 */
import { screen, waitFor } from '@testing-library/react';
import { mountForm } from '../../../src/wp/mount';
import { MemoryStorage } from '../../../src/auth/storage';

function mountPoint( config: Record< string, unknown > ): HTMLElement {
	const element = document.createElement( 'div' );
	element.dataset.cognitoBlocks = String( config.form );
	element.dataset.config = JSON.stringify( config );
	element.innerHTML = '<div class="cognito-blocks__skeleton"></div>';
	document.body.append( element );
	return element;
}

const env = () => ( {
	href: 'https://site.test/?elementor-preview=12',
	readCookies: () => '',
	expireCookie: vi.fn(),
	sessionStorage: new MemoryStorage(),
	localStorage: new MemoryStorage(),
	navigate: vi.fn(),
} );

let fetchSpy: ReturnType< typeof vi.fn >;

beforeEach( () => {
	fetchSpy = vi.fn();
	vi.stubGlobal( 'fetch', fetchSpy );
} );

afterEach( () => {
	vi.unstubAllGlobals();
	document.body.innerHTML = '';
} );

it( 'shows the sign-in step inert, with the placed texts, and sends nothing', async () => {
	const element = mountPoint( {
		form: 'login',
		view: 'account',
		entry: 'signIn',
		eager: true,
		preview: true,
		attributes: { heading: 'Members', showRemember: true },
	} );
	expect( mountForm( element, env() ) ).toBe( true );
	const heading = await screen.findByRole( 'heading', { name: 'Members' } );
	expect( heading.closest( '[inert]' ) ).not.toBeNull();
	expect( screen.getByLabelText( 'Remember me' ) ).toBeInTheDocument();
	expect( element.dataset.mounted ).toBe( 'true' );
	expect( element.querySelector( '.cognito-blocks__skeleton' ) ).toBeNull();
	expect( fetchSpy ).not.toHaveBeenCalled();
} );

it( 'shows the profile with sample data, not the editor’s own account', async () => {
	const element = mountPoint( {
		form: 'profile',
		view: 'profile',
		entry: 'profile',
		eager: false,
		preview: true,
		attributes: { fields: [ { name: 'given_name', label: '' } ] },
	} );
	expect( mountForm( element, env() ) ).toBe( true );
	await waitFor( () =>
		expect( screen.getByDisplayValue( 'Ada' ) ).toBeInTheDocument()
	);
	expect(
		screen.getByDisplayValue( 'Ada' ).closest( '[inert]' )
	).not.toBeNull();
	expect( fetchSpy ).not.toHaveBeenCalled();
} );

it( 'without `preview` the same mount point needs the Cognito settings (and stays as the server printed it)', () => {
	const element = mountPoint( {
		form: 'login',
		view: 'account',
		entry: 'signIn',
		eager: true,
		attributes: {},
	} );
	expect( mountForm( element, env() ) ).toBe( false );
	expect(
		element.querySelector( '.cognito-blocks__skeleton' )
	).not.toBeNull();
} );
