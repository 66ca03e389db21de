import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ProfileContext } from '../../../src/auth/profile/flow';
import type { ProfileStep } from '../../../src/auth/profile/types';
import {
	DEFAULT_PROFILE_FIELDS,
	profileConfigFromAttributes,
} from '../../../src/components/profile/config';
import {
	ProfileView,
	type ProfileFlowBinding,
	type ProfileViewProps,
} from '../../../src/components/profile/ProfileView';
import type { PasswordChecker } from '../../../src/components/types';
import { ACCOUNT, accountWith, SITE } from '../auth/profile-fakes';

function flow(
	step: ProfileStep,
	context: Partial< ProfileContext > = {},
	extra: Partial< ProfileFlowBinding > = {}
): ProfileFlowBinding {
	return {
		step,
		context: {
			site: SITE,
			account: ACCOUNT,
			federated: false,
			canSignOutOthers: false,
			...context,
		},
		busy: false,
		canRetry: false,
		send: vi.fn(),
		...extra,
	};
}

function setup(
	binding: ProfileFlowBinding,
	attributes: Record< string, unknown > = {},
	props: Partial< ProfileViewProps > = {}
) {
	const view = render(
		<ProfileView
			flow={ binding }
			config={ profileConfigFromAttributes( attributes ) }
			{ ...props }
		/>
	);
	return { ...view, send: binding.send as ReturnType< typeof vi.fn > };
}

const region = ( name: string ) => screen.getByRole( 'region', { name } );
const button = ( name: string | RegExp ) =>
	screen.getByRole( 'button', { name } );

describe( 'ProfileView: steps other than the overview', () => {
	it( 'says the account is loading in a status region', () => {
		setup( flow( 'loading', { site: undefined, account: undefined } ) );
		expect( screen.getByRole( 'status' ) ).toHaveTextContent(
			'Loading your account…'
		);
		expect( screen.queryByRole( 'heading' ) ).not.toBeInTheDocument();
	} );

	it( 'asks for the password of the linked username and sends it', async () => {
		const { send, container } = setup(
			flow( 'confirmPassword', { account: undefined } )
		);
		expect(
			screen.getByRole( 'heading', {
				name: 'Confirm it’s you',
				level: 2,
			} )
		).toBeInTheDocument();
		expect(
			screen.getByText(
				'Enter the password of ada to see and change your account.'
			)
		).toBeInTheDocument();
		// For password managers: the account the password belongs to.
		expect(
			container.querySelector( 'input[autocomplete="username"]' )
		).toHaveValue( 'ada' );
		const password = screen.getByLabelText( 'Password' );
		expect( password ).toHaveAttribute( 'type', 'password' );
		expect( password ).toHaveAttribute(
			'autocomplete',
			'current-password'
		);
		expect( password ).toHaveFocus();

		await userEvent.click( button( 'Continue' ) );
		expect(
			screen.getByText( 'Enter your password.' )
		).toBeInTheDocument();
		expect( send ).not.toHaveBeenCalled();

		await userEvent.type( password, 'Secret1!{Enter}' );
		expect( send ).toHaveBeenCalledExactlyOnceWith( {
			type: 'SUBMIT_PASSWORD',
			password: 'Secret1!',
		} );
	} );

	it( 'shows why the password is asked for again as an alert', () => {
		setup(
			flow(
				'confirmPassword',
				{ account: undefined },
				{
					error: {
						code: 'reauth_required',
						message:
							'For your security, enter your password again to continue.',
					},
				}
			)
		);
		expect( screen.getByRole( 'alert' ) ).toHaveTextContent(
			'For your security, enter your password again to continue.'
		);
	} );

	it( 'asks for the SMS or authenticator code and sends it, or goes back', async () => {
		const { send, unmount } = setup(
			flow( 'confirmMfa', {
				mfa: { mfaType: 'SMS_MFA', destination: '+***99' },
			} )
		);
		expect(
			screen.getByRole( 'heading', {
				name: 'Enter your verification code',
			} )
		).toBeInTheDocument();
		expect(
			screen.getByText( 'Enter the code we sent to your phone.' )
		).toBeInTheDocument();
		await userEvent.type(
			screen.getByLabelText( 'Code' ),
			'123456{Enter}'
		);
		expect( send ).toHaveBeenCalledWith( {
			type: 'SUBMIT_MFA_CODE',
			code: '123456',
		} );
		await userEvent.click( button( 'Back' ) );
		expect( send ).toHaveBeenLastCalledWith( { type: 'BACK' } );
		unmount();

		setup(
			flow( 'confirmMfa', { mfa: { mfaType: 'SOFTWARE_TOKEN_MFA' } } )
		);
		expect(
			screen.getByText(
				'Enter the 6-digit code from your authenticator app.'
			)
		).toBeInTheDocument();
	} );

	it( 'asks for the code of a new email address, saying the new one is unverified meanwhile', async () => {
		const { send } = setup(
			flow( 'verifyAttribute', {
				notice: 'codeSent',
				pending: {
					name: 'email',
					delivery: { destination: 'a***@n***' },
					activeUnverified: true,
					resendAvailableAt: 0,
				},
			} )
		);
		expect(
			screen.getByRole( 'heading', {
				name: 'Confirm your email address',
			} )
		).toBeInTheDocument();
		expect(
			screen.getByText( /We sent a 6-digit code to a\*\*\*@n\*\*\*\./ )
		).toHaveTextContent( /the new value is unverified/ );
		expect( screen.getByText( 'We sent a new code.' ) ).toHaveAttribute(
			'role',
			'status'
		);

		await userEvent.click( button( 'Resend code' ) );
		expect( send ).toHaveBeenLastCalledWith( { type: 'RESEND' } );
		await userEvent.type(
			screen.getByLabelText( 'Code' ),
			'654321{Enter}'
		);
		expect( send ).toHaveBeenLastCalledWith( {
			type: 'SUBMIT_CODE',
			code: '654321',
		} );
		await userEvent.click( button( 'Later: back to your account' ) );
		expect( send ).toHaveBeenLastCalledWith( { type: 'BACK' } );
	} );

	it( 'says the current value stays in use for a kept original, and holds resend during the cool-down', async () => {
		const { send } = setup(
			flow( 'verifyAttribute', {
				notice: 'saved',
				pending: {
					name: 'phone_number',
					activeUnverified: false,
					resendAvailableAt: 0,
				},
			} ),
			{},
			{ resendCooldown: 12 }
		);
		expect(
			screen.getByRole( 'heading', { name: 'Confirm your phone number' } )
		).toBeInTheDocument();
		expect(
			screen.getByText( /We sent you a 6-digit code\./ )
		).toHaveTextContent(
			'Your current one stays in use until you enter the code.'
		);
		// "saved" belongs to the overview, not to this step.
		expect(
			screen.queryByText( 'Your changes are saved.' )
		).not.toBeInTheDocument();
		const resend = button( /Resend code \(12 seconds\)/ );
		expect( resend ).toHaveAttribute( 'aria-disabled', 'true' );
		await userEvent.click( resend );
		expect( send ).not.toHaveBeenCalled();
	} );

	it( 'sets up the authenticator with the secret, sends the code, or cancels', async () => {
		const { send } = setup(
			flow( 'totpSetup', { totpSecret: 'JBSWY3DPEHPK3PXP' } ),
			{},
			{ otpauthUri: 'otpauth://totp/Site:ada?secret=JBSWY3DPEHPK3PXP' }
		);
		expect( screen.getByLabelText( 'Setup key' ) ).toHaveValue(
			'JBSWY3DPEHPK3PXP'
		);
		await userEvent.type( screen.getByLabelText( 'Code' ), '123456' );
		await userEvent.click( button( 'Turn on two-step verification' ) );
		expect( send ).toHaveBeenLastCalledWith( {
			type: 'SUBMIT_TOTP',
			code: '123456',
		} );
		await userEvent.click( button( 'Cancel' ) );
		expect( send ).toHaveBeenLastCalledWith( { type: 'BACK' } );
	} );

	it.each( [
		[
			'unlinked',
			'Your account',
			'Your account on this site is not connected to a sign-in account, so there is nothing to change here.',
		],
		[
			'signedOut',
			'Signed out everywhere',
			'You are signed out on every device. Taking you to the next page…',
		],
		[
			'deleted',
			'Account deleted',
			'Your account is deleted. Taking you to the next page…',
		],
	] as const )(
		'ends on %s with a heading and a status line',
		( step, heading, text ) => {
			setup( flow( step, { account: undefined } ) );
			expect(
				screen.getByRole( 'heading', { name: heading, level: 2 } )
			).toBeInTheDocument();
			expect( screen.getByRole( 'status' ) ).toHaveTextContent( text );
		}
	);

	it( 'uses the block’s heading and level', () => {
		setup( flow( 'unlinked' ), { heading: 'My profile', headingLevel: 3 } );
		expect(
			screen.getByRole( 'heading', { name: 'My profile', level: 3 } )
		).toBeInTheDocument();
	} );
} );

describe( 'ProfileView: overview', () => {
	it( 'titles the overview and each section, one level below', () => {
		setup( flow( 'overview' ), {
			heading: 'My profile',
			description: 'Keep your details up to date.',
			headingLevel: 3,
		} );
		expect(
			screen.getByRole( 'heading', { name: 'My profile', level: 3 } )
		).toBeInTheDocument();
		expect(
			screen.getByText( 'Keep your details up to date.' )
		).toBeInTheDocument();
		for ( const name of [
			'Your details',
			'Password',
			'Two-step verification',
			'Sign out everywhere',
		] ) {
			expect( region( name ) ).toBeInTheDocument();
			expect(
				within( region( name ) ).getByRole( 'heading', {
					name,
					level: 4,
				} )
			).toBeInTheDocument();
		}
		expect(
			screen.queryByRole( 'region', { name: 'Delete your account' } )
		).not.toBeInTheDocument();
	} );

	it( 'fills the fields from Cognito and saves what the form shows', async () => {
		const { send } = setup( flow( 'overview' ) );
		const details = within( region( 'Your details' ) );
		expect( details.getByLabelText( 'First name' ) ).toHaveValue( 'Ada' );
		expect( details.getByLabelText( 'Last name' ) ).toHaveValue(
			'Lovelace'
		);
		expect( details.getByLabelText( 'Email' ) ).toHaveValue(
			'ada@example.test'
		);
		await userEvent.clear( details.getByLabelText( 'Last name' ) );
		await userEvent.type( details.getByLabelText( 'Last name' ), 'King' );
		await userEvent.click(
			details.getByRole( 'button', { name: 'Save changes' } )
		);
		expect( send ).toHaveBeenCalledExactlyOnceWith( {
			type: 'SAVE',
			values: {
				given_name: 'Ada',
				family_name: 'King',
				email: 'ada@example.test',
			},
		} );
	} );

	it( 'shows read-only fields as such and never sends them', async () => {
		const { send } = setup(
			flow( 'overview', {
				account: accountWith( { 'custom:tier': 'gold' } ),
			} ),
			{
				fields: [
					{
						name: 'custom:tier',
						label: 'Membership',
						readOnly: true,
					},
					{ name: 'given_name' },
				],
			}
		);
		const tier = screen.getByLabelText( 'Membership' );
		expect( tier ).toHaveValue( 'gold' );
		expect( tier ).toHaveAttribute( 'readonly' );
		expect( screen.getByLabelText( 'First name' ) ).not.toHaveAttribute(
			'readonly'
		);
		await userEvent.type( tier, 'platinum' );
		await userEvent.click( button( 'Save changes' ) );
		expect( send ).toHaveBeenCalledExactlyOnceWith( {
			type: 'SAVE',
			values: { given_name: 'Ada' },
		} );
	} );

	it( 'does not save an invalid email address', async () => {
		const { send } = setup( flow( 'overview' ) );
		const email = screen.getByLabelText( 'Email' );
		await userEvent.clear( email );
		await userEvent.type( email, 'not-an-address' );
		await userEvent.click( button( 'Save changes' ) );
		expect( send ).not.toHaveBeenCalled();
		expect( email ).toHaveAttribute( 'aria-invalid', 'true' );
	} );

	it( 'offers "Verify now" for an unverified email address only', async () => {
		const { send, unmount } = setup(
			flow( 'overview', {
				account: accountWith( { email_verified: 'false' } ),
			} )
		);
		expect( screen.getByText( /Not verified yet\./ ) ).toBeInTheDocument();
		await userEvent.click( button( 'Verify now' ) );
		expect( send ).toHaveBeenCalledExactlyOnceWith( {
			type: 'VERIFY',
			name: 'email',
		} );
		unmount();

		setup( flow( 'overview' ) );
		expect(
			screen.queryByRole( 'button', { name: 'Verify now' } )
		).not.toBeInTheDocument();
	} );

	it( 'shows a notice in the section it belongs to only', () => {
		setup( flow( 'overview', { section: 'attributes', notice: 'saved' } ) );
		const notice = within( region( 'Your details' ) ).getByText(
			'Your changes are saved.'
		);
		expect( notice ).toHaveAttribute( 'role', 'status' );
		expect( screen.getAllByText( 'Your changes are saved.' ) ).toHaveLength(
			1
		);
	} );

	it.each( [
		[ 'attributes', 'Your details' ],
		[ 'password', 'Password' ],
		[ 'mfa', 'Two-step verification' ],
		[ 'signOut', 'Sign out everywhere' ],
		[ 'delete', 'Delete your account' ],
	] as const )(
		'shows an error of the %s section in that section only',
		( section, title ) => {
			setup(
				flow(
					'overview',
					{ section },
					{ error: { code: 'network', message: 'Offline.' } }
				),
				{ allowDelete: true }
			);
			expect(
				within( region( title ) ).getByRole( 'alert' )
			).toHaveTextContent( 'Offline.' );
			const alerts = screen
				.getAllByRole( 'alert' )
				.filter( ( alert ) => alert.textContent === 'Offline.' );
			expect( alerts ).toHaveLength( 1 );
		}
	);

	it( 'offers "Try again" for a retryable error', async () => {
		const retry = vi.fn();
		setup(
			flow(
				'overview',
				{ section: 'signOut' },
				{ error: { code: 'network', message: 'Offline.', retry } }
			)
		);
		await userEvent.click(
			within( region( 'Sign out everywhere' ) ).getByRole( 'button', {
				name: 'Try again',
			} )
		);
		expect( retry ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'shows progress in the busy section only', () => {
		setup( flow( 'overview', { section: 'password' }, { busy: true } ) );
		expect(
			within( region( 'Password' ) ).getByRole( 'button', {
				name: 'Changing…',
			} )
		).toHaveAttribute( 'aria-busy', 'true' );
		expect(
			within( region( 'Your details' ) ).getByRole( 'button', {
				name: 'Save changes',
			} )
		).not.toHaveAttribute( 'aria-busy' );
	} );

	it.each( [
		[ false, 'delete', false ],
		[ true, null, false ],
		[ false, 'unlink', false ],
		[ true, 'delete', true ],
		[ true, 'unlink', true ],
	] as const )(
		'with allowDelete %s and the site’s answer %s, shows the delete section: %s',
		( allowDelete, accountDeletion, shown ) => {
			setup( flow( 'overview', { site: { ...SITE, accountDeletion } } ), {
				allowDelete,
			} );
			expect(
				screen.queryByRole( 'region', {
					name: 'Delete your account',
				} ) !== null
			).toBe( shown );
		}
	);

	it( 'deletes only with the password and the confirmation word', async () => {
		const { send } = setup( flow( 'overview' ), { allowDelete: true } );
		const section = within( region( 'Delete your account' ) );
		await userEvent.type(
			section.getByLabelText( 'Your password' ),
			'Secret1!'
		);
		await userEvent.type(
			section.getByLabelText( 'Type DELETE to confirm' ),
			'delet'
		);
		await userEvent.click(
			section.getByRole( 'button', { name: 'Delete my account' } )
		);
		expect( send ).not.toHaveBeenCalled();
		expect(
			section.getByText( 'Type DELETE to confirm.' )
		).toBeInTheDocument();

		await userEvent.type(
			section.getByLabelText( 'Type DELETE to confirm' ),
			'e'
		);
		await userEvent.click(
			section.getByRole( 'button', { name: 'Delete my account' } )
		);
		expect( send ).toHaveBeenCalledExactlyOnceWith( {
			type: 'DELETE_ACCOUNT',
			password: 'Secret1!',
		} );
	} );

	it( 'hides the password and authenticator sections for a federated user, and says why', () => {
		setup( flow( 'overview', { federated: true } ) );
		expect(
			screen.getByText( /You sign in through another provider/ )
		).toBeInTheDocument();
		expect(
			screen.queryByRole( 'region', { name: 'Password' } )
		).not.toBeInTheDocument();
		expect(
			screen.queryByRole( 'region', { name: 'Two-step verification' } )
		).not.toBeInTheDocument();
		expect( region( 'Your details' ) ).toBeInTheDocument();
		expect( region( 'Sign out everywhere' ) ).toBeInTheDocument();
	} );

	it( 'leaves out the sections the block turns off', () => {
		setup( flow( 'overview' ), {
			showPassword: false,
			showMfa: false,
			showSignOutEverywhere: false,
		} );
		expect( screen.getAllByRole( 'region' ) ).toHaveLength( 1 );
		expect( region( 'Your details' ) ).toBeInTheDocument();
		expect(
			screen.queryByText( /You sign in through another provider/ )
		).not.toBeInTheDocument();
	} );

	it( 'changes the password with the current one and a new one that meets the policy', async () => {
		const checkPassword: PasswordChecker = ( value ) => [
			{
				rule: 'length',
				label: 'At least 8 characters',
				met: value.length >= 8,
			},
		];
		const { send, container } = setup(
			flow( 'overview' ),
			{},
			{ checkPassword }
		);
		const section = within( region( 'Password' ) );
		expect(
			container.querySelector(
				'.cognito-blocks__section--password input[autocomplete="username"]'
			)
		).toHaveValue( 'ada' );
		await userEvent.type(
			section.getByLabelText( 'Current password' ),
			'Old1!pass'
		);
		await userEvent.type(
			section.getByLabelText( 'New password' ),
			'short'
		);
		await userEvent.click(
			section.getByRole( 'button', { name: 'Change password' } )
		);
		expect( send ).not.toHaveBeenCalled();

		await userEvent.type(
			section.getByLabelText( 'New password' ),
			'er!123'
		);
		await userEvent.click(
			section.getByRole( 'button', { name: 'Change password' } )
		);
		expect( send ).toHaveBeenCalledExactlyOnceWith( {
			type: 'CHANGE_PASSWORD',
			current: 'Old1!pass',
			next: 'shorter!123',
		} );
	} );

	it( 'offers to sign out other devices right after a password change only', async () => {
		const { send, rerender } = setup(
			flow( 'overview', {
				section: 'password',
				notice: 'passwordChanged',
				canSignOutOthers: true,
			} )
		);
		const section = within( region( 'Password' ) );
		expect(
			section.getByText( 'Your password is changed.' )
		).toHaveAttribute( 'role', 'status' );
		await userEvent.click(
			section.getByRole( 'button', { name: 'Sign out other devices' } )
		);
		expect( send ).toHaveBeenCalledExactlyOnceWith( {
			type: 'SIGN_OUT_OTHERS',
		} );

		rerender(
			<ProfileView
				flow={ flow( 'overview', {
					section: 'password',
					notice: 'passwordChanged',
					canSignOutOthers: false,
				} ) }
				config={ profileConfigFromAttributes( {} ) }
			/>
		);
		expect(
			screen.queryByRole( 'button', { name: 'Sign out other devices' } )
		).not.toBeInTheDocument();
	} );

	it( 'sets up an authenticator when none is on', async () => {
		const { send } = setup( flow( 'overview' ) );
		const section = within( region( 'Two-step verification' ) );
		expect(
			section.getByText( /^Authenticator app: off\./ )
		).toBeInTheDocument();
		expect(
			section.queryByRole( 'button', { name: /Turn off/ } )
		).not.toBeInTheDocument();
		await userEvent.click(
			section.getByRole( 'button', {
				name: 'Set up an authenticator app',
			} )
		);
		expect( send ).toHaveBeenCalledExactlyOnceWith( {
			type: 'SETUP_TOTP',
		} );
	} );

	it( 'turns the authenticator off or replaces it when it is on, not while busy', async () => {
		const on = {
			...ACCOUNT,
			mfa: {
				enabled: [ 'SOFTWARE_TOKEN_MFA' as const ],
				preferred: 'SOFTWARE_TOKEN_MFA' as const,
			},
		};
		const { send, unmount } = setup( flow( 'overview', { account: on } ) );
		const section = within( region( 'Two-step verification' ) );
		expect(
			section.getByText( /^Authenticator app: on\./ )
		).toBeInTheDocument();
		expect(
			section.getByRole( 'button', {
				name: 'Set up a new authenticator app',
			} )
		).toBeInTheDocument();
		await userEvent.click(
			section.getByRole( 'button', {
				name: 'Turn off the authenticator app',
			} )
		);
		expect( send ).toHaveBeenCalledExactlyOnceWith( {
			type: 'DISABLE_TOTP',
		} );
		unmount();

		const busy = setup(
			flow( 'overview', { account: on, section: 'mfa' }, { busy: true } )
		);
		const turnOff = within( region( 'Two-step verification' ) ).getByRole(
			'button',
			{ name: 'Turn off the authenticator app' }
		);
		expect( turnOff ).toHaveAttribute( 'aria-disabled', 'true' );
		await userEvent.click( turnOff );
		expect( busy.send ).not.toHaveBeenCalled();
	} );

	it( 'offers text message codes only for a verified phone number', async () => {
		const { unmount } = setup(
			flow( 'overview', {
				account: accountWith( {
					phone_number: '+15550199',
					phone_number_verified: 'false',
				} ),
			} )
		);
		expect(
			screen.queryByText( /Text message codes/ )
		).not.toBeInTheDocument();
		unmount();

		const { send } = setup(
			flow( 'overview', {
				account: accountWith( {
					phone_number: '+15550199',
					phone_number_verified: 'true',
				} ),
			} )
		);
		const section = within( region( 'Two-step verification' ) );
		expect(
			section.getByText( 'Text message codes: off.' )
		).toBeInTheDocument();
		await userEvent.click(
			section.getByRole( 'button', { name: 'Use text message codes' } )
		);
		expect( send ).toHaveBeenCalledExactlyOnceWith( {
			type: 'SET_SMS',
			enabled: true,
		} );
	} );

	it( 'turns text message codes off and chooses which factor comes first when both are on', async () => {
		const both = {
			...accountWith( {
				phone_number: '+15550199',
				phone_number_verified: 'true',
			} ),
			mfa: {
				enabled: [ 'SOFTWARE_TOKEN_MFA' as const, 'SMS_MFA' as const ],
				preferred: 'SOFTWARE_TOKEN_MFA' as const,
			},
		};
		const { send, unmount } = setup(
			flow( 'overview', { account: both } )
		);
		const section = within( region( 'Two-step verification' ) );
		expect(
			section.getByText(
				'Text message codes: on, to your verified phone number.'
			)
		).toBeInTheDocument();
		await userEvent.click(
			section.getByRole( 'button', {
				name: 'Ask for a text message first',
			} )
		);
		expect( send ).toHaveBeenLastCalledWith( {
			type: 'SET_PREFERRED',
			mfaType: 'SMS_MFA',
		} );
		await userEvent.click(
			section.getByRole( 'button', {
				name: 'Turn off text message codes',
			} )
		);
		expect( send ).toHaveBeenLastCalledWith( {
			type: 'SET_SMS',
			enabled: false,
		} );
		unmount();

		const smsFirst = setup(
			flow( 'overview', {
				account: {
					...both,
					mfa: { ...both.mfa, preferred: 'SMS_MFA' as const },
				},
			} )
		);
		await userEvent.click(
			within( region( 'Two-step verification' ) ).getByRole( 'button', {
				name: 'Ask for the authenticator app first',
			} )
		);
		expect( smsFirst.send ).toHaveBeenCalledExactlyOnceWith( {
			type: 'SET_PREFERRED',
			mfaType: 'SOFTWARE_TOKEN_MFA',
		} );
	} );

	it( 'signs out everywhere', async () => {
		const { send } = setup( flow( 'overview' ) );
		await userEvent.click(
			within( region( 'Sign out everywhere' ) ).getByRole( 'button', {
				name: 'Sign out everywhere',
			} )
		);
		expect( send ).toHaveBeenCalledExactlyOnceWith( {
			type: 'SIGN_OUT_EVERYWHERE',
		} );
	} );
} );

describe( 'profileConfigFromAttributes', () => {
	it( 'defaults to the names and email, every section but deleting', () => {
		expect( profileConfigFromAttributes( {} ) ).toEqual( {
			heading: '',
			description: '',
			fields: [ ...DEFAULT_PROFILE_FIELDS ],
			showPassword: true,
			showMfa: true,
			showSignOutEverywhere: true,
			allowDelete: false,
			headingLevel: undefined,
		} );
	} );

	it( 'keeps valid fields only, trims texts and checks every value', () => {
		expect(
			profileConfigFromAttributes( {
				heading: '  Profile ',
				fields: [
					{ name: 'custom:tier', label: ' Tier ', readOnly: true },
					{ name: 'nickname', type: 'script', readOnly: 'yes' },
					{ name: 'bad name!' },
					'email',
					null,
				],
				showMfa: 'no',
				allowDelete: true,
				headingLevel: 7,
			} )
		).toMatchObject( {
			heading: 'Profile',
			fields: [
				{ name: 'custom:tier', label: 'Tier', readOnly: true },
				{ name: 'nickname', type: undefined, readOnly: false },
			],
			showMfa: true,
			allowDelete: true,
			headingLevel: undefined,
		} );
		expect(
			profileConfigFromAttributes( { fields: [ { name: '' } ] } ).fields
		).toEqual( [ ...DEFAULT_PROFILE_FIELDS ] );
	} );
} );
