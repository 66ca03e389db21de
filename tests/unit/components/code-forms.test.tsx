import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfirmCodeForm } from '../../../src/components/confirm-code-form';
import { SmsCodeForm } from '../../../src/components/sms-code-form';
import { TotpCodeForm } from '../../../src/components/totp-code-form';

describe( 'code steps', () => {
	it( 'offers a numeric one-time-code input with a label', () => {
		render(
			<ConfirmCodeForm onSubmit={ vi.fn() } destination="a***@e***.com" />
		);
		const code = screen.getByLabelText( 'Code' );
		expect( code ).toHaveAttribute( 'inputmode', 'numeric' );
		expect( code ).toHaveAttribute( 'autocomplete', 'one-time-code' );
		expect(
			screen.getByText(
				'We sent a 6-digit code to a***@e***.com. Enter it below.'
			)
		).toBeInTheDocument();
	} );

	it.each( [
		[ '', 'Enter the code.' ],
		[ '12345', 'The code must be 6 digits.' ],
		[ '12a456', 'The code must be 6 digits.' ],
	] )(
		'rejects %j with an error tied to the field',
		async ( typed, message ) => {
			const onSubmit = vi.fn();
			render( <ConfirmCodeForm onSubmit={ onSubmit } /> );
			if ( typed ) {
				await userEvent.type( screen.getByLabelText( 'Code' ), typed );
			}
			await userEvent.click(
				screen.getByRole( 'button', { name: 'Confirm' } )
			);
			const code = screen.getByLabelText( 'Code' );
			expect( code ).toHaveAttribute( 'aria-invalid', 'true' );
			expect( code ).toHaveAccessibleDescription( message );
			expect( onSubmit ).not.toHaveBeenCalled();
		}
	);

	it( 'accepts a pasted code with spaces', async () => {
		const onSubmit = vi.fn();
		render( <SmsCodeForm onSubmit={ onSubmit } /> );
		await userEvent.click( screen.getByLabelText( 'Code' ) );
		await userEvent.paste( '123 456' );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Verify' } )
		);
		expect( onSubmit ).toHaveBeenCalledWith( { code: '123456' } );
	} );

	it( 'disables "Resend code" during the cool-down', async () => {
		const onResend = vi.fn();
		const { rerender } = render(
			<ConfirmCodeForm
				onSubmit={ vi.fn() }
				onResend={ onResend }
				resendCooldown={ 20 }
			/>
		);
		const resend = screen.getByRole( 'button', {
			name: 'Resend code (20 seconds)',
		} );
		expect( resend ).toHaveAttribute( 'aria-disabled', 'true' );
		await userEvent.click( resend );
		expect( onResend ).not.toHaveBeenCalled();

		rerender(
			<ConfirmCodeForm
				onSubmit={ vi.fn() }
				onResend={ onResend }
				resendCooldown={ 0 }
			/>
		);
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Resend code' } )
		);
		expect( onResend ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'announces notices in a status region', () => {
		const { rerender } = render( <ConfirmCodeForm onSubmit={ vi.fn() } /> );
		// The first status region is the notice line; the second belongs to the submit button.
		const [ status ] = screen.getAllByRole( 'status' );
		expect( status ).toBeEmptyDOMElement();
		rerender(
			<ConfirmCodeForm
				onSubmit={ vi.fn() }
				notice="We sent a new code."
			/>
		);
		expect( status ).toHaveTextContent( 'We sent a new code.' );
	} );

	it( 'keeps the typed code when an error arrives', async () => {
		const { rerender } = render( <TotpCodeForm onSubmit={ vi.fn() } /> );
		await userEvent.type( screen.getByLabelText( 'Code' ), '654321' );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Verify' } )
		);
		rerender(
			<TotpCodeForm
				onSubmit={ vi.fn() }
				error={ { code: 'code_mismatch', message: 'Wrong code.' } }
			/>
		);
		expect( screen.getByRole( 'alert' ) ).toHaveTextContent(
			'Wrong code.'
		);
		expect( screen.getByLabelText( 'Code' ) ).toHaveValue( '654321' );
	} );

	it( 'links back to sign-in', async () => {
		const onBackToSignIn = vi.fn();
		render(
			<TotpCodeForm
				onSubmit={ vi.fn() }
				onBackToSignIn={ onBackToSignIn }
			/>
		);
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Back to sign in' } )
		);
		expect( onBackToSignIn ).toHaveBeenCalled();
	} );
} );
