import { useState, type ComponentType } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
	ConfirmCodeForm,
	ForgotPasswordForm,
	MfaSetupForm,
	NewPasswordForm,
	ResetPasswordForm,
	SelectMfaForm,
	SignInForm,
	SignUpForm,
	SignedInView,
	SmsCodeForm,
	StatusView,
	TotpCodeForm,
	type FocusTarget,
} from '../../../src/components';

type AnyStep = ComponentType< {
	onSubmit: () => void;
	focusOnMount?: FocusTarget;
} >;

const steps: Array< [ string, AnyStep, string ] > = [
	[ 'SignInForm', SignInForm as AnyStep, 'Sign in' ],
	[ 'SignUpForm', SignUpForm as AnyStep, 'Create an account' ],
	[ 'ConfirmCodeForm', ConfirmCodeForm as AnyStep, 'Confirm your account' ],
	[
		'ForgotPasswordForm',
		ForgotPasswordForm as AnyStep,
		'Reset your password',
	],
	[
		'ResetPasswordForm',
		ResetPasswordForm as AnyStep,
		'Choose a new password',
	],
	[ 'NewPasswordForm', NewPasswordForm as AnyStep, 'Set a new password' ],
	[
		'TotpCodeForm',
		TotpCodeForm as AnyStep,
		'Enter your authenticator code',
	],
	[
		'SmsCodeForm',
		SmsCodeForm as AnyStep,
		'Enter the code from your text message',
	],
	[
		'SelectMfaForm',
		( ( props ) => (
			<SelectMfaForm { ...props } options={ [ 'SMS_MFA' ] } />
		) ) as AnyStep,
		'Choose how to verify it is you',
	],
	[
		'MfaSetupForm',
		( ( props ) => <MfaSetupForm { ...props } secret="ABC" /> ) as AnyStep,
		'Set up your authenticator app',
	],
];

/** Moves from a first step to the one under test, as the flow does. */
function Flow( { Step }: { Step: AnyStep } ) {
	const [ next, setNext ] = useState( false );
	return next ? (
		<Step onSubmit={ vi.fn() } />
	) : (
		<button type="button" onClick={ () => setNext( true ) }>
			go
		</button>
	);
}

describe.each( steps )( '%s', ( _name, Step, heading ) => {
	it( 'moves focus to its heading when the flow arrives at it', async () => {
		render( <Flow Step={ Step } /> );
		await userEvent.click( screen.getByRole( 'button', { name: 'go' } ) );
		expect(
			screen.getByRole( 'heading', { name: heading } )
		).toHaveFocus();
		expect(
			screen.getByRole( 'form', { name: heading } )
		).toBeInTheDocument();
	} );

	it( 'can focus its first field instead, or nothing', () => {
		const { container, unmount } = render(
			<Step onSubmit={ vi.fn() } focusOnMount="field" />
		);
		const first = container.querySelector( 'input:not([readonly])' );
		expect( first ).not.toBeNull();
		expect( first ).toHaveFocus();
		unmount();
		render( <Step onSubmit={ vi.fn() } focusOnMount="none" /> );
		expect( document.body ).toHaveFocus();
	} );
} );

describe( 'SignedInView', () => {
	it( 'names the user and signs out once, without stealing focus on load', async () => {
		let resolve = () => {};
		const onSignOut = vi.fn(
			() => new Promise< void >( ( done ) => ( resolve = done ) )
		);
		render( <SignedInView name="Ada Lovelace" onSignOut={ onSignOut } /> );
		expect(
			screen.getByRole( 'heading', { name: 'Signed in as Ada Lovelace' } )
		).not.toHaveFocus();
		const button = screen.getByRole( 'button', { name: 'Sign out' } );
		await userEvent.dblClick( button );
		await userEvent.click( button );
		expect( onSignOut ).toHaveBeenCalledTimes( 1 );
		resolve();
		await Promise.resolve();
		await userEvent.click( button );
		expect( onSignOut ).toHaveBeenCalledTimes( 2 );
	} );
} );

describe( 'StatusView', () => {
	it( 'puts the message in a status region and offers a way on', () => {
		render(
			<StatusView
				message="Redirecting…"
				continueHref="https://example.test/account"
				busy
			/>
		);
		expect( screen.getByRole( 'status' ) ).toHaveTextContent(
			'Redirecting…'
		);
		expect(
			screen.getByRole( 'heading', { name: 'You are signed in' } )
		).toHaveFocus();
		expect(
			screen.getByRole( 'link', { name: 'Continue' } )
		).toHaveAttribute( 'href', 'https://example.test/account' );
	} );
} );

describe( 'forms on one page', () => {
	it( 'never share an id', () => {
		const { container } = render(
			<>
				<SignInForm
					onSubmit={ vi.fn() }
					showRemember
					focusOnMount="none"
				/>
				<SignUpForm onSubmit={ vi.fn() } focusOnMount="none" />
			</>
		);
		const ids = Array.from(
			container.querySelectorAll( '[id]' ),
			( element ) => element.id
		);
		expect( ids.length ).toBeGreaterThan( 4 );
		expect( new Set( ids ).size ).toBe( ids.length );
	} );
} );

describe( 'network errors', () => {
	function Retrying( { retry }: { retry: () => void } ) {
		const [ busy, setBusy ] = useState( false );
		return (
			<SignInForm
				onSubmit={ vi.fn() }
				busy={ busy }
				error={
					busy
						? null
						: {
								code: 'network',
								message:
									'We could not reach the sign-in service.',
								retry: () => {
									setBusy( true );
									retry();
								},
							}
				}
			/>
		);
	}

	it( 'retries on "Try again" and keeps focus in the form', async () => {
		const retry = vi.fn();
		render( <Retrying retry={ retry } /> );
		expect( screen.getByRole( 'alert' ) ).toHaveTextContent(
			'We could not reach the sign-in service.'
		);
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Try again' } )
		);
		expect( retry ).toHaveBeenCalledTimes( 1 );
		expect(
			screen.getByRole( 'button', { name: 'Signing in…' } )
		).toHaveFocus();
	} );

	it( 'hides the stale error during the next attempt, so the same error is announced again', () => {
		const error = { code: 'network', message: 'Offline.' };
		const { rerender } = render(
			<SignInForm onSubmit={ vi.fn() } error={ error } />
		);
		const first = screen.getByText( 'Offline.' );
		rerender( <SignInForm onSubmit={ vi.fn() } error={ error } busy /> );
		expect( screen.getByRole( 'alert' ) ).toBeEmptyDOMElement();
		rerender( <SignInForm onSubmit={ vi.fn() } error={ error } /> );
		expect( screen.getByText( 'Offline.' ) ).not.toBe( first );
	} );
} );
