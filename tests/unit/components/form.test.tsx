import {
	act,
	fireEvent,
	render,
	screen,
	waitFor,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useForm } from 'react-hook-form';
import {
	Field,
	Form,
	TextField,
	emailRules,
} from '../../../src/components/form';
import { SubmitButton } from '../../../src/components/submit-button';
import type { SubmitHandler } from '../../../src/components/types';

interface Values {
	email: string;
}

function EmailForm( {
	onSubmit,
	busy = false,
}: {
	onSubmit: SubmitHandler< Values >;
	busy?: boolean;
} ) {
	const form = useForm< Values >( {
		defaultValues: { email: 'ada@example.com' },
	} );
	return (
		<Form
			form={ form }
			onSubmit={ onSubmit }
			busy={ busy }
			aria-labelledby="title"
		>
			<h2 id="title">Newsletter</h2>
			<TextField
				name="email"
				label="Email"
				hint="We never share it."
				type="email"
				rules={ emailRules() }
			/>
			<SubmitButton>Save</SubmitButton>
		</Form>
	);
}

describe( 'Form', () => {
	it( 'ignores a submit event while busy, whatever triggered it', async () => {
		const onSubmit = vi.fn();
		render( <EmailForm onSubmit={ onSubmit } busy /> );
		fireEvent.submit( screen.getByRole( 'form', { name: 'Newsletter' } ) );
		await act( async () => {} );
		expect( onSubmit ).not.toHaveBeenCalled();
	} );

	it( 'accepts one of two submissions fired back to back, before any re-render', async () => {
		const onSubmit = vi.fn();
		render( <EmailForm onSubmit={ onSubmit } /> );
		const form = screen.getByRole( 'form', { name: 'Newsletter' } );
		fireEvent.submit( form );
		fireEvent.submit( form );
		await waitFor( () => expect( onSubmit ).toHaveBeenCalled() );
		await act( async () => {} );
		expect( onSubmit ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'blocks submissions until a returned promise settles', async () => {
		let settle = () => {};
		const onSubmit = vi.fn(
			() => new Promise< void >( ( resolve ) => ( settle = resolve ) )
		);
		render( <EmailForm onSubmit={ onSubmit } /> );
		const save = screen.getByRole( 'button', { name: 'Save' } );
		await userEvent.click( save );
		await userEvent.click( save );
		expect( onSubmit ).toHaveBeenCalledTimes( 1 );
		await act( async () => settle() );
		await userEvent.click( save );
		expect( onSubmit ).toHaveBeenCalledTimes( 2 );
	} );

	it( 'unblocks after a synchronous submission that did not make the owner busy', async () => {
		const onSubmit = vi.fn();
		render( <EmailForm onSubmit={ onSubmit } /> );
		const save = screen.getByRole( 'button', { name: 'Save' } );
		await userEvent.click( save );
		await userEvent.click( save );
		expect( onSubmit ).toHaveBeenCalledTimes( 2 );
	} );

	it( 'unblocks after failed validation', async () => {
		const onSubmit = vi.fn();
		render( <EmailForm onSubmit={ onSubmit } /> );
		const email = screen.getByLabelText( 'Email' );
		await userEvent.clear( email );
		await userEvent.click( screen.getByRole( 'button', { name: 'Save' } ) );
		expect( onSubmit ).not.toHaveBeenCalled();
		await userEvent.type( email, 'ada@example.com' );
		await userEvent.click( screen.getByRole( 'button', { name: 'Save' } ) );
		expect( onSubmit ).toHaveBeenCalledTimes( 1 );
	} );
} );

describe( 'Field', () => {
	it( 'describes the control with its hint, and with the error first once there is one', async () => {
		render( <EmailForm onSubmit={ vi.fn() } /> );
		const email = screen.getByLabelText( 'Email' );
		expect( email ).toHaveAccessibleDescription( 'We never share it.' );
		expect( email ).toHaveAttribute( 'aria-invalid', 'false' );
		expect( email ).toHaveAttribute( 'aria-required', 'true' );

		await userEvent.clear( email );
		await userEvent.click( screen.getByRole( 'button', { name: 'Save' } ) );
		expect( email ).toHaveAttribute( 'aria-invalid', 'true' );
		expect( email ).toHaveAccessibleDescription(
			'Enter your email address. We never share it.'
		);
	} );

	it( 'hands the wired props to a custom control', () => {
		function Custom() {
			const form = useForm();
			return (
				<Form form={ form } onSubmit={ vi.fn() }>
					<Field
						name="bio"
						label="Bio"
						hint="A line or two."
						optional
					>
						{ ( control ) => <textarea { ...control } /> }
					</Field>
				</Form>
			);
		}
		render( <Custom /> );
		const bio = screen.getByLabelText( 'Bio (optional)' );
		expect( bio.tagName ).toBe( 'TEXTAREA' );
		expect( bio ).toHaveAccessibleDescription( 'A line or two.' );
		expect( bio ).not.toHaveAttribute( 'aria-required' );
	} );
} );
