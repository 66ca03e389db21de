import { useState } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ErrorMessage } from '../../../src/components/error-message';
import { PasswordChecklist } from '../../../src/components/password-checklist';
import { PasswordInput } from '../../../src/components/password-input';
import { ResendButton } from '../../../src/components/resend-button';
import { StepHeading } from '../../../src/components/step-heading';
import type { FormError, PasswordRule } from '../../../src/components/types';

describe( 'PasswordInput', () => {
	it( 'toggles the input type and aria-pressed, keeping focus on the toggle', async () => {
		render(
			<>
				<label htmlFor="pw">Password</label>
				<PasswordInput id="pw" defaultValue="Secret-1" />
			</>
		);
		const input = screen.getByLabelText( 'Password' );
		const toggle = screen.getByRole( 'button', { name: 'Show password' } );
		expect( input ).toHaveAttribute( 'type', 'password' );
		expect( toggle ).toHaveAttribute( 'aria-pressed', 'false' );
		expect( toggle ).toHaveAttribute( 'type', 'button' );

		await userEvent.click( toggle );
		expect( input ).toHaveAttribute( 'type', 'text' );
		expect( toggle ).toHaveAttribute( 'aria-pressed', 'true' );
		expect( toggle ).toHaveFocus();
		expect( input ).toHaveValue( 'Secret-1' );

		await userEvent.keyboard( '{Enter}' );
		expect( input ).toHaveAttribute( 'type', 'password' );
		expect( toggle ).toHaveAttribute( 'aria-pressed', 'false' );
	} );

	it( 'does not submit its form', async () => {
		const onSubmit = vi.fn( ( event: { preventDefault: () => void } ) =>
			event.preventDefault()
		);
		render(
			<form onSubmit={ onSubmit }>
				<PasswordInput aria-label="Password" />
			</form>
		);
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Show password' } )
		);
		expect( onSubmit ).not.toHaveBeenCalled();
	} );
} );

describe( 'PasswordChecklist', () => {
	const rules: PasswordRule[] = [
		{ rule: 'minLength', met: true, label: 'At least 8 characters' },
		{ rule: 'number', met: false, label: 'A number' },
	];

	it( 'marks met and unmet rules', () => {
		render( <PasswordChecklist rules={ rules } /> );
		const items = screen.getAllByRole( 'listitem' );
		expect( items[ 0 ] ).toHaveTextContent(
			'At least 8 characters (done)'
		);
		expect( items[ 0 ] ).toHaveAttribute( 'data-met', 'true' );
		expect( items[ 0 ] ).toHaveClass( 'cognito-blocks__rule--met' );
		expect( items[ 1 ] ).toHaveTextContent( 'A number (not yet)' );
		expect( items[ 1 ] ).toHaveAttribute( 'data-met', 'false' );
		expect( items[ 1 ] ).not.toHaveClass( 'cognito-blocks__rule--met' );
	} );

	it( 'evaluates a policy with the check function it is given', () => {
		const check = (
			policy: { min: number },
			value: string
		): PasswordRule[] => [
			{
				rule: 'min',
				met: value.length >= policy.min,
				label: `${ policy.min }+ characters`,
			},
		];
		const { rerender } = render(
			<PasswordChecklist
				policy={ { min: 3 } }
				value="ab"
				check={ check }
			/>
		);
		expect( screen.getByRole( 'listitem' ) ).toHaveAttribute(
			'data-met',
			'false'
		);
		rerender(
			<PasswordChecklist
				policy={ { min: 3 } }
				value="abc"
				check={ check }
			/>
		);
		expect( screen.getByRole( 'listitem' ) ).toHaveAttribute(
			'data-met',
			'true'
		);
	} );
} );

describe( 'ErrorMessage', () => {
	it( 'announces a new error in an alert region that was already present', () => {
		const { rerender } = render( <ErrorMessage /> );
		const alert = screen.getByRole( 'alert' );
		expect( alert ).toBeEmptyDOMElement();
		rerender(
			<ErrorMessage
				error={ {
					code: 'network',
					message: 'Cannot reach the server.',
				} }
			/>
		);
		expect( screen.getByRole( 'alert' ) ).toBe( alert );
		expect( alert ).toHaveTextContent( 'Cannot reach the server.' );
	} );

	it( 're-inserts the text for a different error, not for an equal one', () => {
		const first: FormError = { code: 'a', message: 'First.' };
		const { rerender } = render( <ErrorMessage error={ first } /> );
		const text = screen.getByText( 'First.' );
		rerender( <ErrorMessage error={ { ...first } } /> );
		expect( screen.getByText( 'First.' ) ).toBe( text );
		rerender(
			<ErrorMessage error={ { code: 'b', message: 'Second.' } } />
		);
		expect( screen.getByRole( 'alert' ) ).toHaveTextContent( 'Second.' );
	} );

	it( 'offers "Try again" only when the error can be retried', async () => {
		const retry = vi.fn();
		const { rerender } = render(
			<ErrorMessage error={ { code: 'x', message: 'Wrong code.' } } />
		);
		expect(
			screen.queryByRole( 'button', { name: 'Try again' } )
		).not.toBeInTheDocument();
		rerender(
			<ErrorMessage
				error={ { code: 'network', message: 'Offline.', retry } }
			/>
		);
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Try again' } )
		);
		expect( retry ).toHaveBeenCalledTimes( 1 );
	} );
} );

describe( 'StepHeading', () => {
	function Steps() {
		const [ step, setStep ] = useState( 1 );
		return (
			<>
				<button type="button" onClick={ () => setStep( 2 ) }>
					next
				</button>
				{ /* Keys as an owner keys its steps: each step is a new mount. */ }
				{ step === 1 ? (
					<StepHeading key="first">First</StepHeading>
				) : (
					<StepHeading key="second" focusOnMount>
						Second
					</StepHeading>
				) }
			</>
		);
	}

	it( 'takes focus when a new step mounts, and is not in the tab order', async () => {
		render( <Steps /> );
		expect(
			screen.getByRole( 'heading', { name: 'First' } )
		).not.toHaveFocus();
		await userEvent.click( screen.getByRole( 'button', { name: 'next' } ) );
		const heading = screen.getByRole( 'heading', {
			name: 'Second',
			level: 2,
		} );
		expect( heading ).toHaveFocus();
		expect( heading ).toHaveAttribute( 'tabindex', '-1' );
	} );
} );

describe( 'ResendButton', () => {
	it( 'is unavailable and shows the seconds left during the cool-down', async () => {
		const onResend = vi.fn();
		const { rerender } = render(
			<ResendButton onResend={ onResend } cooldownSeconds={ 30 } />
		);
		const button = screen.getByRole( 'button', {
			name: 'Resend code (30 seconds)',
		} );
		expect( button ).toHaveAttribute( 'aria-disabled', 'true' );
		await userEvent.click( button );
		expect( onResend ).not.toHaveBeenCalled();

		rerender(
			<ResendButton onResend={ onResend } cooldownSeconds={ 1 } />
		);
		expect( button ).toHaveAccessibleName( 'Resend code (1 second)' );

		rerender(
			<ResendButton onResend={ onResend } cooldownSeconds={ 0 } />
		);
		expect( button ).toHaveAccessibleName( 'Resend code' );
		expect( button ).not.toHaveAttribute( 'aria-disabled' );
		await userEvent.click( button );
		expect( onResend ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'ignores clicks while a resend is in flight', async () => {
		const onResend = vi.fn();
		render( <ResendButton onResend={ onResend } busy /> );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Resend code' } )
		);
		expect( onResend ).not.toHaveBeenCalled();
	} );
} );
