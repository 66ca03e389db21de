/**
 * The sign-up block warns in the editor when the site creates no accounts for new members, from what
 * php/Render/Blocks.php prints before its editor script (window.cognitoBlocksEditor).
 */
import type { ReactNode } from 'react';
import { render, within } from '@testing-library/react';
import RegisterEdit from '../../../blocks/register/edit';
import registerMetadata from '../../../blocks/register/block.json';
import { readEditorData } from '../../../blocks/register/new-accounts';

vi.mock( '@wordpress/block-editor', () => ( {
	useBlockProps: ( props: Record< string, unknown > ) => props,
	InspectorControls: ( { children }: { children: ReactNode } ) => (
		<aside aria-label="Block settings">{ children }</aside>
	),
} ) );

type RegisterProps = Parameters< typeof RegisterEdit >[ 0 ];

afterEach( () => {
	delete window.cognitoBlocksEditor;
} );

function renderSignUpBlock() {
	const attributes = Object.fromEntries(
		Object.entries(
			registerMetadata.attributes as Record<
				string,
				{ default?: unknown }
			>
		).map( ( [ name, schema ] ) => [ name, schema.default ] )
	);
	render(
		<RegisterEdit
			{ ...( {
				attributes,
				setAttributes: vi.fn(),
				clientId: 'block-1',
				isSelected: true,
				name: 'cognito-blocks/register',
			} as unknown as RegisterProps ) }
		/>
	);
	return document.querySelector(
		'.cognito-blocks-editor-preview'
	) as HTMLElement;
}

const notice = ( canvas: HTMLElement ) =>
	canvas.querySelector(
		'.cognito-blocks-editor-notice'
	) as HTMLElement | null;

describe( 'the sign-up block’s notice about new accounts', () => {
	it( 'says that “Anyone can register” is off, and links administrators to General Settings', () => {
		window.cognitoBlocksEditor = {
			newAccountsRefused: 'closed',
			generalSettingsUrl:
				'https://example.test/wp-admin/options-general.php',
		};
		const shown = notice( renderSignUpBlock() );
		expect( shown ).not.toBeNull();
		expect( shown ).toHaveTextContent(
			'New accounts are not created on this site: “Anyone can register” is off in Settings › General.'
		);
		expect(
			within( shown! ).getByRole( 'link', {
				name: 'Open General Settings',
			} )
		).toHaveAttribute(
			'href',
			'https://example.test/wp-admin/options-general.php'
		);
	} );

	it.each( [
		[ 'link', 'only links existing accounts' ],
		[ 'deny', 'setting refuses them' ],
	] )( 'names the creation policy when it is %s', ( refused, text ) => {
		window.cognitoBlocksEditor = { newAccountsRefused: refused };
		const shown = notice( renderSignUpBlock() );
		expect( shown ).toHaveTextContent( text );
		expect( shown ).toHaveTextContent( 'their first sign-in is refused' );
		expect( within( shown! ).queryByRole( 'link' ) ).toBeNull();
	} );

	it.each( [
		[ 'accounts are created', { newAccountsRefused: '' } ],
		[ 'the server said nothing', undefined ],
		[ 'the data is not understood', { newAccountsRefused: 'maybe' } ],
	] )( 'shows no notice when %s', ( _, data ) => {
		window.cognitoBlocksEditor = data;
		const canvas = renderSignUpBlock();
		expect( notice( canvas ) ).toBeNull();
		expect(
			within( canvas ).getByRole( 'heading', {
				name: 'Create an account',
			} )
		).toBeInTheDocument();
		// The canvas only: core's live region keeps what earlier tests' notices announced.
		expect( canvas ).not.toHaveTextContent(
			/New accounts are not created/
		);
	} );
} );

describe( 'readEditorData', () => {
	it( 'keeps the settings link only for http(s) addresses and the closed case', () => {
		expect(
			readEditorData( {
				newAccountsRefused: 'closed',
				generalSettingsUrl: 'javascript:alert(1)',
			} )
		).toEqual( { newAccountsRefused: 'closed' } );
		expect(
			readEditorData( {
				newAccountsRefused: 'deny',
				generalSettingsUrl: 'https://example.test/wp-admin/',
			} )
		).toEqual( { newAccountsRefused: 'deny' } );
	} );
} );
