import type { ReactNode } from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import LoginEdit from '../../../blocks/login/edit';
import RegisterEdit from '../../../blocks/register/edit';
import ResetEdit from '../../../blocks/reset-password/edit';
import loginMetadata from '../../../blocks/login/block.json';
import registerMetadata from '../../../blocks/register/block.json';
import resetMetadata from '../../../blocks/reset-password/block.json';

// The editor's slot/fill and block context are not under test: the sidebar renders inline, the wrapper plainly.
vi.mock( '@wordpress/block-editor', () => ( {
	useBlockProps: ( props: Record< string, unknown > ) => props,
	InspectorControls: ( { children }: { children: ReactNode } ) => (
		<aside aria-label="Block settings">{ children }</aside>
	),
} ) );

afterEach( () => setAttributes.mockClear() );

function defaults( metadata: {
	attributes: Record< string, { default?: unknown } >;
} ) {
	return Object.fromEntries(
		Object.entries( metadata.attributes ).map( ( [ name, schema ] ) => [
			name,
			schema.default,
		] )
	);
}

type LoginProps = Parameters< typeof LoginEdit >[ 0 ];
type RegisterProps = Parameters< typeof RegisterEdit >[ 0 ];
type ResetProps = Parameters< typeof ResetEdit >[ 0 ];

const setAttributes = vi.fn();

function editProps< P >( attributes: Record< string, unknown > ): P {
	return {
		attributes,
		setAttributes,
		clientId: 'block-1',
		isSelected: true,
		name: 'cognito-blocks/test',
		className: '',
		context: {},
		insertBlocksAfter: vi.fn(),
		mergeBlocks: vi.fn(),
		onRemove: vi.fn(),
		onReplace: vi.fn(),
		toggleSelection: vi.fn(),
		isSelectionEnabled: true,
		__unstableLayoutClassNames: '',
		__unstableParentLayout: {},
	} as unknown as P;
}

const preview = () =>
	document.querySelector( '.cognito-blocks-editor-preview' ) as HTMLElement;
const sidebar = () =>
	screen.getByRole( 'complementary', { name: 'Block settings' } );

describe( 'form blocks in the editor', () => {
	it( 'previews the sign-in form with the block texts and links', () => {
		render(
			<LoginEdit
				{ ...editProps< LoginProps >( {
					...defaults( loginMetadata ),
					heading: 'Members',
					showCreateAccount: false,
				} ) }
			/>
		);
		const form = within( preview() );
		expect(
			form.getByRole( 'heading', { name: 'Members' } )
		).toBeInTheDocument();
		expect(
			form.getByRole( 'button', { name: 'Forgot your password?' } )
		).toBeInTheDocument();
		expect(
			form.queryByRole( 'button', { name: 'Create an account' } )
		).toBeNull();
	} );

	it( 'edits texts and links through the sidebar', async () => {
		const props = editProps< LoginProps >( defaults( loginMetadata ) );
		render( <LoginEdit { ...props } /> );
		await userEvent.type(
			within( sidebar() ).getByLabelText( 'Heading' ),
			'H'
		);
		expect( setAttributes ).toHaveBeenCalledWith( { heading: 'H' } );
		await userEvent.click(
			within( sidebar() ).getByLabelText( 'Show “Create an account”' )
		);
		expect( setAttributes ).toHaveBeenCalledWith( {
			showCreateAccount: false,
		} );
	} );

	it( 'previews the sign-up fields in their configured order and adds one', async () => {
		const props = editProps< RegisterProps >( {
			...defaults( registerMetadata ),
			fields: [
				{ name: 'given_name', label: 'First', required: true },
				{ name: 'email', label: '', required: true },
			],
		} );
		render( <RegisterEdit { ...props } /> );
		const inputs = within( preview() ).getAllByRole( 'textbox' );
		expect( inputs[ 0 ] ).toHaveAccessibleName( 'First' );
		expect( inputs[ 1 ] ).toHaveAccessibleName( 'Email' );

		await userEvent.selectOptions(
			within( sidebar() ).getByLabelText( 'Add a field' ),
			'family_name'
		);
		expect( setAttributes ).toHaveBeenLastCalledWith( {
			fields: [
				{ name: 'given_name', label: 'First', required: true },
				{ name: 'email', label: '', required: true },
				{ name: 'family_name' },
			],
		} );
		await userEvent.click(
			within( sidebar() ).getByRole( 'button', { name: 'Move Email up' } )
		);
		expect( setAttributes ).toHaveBeenLastCalledWith( {
			fields: [
				{ name: 'email', label: '', required: true },
				{ name: 'given_name', label: 'First', required: true },
			],
		} );
	} );

	it( 'previews the password-reset form', () => {
		render(
			<ResetEdit
				{ ...editProps< ResetProps >( defaults( resetMetadata ) ) }
			/>
		);
		expect(
			within( preview() ).getByRole( 'heading', {
				name: 'Reset your password',
			} )
		).toBeInTheDocument();
	} );
} );
