import { useState } from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
	SignInForm,
	type SignInValues,
} from '../../../src/components/sign-in-form';
import type { FormError } from '../../../src/components/types';

/** Stands in for the flow: busy from submit until the test resolves, then maybe an error. */
function Harness( {
	onSubmit,
	error,
}: {
	onSubmit: ( values: SignInValues ) => void;
	error?: FormError;
} ) {
	const [ busy, setBusy ] = useState( false );
	return (
		<>
			<SignInForm
				busy={ busy }
				error={ error }
				onSubmit={ ( values ) => {
					setBusy( true );
					onSubmit( values );
				} }
			/>
			<button type="button" onClick={ () => setBusy( false ) }>
				finish
			</button>
		</>
	);
}

describe( 'SignInForm', () => {
	it( 'associates labels with inputs and sets autocomplete tokens', () => {
		render( <SignInForm onSubmit={ vi.fn() } showRemember /> );
		expect( screen.getByLabelText( 'Username or email' ) ).toHaveAttribute(
			'autocomplete',
			'username'
		);
		expect( screen.getByLabelText( 'Password' ) ).toHaveAttribute(
			'autocomplete',
			'current-password'
		);
		expect( screen.getByLabelText( 'Password' ) ).toHaveAttribute(
			'type',
			'password'
		);
		expect( screen.getByLabelText( 'Remember me' ) ).toHaveAttribute(
			'type',
			'checkbox'
		);
		expect(
			screen.getByRole( 'form', { name: 'Sign in' } )
		).toBeInTheDocument();
	} );

	it( 'marks empty required fields invalid and describes them with their message', async () => {
		const onSubmit = vi.fn();
		render( <SignInForm onSubmit={ onSubmit } /> );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Sign in' } )
		);

		const username = screen.getByLabelText( 'Username or email' );
		expect( username ).toHaveAttribute( 'aria-invalid', 'true' );
		expect( username ).toHaveAccessibleDescription(
			'Enter your username or email address.'
		);
		expect(
			screen.getByLabelText( 'Password' )
		).toHaveAccessibleDescription( 'Enter your password.' );
		expect( onSubmit ).not.toHaveBeenCalled();
		// react-hook-form moves focus to the first invalid field.
		expect( username ).toHaveFocus();
	} );

	it( 'checks the email format when the pool signs in by email', async () => {
		render( <SignInForm onSubmit={ vi.fn() } usernameKind="email" /> );
		const email = screen.getByLabelText( 'Email' );
		await userEvent.type( email, 'not-an-email' );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Sign in' } )
		);
		expect( email ).toHaveAttribute( 'aria-invalid', 'true' );
		expect( email ).toHaveAccessibleDescription(
			'Enter an email address like name@example.com.'
		);
	} );

	it( 'clears aria-invalid once the field is corrected', async () => {
		render( <SignInForm onSubmit={ vi.fn() } /> );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Sign in' } )
		);
		const username = screen.getByLabelText( 'Username or email' );
		await userEvent.type( username, 'ada' );
		expect( username ).toHaveAttribute( 'aria-invalid', 'false' );
		expect( username ).not.toHaveAttribute( 'aria-describedby' );
	} );

	it( 'submits the typed values', async () => {
		const onSubmit = vi.fn();
		render( <SignInForm onSubmit={ onSubmit } showRemember /> );
		await userEvent.type(
			screen.getByLabelText( 'Username or email' ),
			'ada'
		);
		await userEvent.type(
			screen.getByLabelText( 'Password' ),
			'Secret-123'
		);
		await userEvent.click( screen.getByLabelText( 'Remember me' ) );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Sign in' } )
		);
		expect( onSubmit ).toHaveBeenCalledTimes( 1 );
		expect( onSubmit ).toHaveBeenCalledWith( {
			username: 'ada',
			password: 'Secret-123',
			remember: true,
		} );
	} );

	it( 'sends one submission for a double click', async () => {
		const onSubmit = vi.fn();
		render( <Harness onSubmit={ onSubmit } /> );
		await userEvent.type(
			screen.getByLabelText( 'Username or email' ),
			'ada'
		);
		await userEvent.type(
			screen.getByLabelText( 'Password' ),
			'Secret-123'
		);
		await userEvent.dblClick(
			screen.getByRole( 'button', { name: 'Sign in' } )
		);
		await waitFor( () => expect( onSubmit ).toHaveBeenCalled() );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Signing in…' } )
		);
		expect( onSubmit ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'ignores Enter while busy and accepts a new submission afterwards', async () => {
		const onSubmit = vi.fn();
		render( <Harness onSubmit={ onSubmit } /> );
		await userEvent.type(
			screen.getByLabelText( 'Username or email' ),
			'ada'
		);
		await userEvent.type(
			screen.getByLabelText( 'Password' ),
			'Secret-123{Enter}'
		);
		await waitFor( () => expect( onSubmit ).toHaveBeenCalledTimes( 1 ) );
		await userEvent.type( screen.getByLabelText( 'Password' ), '{Enter}' );
		await userEvent.type( screen.getByLabelText( 'Password' ), '{Enter}' );
		expect( onSubmit ).toHaveBeenCalledTimes( 1 );

		await userEvent.click(
			screen.getByRole( 'button', { name: 'finish' } )
		);
		await userEvent.type( screen.getByLabelText( 'Password' ), '{Enter}' );
		await waitFor( () => expect( onSubmit ).toHaveBeenCalledTimes( 2 ) );
	} );

	it( 'shows progress on the submit button while busy', () => {
		render( <SignInForm onSubmit={ vi.fn() } busy /> );
		const button = screen.getByRole( 'button', { name: 'Signing in…' } );
		expect( button ).toHaveAttribute( 'aria-busy', 'true' );
		expect( button ).toHaveAttribute( 'aria-disabled', 'true' );
		expect( screen.getByRole( 'status' ) ).toHaveTextContent(
			'Signing in…'
		);
	} );

	it( 'does not submit when clicked while busy', async () => {
		const onSubmit = vi.fn();
		render(
			<SignInForm
				onSubmit={ onSubmit }
				busy
				defaultValues={ { username: 'ada', password: 'x' } }
			/>
		);
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Signing in…' } )
		);
		expect( onSubmit ).not.toHaveBeenCalled();
	} );

	it( 'keeps the typed values when an error arrives after submit', async () => {
		const { rerender } = render( <SignInForm onSubmit={ vi.fn() } /> );
		await userEvent.type(
			screen.getByLabelText( 'Username or email' ),
			'ada'
		);
		await userEvent.type(
			screen.getByLabelText( 'Password' ),
			'Wrong-123'
		);
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Sign in' } )
		);
		rerender( <SignInForm onSubmit={ vi.fn() } busy /> );
		rerender(
			<SignInForm
				onSubmit={ vi.fn() }
				error={ {
					code: 'NotAuthorized',
					message: 'Incorrect username or password.',
				} }
			/>
		);
		expect( screen.getByRole( 'alert' ) ).toHaveTextContent(
			'Incorrect username or password.'
		);
		expect( screen.getByLabelText( 'Username or email' ) ).toHaveValue(
			'ada'
		);
		expect( screen.getByLabelText( 'Password' ) ).toHaveValue(
			'Wrong-123'
		);
	} );

	it( 'restores default values', () => {
		render(
			<SignInForm
				onSubmit={ vi.fn() }
				defaultValues={ { username: 'grace' } }
			/>
		);
		expect( screen.getByLabelText( 'Username or email' ) ).toHaveValue(
			'grace'
		);
	} );

	it( 'shows a link only for the callbacks given, and calls them', async () => {
		const onForgotPassword = vi.fn();
		render(
			<SignInForm
				onSubmit={ vi.fn() }
				onForgotPassword={ onForgotPassword }
			/>
		);
		expect(
			screen.queryByRole( 'button', { name: 'Create an account' } )
		).not.toBeInTheDocument();
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Forgot your password?' } )
		);
		expect( onForgotPassword ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'uses the texts it is given', () => {
		render(
			<SignInForm
				onSubmit={ vi.fn() }
				heading="Members"
				submitLabel="Enter"
				usernameLabel="Member ID"
			/>
		);
		expect(
			screen.getByRole( 'heading', { name: 'Members' } )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'button', { name: 'Enter' } )
		).toBeInTheDocument();
		expect( screen.getByLabelText( 'Member ID' ) ).toBeInTheDocument();
	} );
} );
