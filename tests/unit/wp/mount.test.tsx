import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { formConfigFromAttributes } from '../../../src/components/account-flow';
import {
	COGNITO_KEY_PREFIX,
	MemoryStorage,
	createTokenStorage,
} from '../../../src/auth/storage';
import { AccountForm } from '../../../src/wp/account-form';
import { mountAll, mountForm } from '../../../src/wp/mount';
import {
	createFormServices,
	resolveRedirect,
	type BrowserEnv,
	type FormServices,
} from '../../../src/wp/services';
import { SIGNED_IN, fakeGateway, fakeSession, flush } from '../auth/fakes';

const cognito = {
	region: 'eu-west-1',
	userPoolId: 'eu-west-1_TestPool1',
	clientId: 'client123',
	endpoint: 'http://127.0.0.1:9229/',
	tokenStorage: 'local' as const,
};

function fakeEnv( overrides: Partial< BrowserEnv > = {} ): BrowserEnv {
	return {
		href: 'https://site.test/members/?redirect_to=%2Fshop%2F#top',
		readCookies: () => '',
		expireCookie: vi.fn(),
		sessionStorage: new MemoryStorage(),
		localStorage: new MemoryStorage(),
		navigate: vi.fn(),
		...overrides,
	};
}

/** What php/Render prints for the sign-in form, less the Cognito settings. */
const signIn = { view: 'account', entry: 'signIn', eager: true };

function mountPoint( form: string, config: unknown ): HTMLElement {
	const element = document.createElement( 'div' );
	element.dataset.cognitoBlocks = form;
	element.dataset.config =
		typeof config === 'string' ? config : JSON.stringify( config );
	element.innerHTML = '<div class="cognito-blocks__skeleton"></div>';
	document.body.append( element );
	return element;
}

afterEach( () => {
	document.body.innerHTML = '';
} );

describe( 'resolveRedirect', () => {
	it( 'prefers the block attribute, then redirect_to, then the current page', () => {
		expect( resolveRedirect( ' /thanks/ ', 'https://s.test/a/' ) ).toBe(
			'/thanks/'
		);
		expect(
			resolveRedirect( '', 'https://s.test/a/?redirect_to=%2Fshop%2F' )
		).toBe( '/shop/' );
		expect( resolveRedirect( undefined, 'https://s.test/a/?x=1#f' ) ).toBe(
			'https://s.test/a/?x=1'
		);
	} );
} );

describe( 'createFormServices', () => {
	it( 'keeps tokens in the configured storage and honours the signed-out marker', () => {
		const local = new MemoryStorage();
		local.setItem( `${ COGNITO_KEY_PREFIX }client123.alice.idToken`, 'x' );
		local.setItem( 'unrelated', 'kept' );
		const env = fakeEnv( {
			localStorage: local,
			readCookies: () => 'a=1; cognito_blocks_signed_out=1',
		} );
		const services = createFormServices(
			{
				attributes: { redirectUrl: '/after/' },
				cognito,
				sessionUrl: '/wp-json/cognito-blocks/v1/session',
			},
			env
		);
		expect( local.length ).toBe( 1 );
		expect( local.getItem( 'unrelated' ) ).toBe( 'kept' );
		expect( env.expireCookie ).toHaveBeenCalledWith(
			'cognito_blocks_signed_out'
		);
		services.storage.setItem( `${ COGNITO_KEY_PREFIX }k`, 'v' );
		expect( local.getItem( `${ COGNITO_KEY_PREFIX }k` ) ).toBe( 'v' );
		expect( services.redirectTo ).toBe( '/after/' );
		expect( services.totpIssuer ).toBe( 'site.test' );
		// No policy configured: the checklist falls back to Cognito's defaults where it is drawn.
		expect( services.passwordPolicy ).toBeUndefined();
	} );

	it( 'passes the configured password policy on, and ignores a mangled one', () => {
		const make = ( passwordPolicy: unknown ) =>
			createFormServices(
				{
					attributes: {},
					cognito: { ...cognito, passwordPolicy },
				},
				fakeEnv()
			);
		expect( make( { minLength: 12 } ).passwordPolicy ).toEqual( {
			minLength: 12,
		} );
		expect( make( 'minLength=12' ).passwordPolicy ).toBeUndefined();
		expect( make( null ).passwordPolicy ).toBeUndefined();
	} );

	it( 'leaves tokens alone without the marker', () => {
		const session = new MemoryStorage();
		session.setItem( `${ COGNITO_KEY_PREFIX }k`, 'v' );
		const env = fakeEnv( { sessionStorage: session } );
		const services = createFormServices(
			{
				attributes: {},
				cognito: { ...cognito, tokenStorage: 'session' },
			},
			env
		);
		expect( session.length ).toBe( 1 );
		expect( env.expireCookie ).not.toHaveBeenCalled();
		expect( services.redirectTo ).toBe( '/shop/' );
	} );
} );

describe( 'mountForm', () => {
	it( 'mounts the form the server asked for, once', async () => {
		const element = mountPoint( 'register', {
			view: 'account',
			entry: 'signUp',
			attributes: { heading: 'Join us' },
			cognito,
			sessionUrl: '/s',
		} );
		const env = fakeEnv();
		await act( async () => {
			expect( mountAll( document, env ) ).toBe( 1 );
		} );
		expect( element.dataset.mounted ).toBe( 'true' );
		expect(
			await screen.findByRole( 'heading', { name: 'Join us' } )
		).toBeInTheDocument();
		expect(
			element.querySelector( '.cognito-blocks__skeleton' )
		).toBeNull();
		expect( mountForm( element, env ) ).toBe( false );
	} );

	it( 'carries what was typed into the skeleton, and the caret, into the mounted form', async () => {
		const element = mountPoint( 'login', {
			...signIn,
			attributes: { showRemember: true },
			cognito,
		} );
		// The server's skeleton of the sign-in step: live, nameless fields in the view's order.
		element.innerHTML = `<div class="cognito-blocks__skeleton"><form class="cognito-blocks__form">
			<input type="text" autocomplete="username">
			<input type="password" autocomplete="current-password">
			<input type="checkbox">
			<button type="submit" disabled>Sign in</button></form></div>`;
		const [ user, password, remember ] = Array.from(
			element.querySelectorAll( 'input' )
		);
		user.value = 'alice@example.test';
		password.value = 'secret-pass';
		remember.checked = true;
		password.focus();
		password.setSelectionRange( 3, 3 );

		await act( async () => {
			expect( mountForm( element, fakeEnv() ) ).toBe( true );
		} );
		expect(
			element.querySelector( '.cognito-blocks__skeleton' )
		).toBeNull();
		const live = screen.getByLabelText( 'Password' ) as HTMLInputElement;
		expect( screen.getByLabelText( 'Username or email' ) ).toHaveValue(
			'alice@example.test'
		);
		expect( live ).toHaveValue( 'secret-pass' );
		expect( screen.getByLabelText( 'Remember me' ) ).toBeChecked();
		expect( live ).toHaveFocus();
		expect( live.selectionStart ).toBe( 3 );
		// Typing goes on into the live input, where the caret was.
		await userEvent.type( live, 'X', {
			initialSelectionStart: 3,
			initialSelectionEnd: 3,
		} );
		expect( live ).toHaveValue( 'secXret-pass' );
	} );

	it( 'carries nothing over when the skeleton does not match the form field for field', async () => {
		const element = mountPoint( 'login', { ...signIn, cognito } );
		element.innerHTML = `<div class="cognito-blocks__skeleton"><form class="cognito-blocks__form">
			<input type="password"><input type="text"></form></div>`;
		const [ first ] = Array.from( element.querySelectorAll( 'input' ) );
		first.value = 'would land in the username';
		await act( async () => {
			mountForm( element, fakeEnv() );
		} );
		expect( screen.getByLabelText( 'Username or email' ) ).toHaveValue(
			''
		);
		expect( screen.getByLabelText( 'Password' ) ).toHaveValue( '' );
	} );

	it.each( [
		[ 'mangled JSON', 'login', '{"attributes":' ],
		[ 'a form name that is not one', 'Log In!', { ...signIn, cognito } ],
		[
			'a view this script does not have',
			'newsletter',
			{ view: 'newsletter', entry: 'signIn', cognito },
		],
		[
			'an entry step the view does not have',
			'login',
			{ ...signIn, entry: 'profile', cognito },
		],
		[ 'no view named', 'login', { entry: 'signIn', cognito } ],
		[
			'no pool configured',
			'login',
			{ ...signIn, cognito: { userPoolId: '' } },
		],
	] )( 'keeps the server markup for %s', ( _label, form, config ) => {
		const element = mountPoint( form, config );
		expect( mountForm( element, fakeEnv() ) ).toBe( false );
		expect( element.dataset.mounted ).toBeUndefined();
		expect(
			element.querySelector( '.cognito-blocks__skeleton' )
		).not.toBeNull();
	} );
} );

describe( 'AccountForm', () => {
	it( 'shows the configured password policy on the (lazily loaded) sign-up step', async () => {
		const services: FormServices = {
			gateway: fakeGateway(),
			cognitoRequest: vi.fn(),
			session: fakeSession(),
			storage: createTokenStorage( 'memory' ),
			redirectTo: '/',
			totpIssuer: 'site.test',
			passwordPolicy: { minLength: 12, requireSymbols: false },
			navigate: vi.fn(),
		};
		render(
			<AccountForm
				config={ formConfigFromAttributes( 'signUp', {} ) }
				services={ services }
			/>
		);
		expect(
			await screen.findByText( 'At least 12 characters' )
		).toBeInTheDocument();
		expect( screen.getByText( 'An uppercase letter' ) ).toBeInTheDocument();
		expect( screen.queryByText( /special character/i ) ).toBeNull();
	} );

	it( 'signs in, hands the token to WordPress and navigates once', async () => {
		const gateway = fakeGateway();
		gateway.signIn.mockResolvedValue( SIGNED_IN );
		const session = fakeSession( '/members/' );
		const services: FormServices = {
			gateway,
			cognitoRequest: vi.fn(),
			session,
			storage: createTokenStorage( 'memory' ),
			redirectTo: '/members/',
			totpIssuer: 'site.test',
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
			'alice'
		);
		await userEvent.type( screen.getByLabelText( 'Password' ), 'pw' );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Sign in' } )
		);
		await act( flush );
		expect( session.createSession ).toHaveBeenCalledWith( {
			idToken: 'id.jwt',
			refreshToken: 'refresh',
			remember: false,
			redirectTo: '/members/',
		} );
		expect( services.navigate ).toHaveBeenCalledTimes( 1 );
		expect( services.navigate ).toHaveBeenCalledWith( '/members/' );
		expect( screen.getByRole( 'status' ) ).toHaveTextContent(
			'Taking you to the next page…'
		);
	} );
} );
