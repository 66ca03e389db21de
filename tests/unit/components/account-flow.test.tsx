import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
	AccountFlow,
	AccountFlowPreview,
	formConfigFromAttributes,
	type AccountFlowModel,
	type EntryStepName,
} from '../../../src/components/account-flow';
import type { AuthContext } from '../../../src/auth/facade';
import type { AuthStep } from '../../../src/auth/types';
import { manualClock } from '../auth/fakes';

function model(
	step: AuthStep,
	context: Partial< AuthContext > = {},
	extra: Partial< AccountFlowModel > = {}
): AccountFlowModel {
	return {
		step,
		context: { username: '', attributes: {}, remember: false, ...context },
		busy: false,
		send: vi.fn(),
		...extra,
	};
}

function setup(
	flow: AccountFlowModel,
	attributes: Record< string, unknown > = {},
	entry: EntryStepName = 'signIn'
) {
	const onNavigate = vi.fn();
	const clock = manualClock();
	const config = formConfigFromAttributes( entry, attributes );
	const view = render(
		<AccountFlow
			flow={ flow }
			config={ config }
			onNavigate={ onNavigate }
			clock={ clock }
		/>
	);
	const rerender = ( next: AccountFlowModel ) =>
		view.rerender(
			<AccountFlow
				flow={ next }
				config={ config }
				onNavigate={ onNavigate }
				clock={ clock }
			/>
		);
	return { onNavigate, clock, rerender, send: flow.send };
}

const heading = ( name: string ) =>
	screen.getByRole( 'heading', { name, level: 2 } );

describe( 'AccountFlow', () => {
	it.each( [
		[ 'signIn', 'Sign in' ],
		[ 'signUp', 'Create an account' ],
		[ 'confirmSignUp', 'Confirm your account' ],
		[ 'forgotPassword', 'Reset your password' ],
		[ 'confirmResetPassword', 'Choose a new password' ],
		[ 'newPassword', 'Set a new password' ],
		[ 'smsMfa', 'Enter the code from your text message' ],
		[ 'totpMfa', 'Enter your authenticator code' ],
		[ 'selectMfa', 'Choose how to verify it is you' ],
		[ 'totpSetup', 'Set up your authenticator app' ],
		[ 'done', 'Signing you in…' ],
	] as const )( 'renders the %s step', ( step, title ) => {
		setup(
			model( step, {
				mfaOptions: [ 'SOFTWARE_TOKEN_MFA' ],
				redirectTo: '/next/',
			} )
		);
		expect( heading( title ) ).toBeInTheDocument();
	} );

	it( 'uses the block texts on the entry step only', () => {
		const flow = model( 'signIn' );
		const { rerender } = setup( flow, {
			heading: 'Members',
			description: 'Welcome back.',
			submitLabel: 'Go',
		} );
		expect( heading( 'Members' ) ).toBeInTheDocument();
		expect( screen.getByText( 'Welcome back.' ) ).toBeInTheDocument();
		expect(
			screen.getByRole( 'button', { name: 'Go' } )
		).toBeInTheDocument();

		rerender( model( 'forgotPassword' ) );
		expect( heading( 'Reset your password' ) ).toBeInTheDocument();
		expect( screen.queryByText( 'Welcome back.' ) ).toBeNull();
	} );

	it( 'sends the sign-in event with what was typed', async () => {
		const flow = model( 'signIn' );
		setup( flow, { showRemember: true } );
		await userEvent.type(
			screen.getByLabelText( 'Username or email' ),
			'alice'
		);
		await userEvent.type( screen.getByLabelText( 'Password' ), 'pw' );
		await userEvent.click( screen.getByLabelText( 'Remember me' ) );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Sign in' } )
		);
		expect( flow.send ).toHaveBeenCalledWith( {
			type: 'SUBMIT_SIGN_IN',
			username: 'alice',
			password: 'pw',
			remember: true,
		} );
	} );

	it( 'switches step in place, or follows a configured URL', async () => {
		const flow = model( 'signIn' );
		const { onNavigate } = setup( flow, {
			createAccountUrl: '/register/',
		} );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Forgot your password?' } )
		);
		expect( flow.send ).toHaveBeenCalledWith( {
			type: 'GO_TO',
			step: 'forgotPassword',
		} );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Create an account' } )
		);
		expect( onNavigate ).toHaveBeenCalledWith( '/register/' );
	} );

	it( 'hides links the block switched off', () => {
		setup( model( 'signIn' ), {
			showForgotPassword: false,
			showCreateAccount: false,
		} );
		expect(
			screen.queryByRole( 'button', { name: 'Forgot your password?' } )
		).toBeNull();
		expect(
			screen.queryByRole( 'button', { name: 'Create an account' } )
		).toBeNull();
	} );

	it( 'sends the sign-up fields the block configured', async () => {
		const flow = model( 'signUp' );
		setup(
			flow,
			{
				fields: [
					{ name: 'email', required: true },
					{ name: 'given_name', label: 'Your first name' },
				],
			},
			'signUp'
		);
		await userEvent.type(
			screen.getByLabelText( 'Email' ),
			'new@example.test'
		);
		await userEvent.type(
			screen.getByLabelText( /Your first name/ ),
			'Nia'
		);
		await userEvent.type(
			screen.getByLabelText( 'Password' ),
			'Secret-pass1'
		);
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Create account' } )
		);
		expect( flow.send ).toHaveBeenCalledWith( {
			type: 'SUBMIT_SIGN_UP',
			username: 'new@example.test',
			password: 'Secret-pass1',
			attributes: { email: 'new@example.test', given_name: 'Nia' },
		} );
	} );

	it( 'counts the resend cool-down down and says when a new code went out', async () => {
		const clock = manualClock();
		const flow = model( 'confirmSignUp', {
			resendAvailableAt: clock.now() + 2000,
			delivery: { destination: 'n***@e***' },
		} );
		const { rerender, clock: viewClock } = setup( flow );
		expect( screen.getByText( /n\*\*\*@e\*\*\*/ ) ).toBeInTheDocument();
		const resend = screen.getByRole( 'button', { name: /Resend code/ } );
		expect( resend ).toHaveAttribute( 'aria-disabled', 'true' );
		expect( resend ).toHaveTextContent( /2 seconds/ );

		rerender(
			model(
				'confirmSignUp',
				{ resendAvailableAt: viewClock.now() - 1 },
				{ send: flow.send }
			)
		);
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Resend code' } )
		);
		expect( flow.send ).toHaveBeenCalledWith( { type: 'RESEND_CODE' } );
		expect( screen.getByText( 'We sent a new code.' ) ).toBeInTheDocument();
	} );

	it( 'offers a retry when the error can be retried', async () => {
		const retry = vi.fn();
		setup(
			model(
				'signIn',
				{},
				{ error: { code: 'network', message: 'No connection.', retry } }
			)
		);
		expect( screen.getByRole( 'alert' ) ).toHaveTextContent(
			'No connection.'
		);
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Try again' } )
		);
		expect( retry ).toHaveBeenCalled();
	} );

	it.each( [
		[
			'creation_disabled',
			'New accounts are not created on this site. If you already have an account here, ask the site administrator to connect it to your sign-in.',
		],
		[ 'not_authorized', 'Incorrect username or password.' ],
	] )(
		'points a %s error to the WordPress-password sign-in the form was given',
		( code, message ) => {
			const passwordSignInUrl =
				'https://example.test/wp-login.php?cognito_blocks_password=1';
			setup( model( 'signIn', {}, { error: { code, message } } ), {
				passwordSignInUrl,
			} );
			const alert = screen.getByRole( 'alert' );
			expect( alert ).toHaveTextContent( message );
			expect(
				within( alert ).getByRole( 'link', {
					name: 'Site administrators: sign in with your WordPress password',
				} )
			).toHaveAttribute( 'href', passwordSignInUrl );
		}
	);

	it( 'points no other error to the WordPress-password sign-in', () => {
		setup(
			model(
				'signIn',
				{},
				{ error: { code: 'too_many_attempts', message: 'Slow down.' } }
			),
			{ passwordSignInUrl: '/wp-login.php?cognito_blocks_password=1' }
		);
		expect( screen.getByRole( 'alert' ) ).toHaveTextContent( 'Slow down.' );
		expect(
			screen.queryByRole( 'link', { name: /WordPress password/ } )
		).toBeNull();
	} );

	it( 'names no WordPress-password sign-in in a form that was given none', () => {
		setup(
			model(
				'signIn',
				{},
				{
					error: {
						code: 'creation_disabled',
						message: 'No accounts.',
					},
				}
			)
		);
		expect( screen.getByRole( 'alert' ) ).toHaveTextContent(
			'No accounts.'
		);
		expect(
			screen.queryByRole( 'link', { name: /WordPress password/ } )
		).toBeNull();
	} );

	it( 'leaves focus alone on the first step, then moves it to each new step', () => {
		const { rerender } = setup( model( 'signIn' ) );
		expect( heading( 'Sign in' ) ).not.toHaveFocus();
		rerender( model( 'totpMfa' ) );
		expect( heading( 'Enter your authenticator code' ) ).toHaveFocus();
	} );

	it( 'announces the hand-off and links to the redirect', () => {
		setup( model( 'done', { redirectTo: '/members/' } ) );
		expect( screen.getByRole( 'status' ) ).toHaveTextContent(
			'Taking you to the next page…'
		);
		expect(
			screen.getByRole( 'link', { name: 'Continue' } )
		).toHaveAttribute( 'href', '/members/' );
	} );

	it( 'submits TOTP and new-password steps as flow events', async () => {
		const flow = model( 'totpMfa' );
		setup( flow );
		await userEvent.type( screen.getByLabelText( 'Code' ), '123456' );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Verify' } )
		);
		expect( flow.send ).toHaveBeenCalledWith( {
			type: 'SUBMIT_CODE',
			code: '123456',
		} );
	} );
} );

describe( 'AccountFlowPreview', () => {
	it.each( [
		[ 'signIn', 'Sign in' ],
		[ 'signUp', 'Create an account' ],
		[ 'forgotPassword', 'Reset your password' ],
	] as const )( 'shows the form opening on %s', ( entry, title ) => {
		render(
			<AccountFlowPreview
				config={ formConfigFromAttributes( entry, {} ) }
			/>
		);
		expect( heading( title ) ).toBeInTheDocument();
	} );
} );

describe( 'formConfigFromAttributes', () => {
	it( 'falls back to defaults for missing or mistyped attributes', () => {
		const config = formConfigFromAttributes( 'signIn', {
			heading: 42,
			showForgotPassword: 'no',
			forgotPasswordUrl: 'javascript:alert(1)',
			createAccountUrl: '//evil.example/',
		} );
		expect( config ).toMatchObject( {
			heading: '',
			showForgotPassword: true,
			forgotPasswordUrl: '',
			createAccountUrl: '',
			fields: [ { name: 'email', required: true } ],
		} );
	} );

	it( 'keeps valid sign-up fields in order, without duplicates', () => {
		const { fields } = formConfigFromAttributes( 'signUp', {
			fields: [
				{ name: 'given_name', label: 'First', required: true },
				'custom:company',
				{ name: 'given_name' },
				{ name: 'bad name' },
				7,
			],
		} );
		expect( fields ).toEqual( [
			{ name: 'given_name', label: 'First', required: true },
			{ name: 'custom:company' },
		] );
	} );
} );
