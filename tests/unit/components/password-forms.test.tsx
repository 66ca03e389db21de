import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ForgotPasswordForm } from '../../../src/components/forgot-password-form';
import { NewPasswordForm } from '../../../src/components/new-password-form';
import { ResetPasswordForm } from '../../../src/components/reset-password-form';
import type { PasswordRule } from '../../../src/components/types';

const checkPassword = ( value: string ): PasswordRule[] => [
	{
		rule: 'minLength',
		met: value.length >= 8,
		label: 'At least 8 characters',
	},
];

describe( 'ForgotPasswordForm', () => {
	it( 'asks for the username and submits it', async () => {
		const onSubmit = vi.fn();
		render( <ForgotPasswordForm onSubmit={ onSubmit } /> );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Send code' } )
		);
		expect( screen.getByLabelText( 'Username or email' ) ).toHaveAttribute(
			'aria-invalid',
			'true'
		);
		await userEvent.type(
			screen.getByLabelText( 'Username or email' ),
			'ada'
		);
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Send code' } )
		);
		expect( onSubmit ).toHaveBeenCalledWith( { username: 'ada' } );
	} );
} );

describe( 'ResetPasswordForm', () => {
	it( 'takes the code and a new password that meets the policy', async () => {
		const onSubmit = vi.fn();
		render(
			<ResetPasswordForm
				onSubmit={ onSubmit }
				checkPassword={ checkPassword }
				destination="a***@e***"
			/>
		);
		const code = screen.getByLabelText( 'Code' );
		const password = screen.getByLabelText( 'New password' );
		expect( code ).toHaveAttribute( 'autocomplete', 'one-time-code' );
		expect( password ).toHaveAttribute( 'autocomplete', 'new-password' );

		await userEvent.type( code, '12' );
		await userEvent.type( password, 'short' );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Set new password' } )
		);
		expect( code ).toHaveAccessibleDescription(
			'The code must be 6 digits.'
		);
		expect( password ).toHaveAttribute( 'aria-invalid', 'true' );
		expect( onSubmit ).not.toHaveBeenCalled();

		await userEvent.type( code, '3456' );
		await userEvent.type( password, '-enough' );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Set new password' } )
		);
		expect( onSubmit ).toHaveBeenCalledWith( {
			code: '123456',
			password: 'short-enough',
		} );
	} );

	it( 'disables resending during the cool-down', () => {
		render(
			<ResetPasswordForm
				onSubmit={ vi.fn() }
				onResend={ vi.fn() }
				resendCooldown={ 5 }
			/>
		);
		expect(
			screen.getByRole( 'button', { name: 'Resend code (5 seconds)' } )
		).toHaveAttribute( 'aria-disabled', 'true' );
	} );
} );

describe( 'NewPasswordForm', () => {
	it( 'asks for the required attributes and maps them back to Cognito names', async () => {
		const onSubmit = vi.fn();
		render(
			<NewPasswordForm
				onSubmit={ onSubmit }
				checkPassword={ checkPassword }
				requiredAttributes={ [
					{ name: 'given_name' },
					{ name: 'custom:team', label: 'Team' },
				] }
			/>
		);
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Save and continue' } )
		);
		expect( screen.getByLabelText( 'First name' ) ).toHaveAttribute(
			'aria-invalid',
			'true'
		);
		expect( screen.getByLabelText( 'Team' ) ).toHaveAccessibleDescription(
			'This field is required.'
		);

		await userEvent.type(
			screen.getByLabelText( 'New password' ),
			'Long-enough-1'
		);
		await userEvent.type( screen.getByLabelText( 'First name' ), 'Ada' );
		await userEvent.type( screen.getByLabelText( 'Team' ), 'Engines' );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Save and continue' } )
		);
		expect( onSubmit ).toHaveBeenCalledWith( {
			password: 'Long-enough-1',
			attributes: { given_name: 'Ada', 'custom:team': 'Engines' },
		} );
	} );
} );
