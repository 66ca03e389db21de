import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SignUpForm } from '../../../src/components/sign-up-form';
import type {
	AttributeField,
	PasswordRule,
} from '../../../src/components/types';

const fields: AttributeField[] = [
	{ name: 'email', required: true },
	{ name: 'given_name' },
	{ name: 'phone_number' },
	{ name: 'custom:company', label: 'Company', required: true },
];

const checkPassword = ( value: string ): PasswordRule[] => [
	{
		rule: 'minLength',
		met: value.length >= 8,
		label: 'At least 8 characters',
	},
	{ rule: 'number', met: /\d/.test( value ), label: 'A number' },
];

describe( 'SignUpForm', () => {
	it( 'renders the configured fields in order with labels and autocomplete', () => {
		render( <SignUpForm onSubmit={ vi.fn() } fields={ fields } /> );
		expect( screen.getByLabelText( 'Email' ) ).toHaveAttribute(
			'autocomplete',
			'email'
		);
		expect( screen.getByLabelText( 'Email' ) ).toHaveAttribute(
			'type',
			'email'
		);
		expect(
			screen.getByLabelText( 'First name (optional)' )
		).toHaveAttribute( 'autocomplete', 'given-name' );
		expect(
			screen.getByLabelText( 'Phone number (optional)' )
		).toHaveAttribute( 'type', 'tel' );
		expect( screen.getByLabelText( 'Company' ) ).toBeInTheDocument();
		expect( screen.getByLabelText( 'Password' ) ).toHaveAttribute(
			'autocomplete',
			'new-password'
		);

		const labels = screen.getAllByText(
			/^(Email|First name|Phone number|Company|Password)/,
			{ selector: 'label' }
		);
		expect( labels.map( ( label ) => label.textContent ) ).toEqual( [
			'Email',
			'First name (optional)',
			'Phone number (optional)',
			'Company',
			'Password',
		] );
	} );

	it( 'ties validation errors to their fields', async () => {
		const onSubmit = vi.fn();
		render( <SignUpForm onSubmit={ onSubmit } fields={ fields } /> );
		await userEvent.type( screen.getByLabelText( 'Email' ), 'nobody@' );
		await userEvent.type(
			screen.getByLabelText( 'Phone number (optional)' ),
			'0612'
		);
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Create account' } )
		);

		expect( screen.getByLabelText( 'Email' ) ).toHaveAttribute(
			'aria-invalid',
			'true'
		);
		expect( screen.getByLabelText( 'Email' ) ).toHaveAccessibleDescription(
			'Enter an email address like name@example.com.'
		);
		expect(
			screen.getByLabelText( 'Phone number (optional)' )
		).toHaveAccessibleDescription(
			'Enter the phone number with its country code, like +14155550100.'
		);
		expect(
			screen.getByLabelText( 'Company' )
		).toHaveAccessibleDescription( 'This field is required.' );
		expect(
			screen.getByLabelText( 'First name (optional)' )
		).toHaveAttribute( 'aria-invalid', 'false' );
		expect( onSubmit ).not.toHaveBeenCalled();
	} );

	it( 'updates the checklist as the password is typed and refuses an unmet policy', async () => {
		const onSubmit = vi.fn();
		render(
			<SignUpForm onSubmit={ onSubmit } checkPassword={ checkPassword } />
		);
		const password = screen.getByLabelText( 'Password' );
		const items = () =>
			within( screen.getByRole( 'list' ) ).getAllByRole( 'listitem' );
		expect(
			items().map( ( item ) => item.getAttribute( 'data-met' ) )
		).toEqual( [ 'false', 'false' ] );

		await userEvent.type( password, 'abc1' );
		expect(
			items().map( ( item ) => item.getAttribute( 'data-met' ) )
		).toEqual( [ 'false', 'true' ] );

		await userEvent.type(
			screen.getByLabelText( 'Email' ),
			'ada@example.com'
		);
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Create account' } )
		);
		expect( onSubmit ).not.toHaveBeenCalled();
		expect( password ).toHaveAttribute( 'aria-invalid', 'true' );
		expect( password ).toHaveAccessibleDescription(
			/does not meet every requirement/
		);
		// The checklist is read with the field.
		expect( password ).toHaveAccessibleDescription(
			/At least 8 characters/
		);

		await userEvent.type( password, 'defgh' );
		expect(
			items().map( ( item ) => item.getAttribute( 'data-met' ) )
		).toEqual( [ 'true', 'true' ] );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Create account' } )
		);
		expect( onSubmit ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'submits attributes by Cognito name, sends the email as username and drops empty optional ones', async () => {
		const onSubmit = vi.fn();
		render( <SignUpForm onSubmit={ onSubmit } fields={ fields } /> );
		await userEvent.type(
			screen.getByLabelText( 'Email' ),
			'ada@example.com'
		);
		await userEvent.type(
			screen.getByLabelText( 'Company' ),
			'Analytical Engines'
		);
		await userEvent.type(
			screen.getByLabelText( 'Password' ),
			'Secret-123'
		);
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Create account' } )
		);
		expect( onSubmit ).toHaveBeenCalledWith( {
			username: 'ada@example.com',
			password: 'Secret-123',
			attributes: {
				email: 'ada@example.com',
				'custom:company': 'Analytical Engines',
			},
		} );
	} );

	it( 'asks for a username when configured', async () => {
		const onSubmit = vi.fn();
		render( <SignUpForm onSubmit={ onSubmit } usernameField /> );
		const username = screen.getByLabelText( 'Username' );
		expect( username ).toHaveAttribute( 'autocomplete', 'username' );
		await userEvent.type( username, 'ada' );
		await userEvent.type(
			screen.getByLabelText( 'Email' ),
			'ada@example.com'
		);
		await userEvent.type(
			screen.getByLabelText( 'Password' ),
			'Secret-123'
		);
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Create account' } )
		);
		expect( onSubmit ).toHaveBeenCalledWith(
			expect.objectContaining( { username: 'ada' } )
		);
	} );

	it( 'requires ticking the terms when asked to', async () => {
		const onSubmit = vi.fn();
		render(
			<SignUpForm
				onSubmit={ onSubmit }
				terms="I accept the terms of use"
				requireTerms
			/>
		);
		await userEvent.type(
			screen.getByLabelText( 'Email' ),
			'ada@example.com'
		);
		await userEvent.type(
			screen.getByLabelText( 'Password' ),
			'Secret-123'
		);
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Create account' } )
		);
		const terms = screen.getByLabelText( 'I accept the terms of use' );
		expect( terms ).toHaveAttribute( 'aria-invalid', 'true' );
		expect( terms ).toHaveAccessibleDescription(
			'Accept the terms to create an account.'
		);
		expect( onSubmit ).not.toHaveBeenCalled();
		await userEvent.click( terms );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Create account' } )
		);
		expect( onSubmit ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'keeps every input when an error arrives, and restores default values', async () => {
		const { rerender } = render(
			<SignUpForm
				onSubmit={ vi.fn() }
				fields={ fields }
				defaultValues={ { attributes: { given_name: 'Ada' } } }
			/>
		);
		expect( screen.getByLabelText( 'First name (optional)' ) ).toHaveValue(
			'Ada'
		);
		await userEvent.type(
			screen.getByLabelText( 'Email' ),
			'ada@example.com'
		);
		await userEvent.type( screen.getByLabelText( 'Company' ), 'AE' );
		await userEvent.type(
			screen.getByLabelText( 'Password' ),
			'Secret-123'
		);
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Create account' } )
		);
		rerender(
			<SignUpForm
				onSubmit={ vi.fn() }
				fields={ fields }
				error={ {
					code: 'username_exists',
					message: 'An account with this email already exists.',
				} }
			/>
		);
		expect( screen.getByRole( 'alert' ) ).toHaveTextContent(
			'An account with this email already exists.'
		);
		expect( screen.getByLabelText( 'Email' ) ).toHaveValue(
			'ada@example.com'
		);
		expect( screen.getByLabelText( 'First name (optional)' ) ).toHaveValue(
			'Ada'
		);
		expect( screen.getByLabelText( 'Company' ) ).toHaveValue( 'AE' );
		expect( screen.getByLabelText( 'Password' ) ).toHaveValue(
			'Secret-123'
		);
	} );
} );
