/**
 * The profile flow through the real generic runner, with fake Cognito, SRP and WordPress services: every path
 * from loading to deleting the account, its errors, retries and the one-request-at-a-time rule.
 */
import { describe, expect, it } from 'vitest';
import { authError } from '../../../src/auth/errors';
import { profileFlow } from '../../../src/auth/profile/flow';
import {
	changedValues,
	createProfileState,
	RESEND_COOLDOWN_MS,
	transition,
} from '../../../src/auth/profile/machine';
import type { ProfileState } from '../../../src/auth/profile/types';
import type { SignInResult } from '../../../src/auth/types';
import { cognitoError, flush, SIGNED_IN } from './fakes';
import {
	ACCOUNT,
	accountWith,
	deferred,
	session,
	SITE,
	startOnOverview,
	startProfile,
} from './profile-fakes';

const NOW = 1_000_000; // manualClock's start

/** The order in which mocks were first called, by name. */
function callOrder(
	calls: Record< string, { mock: { invocationCallOrder: number[] } } >
) {
	return Object.entries( calls )
		.filter( ( [ , fn ] ) => fn.mock.invocationCallOrder.length > 0 )
		.sort(
			( a, b ) =>
				a[ 1 ].mock.invocationCallOrder[ 0 ] -
				b[ 1 ].mock.invocationCallOrder[ 0 ]
		)
		.map( ( [ name ] ) => name );
}

describe( 'profile flow: loading', () => {
	it( 'starts busy on the loading step, asking WordPress first', () => {
		expect( profileFlow.facade( createProfileState() ) ).toMatchObject( {
			step: 'loading',
			busy: true,
			canRetry: false,
		} );
	} );

	it( 'ends on "unlinked" for a WordPress account that is not linked to the pool, without reading tokens', async () => {
		const { site, profile, facade, boot } = startProfile();
		const unlinked = { ...SITE, linked: false, sub: null, username: '' };
		site.whoami.mockResolvedValue( unlinked );
		await boot();
		expect( facade() ).toMatchObject( {
			step: 'unlinked',
			busy: false,
			context: { site: unlinked },
		} );
		expect( profile.current ).not.toHaveBeenCalled();
		expect( profile.getAccount ).not.toHaveBeenCalled();
	} );

	it( 'treats a link without a sub as unlinked', async () => {
		const { site, profile, facade, boot } = startProfile();
		site.whoami.mockResolvedValue( { ...SITE, sub: null } );
		await boot();
		expect( facade().step ).toBe( 'unlinked' );
		expect( profile.current ).not.toHaveBeenCalled();
	} );

	it( 'asks for the password when the browser holds no Cognito session', async () => {
		const { site, profile, facade, boot } = startProfile();
		site.whoami.mockResolvedValue( SITE );
		profile.current.mockResolvedValue( null );
		await boot();
		expect( facade() ).toMatchObject( {
			step: 'confirmPassword',
			busy: false,
			error: undefined,
			context: { site: SITE, account: undefined },
		} );
		expect( profile.getAccount ).not.toHaveBeenCalled();
	} );

	it( 'forgets tokens of another Cognito user and asks for the password, never reading their account', async () => {
		const { site, profile, facade, boot } = startProfile();
		site.whoami.mockResolvedValue( SITE );
		profile.current.mockResolvedValue( session( 'sub-eve' ) );
		await boot();
		expect( profile.forget ).toHaveBeenCalledTimes( 1 );
		expect( profile.getAccount ).not.toHaveBeenCalled();
		expect( facade() ).toMatchObject( {
			step: 'confirmPassword',
			context: { site: SITE, account: undefined },
		} );
	} );

	it( 'opens the overview with the account of the matching session', async () => {
		const { site, profile, facade, boot } = startProfile();
		site.whoami.mockResolvedValue( SITE );
		profile.current.mockResolvedValue( session() );
		profile.getAccount.mockResolvedValue( ACCOUNT );
		await boot();
		expect( profile.forget ).not.toHaveBeenCalled();
		expect( facade() ).toEqual( {
			step: 'overview',
			busy: false,
			canRetry: false,
			error: undefined,
			context: expect.objectContaining( {
				site: SITE,
				account: ACCOUNT,
				federated: false,
				canSignOutOthers: false,
			} ),
		} );
	} );

	it( 'marks a user who signed in through an identity provider as federated', async () => {
		const google = session( 'sub-ada', {
			claims: { identities: [ { providerName: 'Google' } ] },
		} );
		const { facade } = await startOnOverview( ACCOUNT, google );
		expect( facade().context.federated ).toBe( true );

		const none = await startOnOverview(
			ACCOUNT,
			session( 'sub-ada', { claims: { identities: [] } } )
		);
		expect( none.facade().context.federated ).toBe( false );
	} );

	it( 'keeps a load that failed on the network retryable, and RETRY loads again', async () => {
		const { site, profile, facade, send, boot } = startProfile();
		site.whoami.mockRejectedValueOnce( new TypeError( 'Failed to fetch' ) );
		await boot();
		expect( facade() ).toMatchObject( {
			step: 'loading',
			busy: false,
			canRetry: true,
			error: { code: 'network' },
		} );

		site.whoami.mockResolvedValue( SITE );
		profile.current.mockResolvedValue( session() );
		profile.getAccount.mockResolvedValue( ACCOUNT );
		send( { type: 'RETRY' } );
		await flush();
		expect( site.whoami ).toHaveBeenCalledTimes( 2 );
		expect( facade() ).toMatchObject( {
			step: 'overview',
			error: undefined,
		} );
	} );
} );

/** A runner on the password prompt of SITE (the browser held no session). */
async function onPasswordPrompt() {
	const started = startProfile();
	started.site.whoami.mockResolvedValue( SITE );
	started.profile.current.mockResolvedValueOnce( null );
	await started.boot();
	expect( started.facade().step ).toBe( 'confirmPassword' );
	return started;
}

describe( 'profile flow: password prompt', () => {
	it( 'signs in with the linked username and the typed password, then shows the overview', async () => {
		const { auth, profile, facade, send } = await onPasswordPrompt();
		auth.signIn.mockResolvedValue( SIGNED_IN );
		profile.current.mockResolvedValue( session() );
		profile.getAccount.mockResolvedValue( ACCOUNT );

		send( { type: 'SUBMIT_PASSWORD', password: 'Secret1!' } );
		expect( facade().busy ).toBe( true );
		await flush();
		expect( auth.signIn ).toHaveBeenCalledWith( {
			username: 'ada',
			password: 'Secret1!',
		} );
		expect( facade() ).toMatchObject( {
			step: 'overview',
			busy: false,
			context: { account: ACCOUNT },
		} );
	} );

	it( 'refuses a password of another Cognito user: wrong_account, tokens forgotten, nothing read', async () => {
		const { auth, profile, facade, send } = await onPasswordPrompt();
		auth.signIn.mockResolvedValue( SIGNED_IN );
		profile.current.mockResolvedValue( session( 'sub-eve' ) );

		send( { type: 'SUBMIT_PASSWORD', password: 'Eve’s1!' } );
		await flush();
		expect( profile.forget ).toHaveBeenCalledTimes( 1 );
		expect( profile.getAccount ).not.toHaveBeenCalled();
		// The code is not asserted: the runner renormalises the flow's own AuthError (wrong_account) to 'unknown'.
		expect( facade() ).toMatchObject( {
			step: 'confirmPassword',
			busy: false,
			error: { message: expect.any( String ) },
			canRetry: false,
			context: { account: undefined },
		} );
	} );

	it( 'shows a wrong password as such, not as a lost session', async () => {
		const { auth, facade, send } = await onPasswordPrompt();
		auth.signIn.mockRejectedValue(
			cognitoError(
				'NotAuthorizedException',
				'Incorrect username or password.'
			)
		);
		send( { type: 'SUBMIT_PASSWORD', password: 'nope' } );
		await flush();
		expect( facade() ).toMatchObject( {
			step: 'confirmPassword',
			error: { code: 'not_authorized' },
		} );
	} );

	it( 'asks for the SMS code when the sign-in needs it, then opens the overview', async () => {
		const { auth, profile, facade, send } = await onPasswordPrompt();
		auth.signIn.mockResolvedValue( {
			type: 'mfaRequired',
			delivery: { destination: '+*******0123' },
		} );
		send( { type: 'SUBMIT_PASSWORD', password: 'Secret1!' } );
		await flush();
		expect( facade() ).toMatchObject( {
			step: 'confirmMfa',
			context: {
				mfa: { mfaType: 'SMS_MFA', destination: '+*******0123' },
			},
		} );

		auth.sendMfaCode.mockResolvedValue( SIGNED_IN );
		profile.current.mockResolvedValue( session() );
		profile.getAccount.mockResolvedValue( ACCOUNT );
		send( { type: 'SUBMIT_MFA_CODE', code: '123456' } );
		await flush();
		expect( auth.sendMfaCode ).toHaveBeenCalledWith( {
			code: '123456',
			mfaType: 'SMS_MFA',
		} );
		expect( facade() ).toMatchObject( {
			step: 'overview',
			context: { account: ACCOUNT, mfa: undefined },
		} );
	} );

	it( 'answers an authenticator challenge with SOFTWARE_TOKEN_MFA and keeps the step on a wrong code', async () => {
		const { auth, facade, send } = await onPasswordPrompt();
		auth.signIn.mockResolvedValue( { type: 'totpRequired' } );
		send( { type: 'SUBMIT_PASSWORD', password: 'Secret1!' } );
		await flush();
		expect( facade().context.mfa ).toEqual( {
			mfaType: 'SOFTWARE_TOKEN_MFA',
			destination: undefined,
		} );

		auth.sendMfaCode.mockRejectedValue(
			cognitoError( 'CodeMismatchException' )
		);
		send( { type: 'SUBMIT_MFA_CODE', code: '000000' } );
		await flush();
		expect( auth.sendMfaCode ).toHaveBeenCalledWith( {
			code: '000000',
			mfaType: 'SOFTWARE_TOKEN_MFA',
		} );
		expect( facade() ).toMatchObject( {
			step: 'confirmMfa',
			error: { code: 'code_mismatch' },
		} );
	} );

	it( 'goes BACK from the code to the password prompt, dropping the challenge', async () => {
		const { auth, facade, send } = await onPasswordPrompt();
		auth.signIn.mockResolvedValue( { type: 'totpRequired' } );
		send( { type: 'SUBMIT_PASSWORD', password: 'Secret1!' } );
		await flush();

		send( { type: 'BACK' } );
		expect( facade() ).toMatchObject( {
			step: 'confirmPassword',
			busy: false,
			context: { mfa: undefined, site: SITE },
		} );
		expect( auth.sendMfaCode ).not.toHaveBeenCalled();
	} );

	it( 'does not sign in through a challenge the profile cannot answer', async () => {
		const { auth, profile, facade, send } = await onPasswordPrompt();
		auth.signIn.mockResolvedValue( {
			type: 'newPasswordRequired',
			requiredAttributes: [],
			userAttributes: {},
		} satisfies SignInResult );
		send( { type: 'SUBMIT_PASSWORD', password: 'Secret1!' } );
		await flush();
		expect( profile.getAccount ).not.toHaveBeenCalled();
		// Not asserted: the code (unsupported_challenge, renormalised to 'unknown' by the runner).
		expect( facade() ).toMatchObject( {
			step: 'confirmPassword',
			busy: false,
			error: { message: expect.any( String ) },
		} );
	} );
} );

describe( 'changedValues', () => {
	it( 'keeps only trimmed values that differ, counting a missing attribute as empty', () => {
		expect(
			changedValues(
				{
					given_name: 'Ada',
					family_name: ' King ',
					nickname: '',
					website: ' https://ada.test ',
				},
				{ given_name: 'Ada', family_name: 'Lovelace' }
			)
		).toEqual( { family_name: 'King', website: 'https://ada.test' } );
		expect(
			changedValues( { given_name: ' Ada ' }, ACCOUNT.attributes )
		).toEqual( {} );
	} );
} );

describe( 'profile flow: saving details', () => {
	it( 'sends only the changed values, hands WordPress the refreshed ID token and shows the result', async () => {
		const { profile, site, facade, send } = await startOnOverview();
		const saved = accountWith( { family_name: 'King' } );
		profile.updateAttributes.mockResolvedValue( [] );
		profile.refresh.mockResolvedValue(
			session( 'sub-ada', { idToken: 'id.fresh' } )
		);
		site.sync.mockResolvedValue( {
			email: 'ada@example.test',
			displayName: 'Ada King',
		} );
		profile.getAccount.mockResolvedValue( saved );

		send( {
			type: 'SAVE',
			values: {
				given_name: 'Ada',
				family_name: ' King ',
				email: 'ada@example.test',
			},
		} );
		expect( facade() ).toMatchObject( {
			busy: true,
			context: { section: 'attributes' },
		} );
		await flush();
		expect( profile.updateAttributes ).toHaveBeenCalledExactlyOnceWith( {
			family_name: 'King',
		} );
		expect( site.sync ).toHaveBeenCalledExactlyOnceWith( 'id.fresh' );
		expect(
			callOrder( {
				updateAttributes: profile.updateAttributes,
				refresh: profile.refresh,
				sync: site.sync,
				getAccount: profile.getAccount,
			} )
		).toEqual( [ 'updateAttributes', 'refresh', 'sync', 'getAccount' ] );
		expect( facade() ).toMatchObject( {
			step: 'overview',
			busy: false,
			context: {
				account: saved,
				site: { ...SITE, displayName: 'Ada King' },
				section: 'attributes',
				notice: 'saved',
				pending: undefined,
			},
		} );
	} );

	it( 'says "saved" without any request when nothing changed', async () => {
		const { profile, facade, send } = await startOnOverview();
		send( {
			type: 'SAVE',
			values: { given_name: 'Ada ', family_name: 'Lovelace' },
		} );
		expect( profile.updateAttributes ).not.toHaveBeenCalled();
		expect( facade() ).toMatchObject( {
			step: 'overview',
			busy: false,
			context: { section: 'attributes', notice: 'saved' },
		} );
	} );

	/** Saves a new email address, Cognito sending a code, and returns the runner on the result. */
	async function changeEmail(
		accountAfter: ReturnType< typeof accountWith >
	) {
		const started = await startOnOverview();
		const { profile, site, send } = started;
		profile.updateAttributes.mockResolvedValue( [
			{
				medium: 'EMAIL',
				destination: 'a***@n***',
				attributeName: 'email',
			},
		] );
		profile.refresh.mockResolvedValue(
			session( 'sub-ada', { idToken: 'id.fresh' } )
		);
		site.sync.mockResolvedValue( {
			email: 'ada@example.test',
			displayName: 'Ada L.',
		} );
		profile.getAccount.mockResolvedValue( accountAfter );
		send( { type: 'SAVE', values: { email: 'ada@new.test' } } );
		await flush();
		return started;
	}

	it( 'asks for the code of a new email address that is already active but unverified', async () => {
		const { profile, site, facade } = await changeEmail(
			accountWith( { email: 'ada@new.test', email_verified: 'false' } )
		);
		expect( profile.updateAttributes ).toHaveBeenCalledWith( {
			email: 'ada@new.test',
		} );
		expect( site.sync ).toHaveBeenCalledWith( 'id.fresh' );
		expect( facade() ).toMatchObject( {
			step: 'verifyAttribute',
			busy: false,
			context: {
				notice: 'saved',
				pending: {
					name: 'email',
					delivery: { destination: 'a***@n***' },
					activeUnverified: true,
					resendAvailableAt: NOW + RESEND_COOLDOWN_MS,
				},
			},
		} );
	} );

	it( 'knows the original address stays active when Cognito still shows it (keep original value)', async () => {
		const { facade } = await changeEmail( ACCOUNT );
		expect( facade() ).toMatchObject( {
			step: 'verifyAttribute',
			context: {
				account: ACCOUNT,
				pending: { name: 'email', activeUnverified: false },
			},
		} );
	} );

	it( 'stays on the overview when the pool sends no code for the change', async () => {
		const { profile, site, facade, send } = await startOnOverview();
		profile.updateAttributes.mockResolvedValue( [] );
		profile.refresh.mockResolvedValue( session() );
		site.sync.mockResolvedValue( {
			email: 'ada@new.test',
			displayName: '',
		} );
		profile.getAccount.mockResolvedValue(
			accountWith( { email: 'ada@new.test' } )
		);
		send( { type: 'SAVE', values: { email: 'ada@new.test' } } );
		await flush();
		expect( facade() ).toMatchObject( {
			step: 'overview',
			context: { notice: 'saved', pending: undefined },
		} );
	} );

	it( 'picks the delivery of the changed address among several', async () => {
		const { profile, site, facade, send } = await startOnOverview();
		profile.updateAttributes.mockResolvedValue( [
			{ destination: 'a***@n***', attributeName: 'email' },
			{ destination: '+***99', attributeName: 'phone_number' },
		] );
		profile.refresh.mockResolvedValue( session() );
		site.sync.mockResolvedValue( { email: '', displayName: '' } );
		profile.getAccount.mockResolvedValue(
			accountWith( { phone_number: '+15550199' } )
		);
		send( { type: 'SAVE', values: { phone_number: '+15550199' } } );
		await flush();
		expect( facade().context.pending ).toMatchObject( {
			name: 'phone_number',
			delivery: { destination: '+***99' },
			activeUnverified: true,
		} );
	} );

	it( 'lets "resend" through only after the 30-second cool-down, then says a code was sent', async () => {
		const { profile, clock, facade, send } = await changeEmail(
			accountWith( { email: 'ada@new.test', email_verified: 'false' } )
		);
		profile.resendAttributeCode.mockResolvedValue( {
			destination: 'a***@n***',
			attributeName: 'email',
		} );

		send( { type: 'RESEND' } );
		clock.advance( RESEND_COOLDOWN_MS - 1 );
		send( { type: 'RESEND' } );
		await flush();
		expect( profile.resendAttributeCode ).not.toHaveBeenCalled();
		expect( facade().busy ).toBe( false );

		clock.advance( 1 );
		send( { type: 'RESEND' } );
		expect( facade().busy ).toBe( true );
		await flush();
		expect( profile.resendAttributeCode ).toHaveBeenCalledExactlyOnceWith(
			expect.objectContaining( { name: 'email' } )
		);
		expect( facade() ).toMatchObject( {
			step: 'verifyAttribute',
			busy: false,
			context: {
				notice: 'codeSent',
				pending: {
					name: 'email',
					resendAvailableAt: NOW + 2 * RESEND_COOLDOWN_MS,
				},
			},
		} );

		// The cool-down starts again from the new code.
		send( { type: 'RESEND' } );
		expect( profile.resendAttributeCode ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'confirms the code, syncs WordPress and comes back to the overview with "verified"', async () => {
		const { profile, site, facade, send } = await changeEmail(
			accountWith( { email: 'ada@new.test', email_verified: 'false' } )
		);
		profile.verifyAttribute.mockResolvedValue( undefined );
		profile.refresh.mockResolvedValue(
			session( 'sub-ada', { idToken: 'id.verified' } )
		);
		site.sync.mockResolvedValue( {
			email: 'ada@new.test',
			displayName: 'Ada L.',
		} );
		const verified = accountWith( {
			email: 'ada@new.test',
			email_verified: 'true',
		} );
		profile.getAccount.mockResolvedValue( verified );

		send( { type: 'SUBMIT_CODE', code: '123456' } );
		await flush();
		expect( profile.verifyAttribute ).toHaveBeenCalledExactlyOnceWith(
			expect.objectContaining( { name: 'email', code: '123456' } )
		);
		expect( site.sync ).toHaveBeenLastCalledWith( 'id.verified' );
		expect( facade() ).toMatchObject( {
			step: 'overview',
			context: {
				account: verified,
				site: { email: 'ada@new.test' },
				notice: 'verified',
				pending: undefined,
			},
		} );
	} );

	it( 'keeps the step and the pending change on a wrong code', async () => {
		const { profile, facade, send } = await changeEmail( ACCOUNT );
		profile.verifyAttribute.mockRejectedValue(
			cognitoError( 'CodeMismatchException' )
		);
		send( { type: 'SUBMIT_CODE', code: '000000' } );
		await flush();
		expect( facade() ).toMatchObject( {
			step: 'verifyAttribute',
			error: { code: 'code_mismatch' },
			context: { pending: { name: 'email' } },
		} );
	} );

	it( 'goes BACK to the overview with the saved account, the code left for later', async () => {
		const saved = accountWith( {
			email: 'ada@new.test',
			email_verified: 'false',
		} );
		const { profile, facade, send } = await changeEmail( saved );
		send( { type: 'BACK' } );
		expect( facade() ).toMatchObject( {
			step: 'overview',
			busy: false,
			context: { account: saved, pending: undefined },
		} );
		expect( profile.verifyAttribute ).not.toHaveBeenCalled();
	} );

	it( 'sends a code for an unverified address on VERIFY and asks for it', async () => {
		const { profile, facade, send } = await startOnOverview(
			accountWith( { email_verified: 'false' } )
		);
		profile.resendAttributeCode.mockResolvedValue( {
			destination: 'a***@e***',
		} );
		send( { type: 'VERIFY', name: 'email' } );
		await flush();
		expect( profile.resendAttributeCode ).toHaveBeenCalledWith(
			expect.objectContaining( { name: 'email' } )
		);
		expect( facade() ).toMatchObject( {
			step: 'verifyAttribute',
			context: {
				notice: undefined,
				pending: {
					name: 'email',
					delivery: { destination: 'a***@e***' },
					activeUnverified: true,
					resendAvailableAt: NOW + RESEND_COOLDOWN_MS,
				},
			},
		} );
	} );
} );

describe( 'profile flow: errors', () => {
	it( 'asks for the password again when Cognito revoked the session during a save', async () => {
		const { profile, auth, facade, send } = await startOnOverview();
		profile.updateAttributes.mockRejectedValue(
			cognitoError(
				'NotAuthorizedException',
				'Access Token has been revoked'
			)
		);
		send( { type: 'SAVE', values: { given_name: 'Augusta' } } );
		await flush();
		expect( facade() ).toMatchObject( {
			step: 'confirmPassword',
			busy: false,
			canRetry: false,
			error: { code: 'reauth_required' },
			context: { account: undefined, site: SITE },
		} );

		// The password brings the visitor back to the overview.
		auth.signIn.mockResolvedValue( SIGNED_IN );
		profile.current.mockResolvedValue( session() );
		profile.getAccount.mockResolvedValue( ACCOUNT );
		send( { type: 'SUBMIT_PASSWORD', password: 'Secret1!' } );
		await flush();
		expect( facade() ).toMatchObject( {
			step: 'overview',
			error: undefined,
			context: { account: ACCOUNT },
		} );
	} );

	it( 'asks for the password when the gateway finds no usable session', async () => {
		const { profile, facade, send } = await startOnOverview();
		profile.associateTotp.mockRejectedValue(
			Object.assign( new Error( 'No Cognito session.' ), {
				code: 'NoCognitoSession',
			} )
		);
		send( { type: 'SETUP_TOTP' } );
		await flush();
		expect( facade() ).toMatchObject( {
			step: 'confirmPassword',
			error: { code: 'reauth_required' },
		} );
	} );

	it( 'keeps a network failure retryable, and RETRY sends exactly the same request again', async () => {
		const { profile, site, facade, send } = await startOnOverview();
		profile.updateAttributes.mockRejectedValueOnce(
			cognitoError( 'NetworkError', 'Network error' )
		);
		send( { type: 'SAVE', values: { family_name: 'King' } } );
		await flush();
		expect( facade() ).toMatchObject( {
			step: 'overview',
			busy: false,
			canRetry: true,
			error: { code: 'network' },
			context: { section: 'attributes', account: ACCOUNT },
		} );

		profile.updateAttributes.mockResolvedValue( [] );
		profile.refresh.mockResolvedValue( session() );
		site.sync.mockResolvedValue( { email: '', displayName: '' } );
		profile.getAccount.mockResolvedValue(
			accountWith( { family_name: 'King' } )
		);
		send( { type: 'RETRY' } );
		await flush();
		expect( profile.updateAttributes ).toHaveBeenCalledTimes( 2 );
		expect( profile.updateAttributes ).toHaveBeenLastCalledWith( {
			family_name: 'King',
		} );
		expect( facade() ).toMatchObject( {
			step: 'overview',
			error: undefined,
			canRetry: false,
			context: { notice: 'saved' },
		} );
	} );

	it( 'ignores RETRY when nothing failed', async () => {
		const { runner, send } = await startOnOverview();
		const before = runner.getState();
		send( { type: 'RETRY' } );
		expect( runner.getState() ).toBe( before );
	} );

	it( 'reads a refused current password as wrong_password in the password section, still signed in', async () => {
		const { profile, facade, send } = await startOnOverview();
		profile.changePassword.mockRejectedValue(
			cognitoError(
				'NotAuthorizedException',
				'Incorrect username or password.'
			)
		);
		send( { type: 'CHANGE_PASSWORD', current: 'wrong', next: 'N3w!pass' } );
		await flush();
		expect( profile.changePassword ).toHaveBeenCalledWith(
			expect.objectContaining( { current: 'wrong', next: 'N3w!pass' } )
		);
		expect( facade() ).toMatchObject( {
			step: 'overview',
			error: { code: 'wrong_password' },
			canRetry: false,
			context: {
				section: 'password',
				account: ACCOUNT,
				canSignOutOthers: false,
			},
		} );
		expect(
			profileFlow.errorContext?.( {
				id: 1,
				kind: 'changePassword',
				current: '',
				next: '',
			} )
		).toBe( 'password' );
	} );

	it( 'says which attributes the app client may not write, without asking for the password', async () => {
		const { profile, facade, send } = await startOnOverview();
		profile.updateAttributes.mockRejectedValue(
			cognitoError(
				'NotAuthorizedException',
				'A client attempted to write unauthorized attribute'
			)
		);
		send( { type: 'SAVE', values: { 'custom:tier': 'gold' } } );
		await flush();
		expect( facade() ).toMatchObject( {
			step: 'overview',
			error: { code: 'attribute_not_writable' },
			context: { section: 'attributes', account: ACCOUNT },
		} );
	} );

	it( 'times a request out after the runner’s limit as a retryable network error', async () => {
		const { profile, clock, facade, send } = await startOnOverview();
		profile.associateTotp.mockReturnValue( new Promise( () => undefined ) );
		send( { type: 'SETUP_TOTP' } );
		await flush();
		clock.advance( 20_000 );
		await flush();
		expect( facade() ).toMatchObject( {
			busy: false,
			canRetry: true,
			error: { code: 'network' },
			context: { section: 'mfa' },
		} );
	} );
} );

describe( 'profile flow: password', () => {
	async function changed() {
		const started = await startOnOverview();
		started.profile.changePassword.mockResolvedValue( undefined );
		started.send( {
			type: 'CHANGE_PASSWORD',
			current: 'Old1!pass',
			next: 'N3w!pass',
		} );
		await flush();
		return started;
	}

	it( 'changes the password and offers to sign out other devices', async () => {
		const { profile, facade } = await changed();
		expect( profile.changePassword ).toHaveBeenCalledExactlyOnceWith(
			expect.objectContaining( {
				current: 'Old1!pass',
				next: 'N3w!pass',
			} )
		);
		expect( facade() ).toMatchObject( {
			step: 'overview',
			busy: false,
			context: {
				section: 'password',
				notice: 'passwordChanged',
				canSignOutOthers: true,
				account: ACCOUNT,
			},
		} );
	} );

	it( 'signs out other devices: global sign-out, a fresh SRP sign-in with the NEW password, WordPress keeps this session', async () => {
		const { profile, auth, site, facade, send } = await changed();
		profile.globalSignOut.mockResolvedValue( undefined );
		auth.signIn.mockResolvedValue( SIGNED_IN );
		profile.current.mockResolvedValue( session() );
		site.signOut.mockResolvedValue( undefined );
		profile.getAccount.mockResolvedValue( ACCOUNT );

		send( { type: 'SIGN_OUT_OTHERS' } );
		await flush();
		expect( auth.signIn ).toHaveBeenCalledExactlyOnceWith( {
			username: 'ada',
			password: 'N3w!pass',
		} );
		expect( site.signOut ).toHaveBeenCalledExactlyOnceWith( {
			everywhere: true,
			keepThis: true,
		} );
		expect(
			callOrder( {
				globalSignOut: profile.globalSignOut,
				signIn: auth.signIn,
				signOut: site.signOut,
			} )
		).toEqual( [ 'globalSignOut', 'signIn', 'signOut' ] );
		expect( facade() ).toMatchObject( {
			step: 'overview',
			context: { section: 'password', notice: 'othersSignedOut' },
		} );
	} );

	it( 'ignores SIGN_OUT_OTHERS without a password change just before', async () => {
		const { profile, runner, send } = await startOnOverview();
		const before = runner.getState();
		send( { type: 'SIGN_OUT_OTHERS' } );
		expect( runner.getState() ).toBe( before );
		expect( profile.globalSignOut ).not.toHaveBeenCalled();
	} );

	it( 'drops the new password on any other request', async () => {
		const { profile, facade, send } = await changed();
		profile.associateTotp.mockResolvedValue( { secret: 'SECRET' } );
		send( { type: 'SETUP_TOTP' } );
		expect( facade().context.canSignOutOthers ).toBe( false );
		expect( JSON.stringify( facade() ) ).not.toContain( 'N3w!pass' );
		await flush();
		send( { type: 'BACK' } );

		send( { type: 'SIGN_OUT_OTHERS' } );
		expect( facade().busy ).toBe( false );
		expect( profile.globalSignOut ).not.toHaveBeenCalled();
	} );

	it( 'drops the new password when the next request fails too', async () => {
		const { profile, facade, send } = await changed();
		profile.changePassword.mockRejectedValue(
			cognitoError( 'InvalidPasswordException' )
		);
		send( { type: 'CHANGE_PASSWORD', current: 'N3w!pass', next: 'x' } );
		await flush();
		expect( facade() ).toMatchObject( {
			error: { code: 'invalid_password' },
			context: { canSignOutOthers: false },
		} );
	} );
} );

describe( 'profile flow: authenticator app', () => {
	async function inSetup() {
		const started = await startOnOverview();
		started.profile.associateTotp.mockResolvedValue( {
			secret: 'JBSWY3DPEHPK3PXP',
		} );
		started.send( { type: 'SETUP_TOTP' } );
		await flush();
		return started;
	}

	it( 'shows the secret to set up', async () => {
		const { profile, facade } = await inSetup();
		expect( profile.associateTotp ).toHaveBeenCalledTimes( 1 );
		expect( facade() ).toMatchObject( {
			step: 'totpSetup',
			context: { section: 'mfa', totpSecret: 'JBSWY3DPEHPK3PXP' },
		} );
	} );

	it( 'verifies the code, then turns the factor on as preferred; verifying alone does not finish', async () => {
		const { profile, facade, send } = await inSetup();
		profile.verifyTotp.mockResolvedValue( undefined );
		const preference = deferred< void >();
		profile.setMfaPreference.mockReturnValue( preference.promise );
		const enabled: typeof ACCOUNT = {
			...ACCOUNT,
			mfa: {
				enabled: [ 'SOFTWARE_TOKEN_MFA' ],
				preferred: 'SOFTWARE_TOKEN_MFA',
			},
		};
		profile.getAccount.mockResolvedValue( enabled );

		send( { type: 'SUBMIT_TOTP', code: '123456' } );
		await flush();
		expect( profile.verifyTotp ).toHaveBeenCalledWith(
			expect.objectContaining( { code: '123456' } )
		);
		expect( profile.setMfaPreference ).toHaveBeenCalledExactlyOnceWith( {
			totp: { enabled: true, preferred: true },
		} );
		expect( profile.verifyTotp.mock.invocationCallOrder[ 0 ] ).toBeLessThan(
			profile.setMfaPreference.mock.invocationCallOrder[ 0 ]
		);
		// Still waiting for the preference: not "on" yet.
		expect( facade() ).toMatchObject( { step: 'totpSetup', busy: true } );
		expect( profile.getAccount ).not.toHaveBeenCalled();

		preference.resolve();
		await flush();
		expect( facade() ).toMatchObject( {
			step: 'overview',
			context: {
				account: enabled,
				notice: 'totpEnabled',
				totpSecret: undefined,
			},
		} );
	} );

	it( 'does not say "on" when the preference could not be set', async () => {
		const { profile, facade, send } = await inSetup();
		profile.verifyTotp.mockResolvedValue( undefined );
		profile.setMfaPreference.mockRejectedValue(
			cognitoError( 'InternalErrorException' )
		);
		send( { type: 'SUBMIT_TOTP', code: '123456' } );
		await flush();
		expect( facade() ).toMatchObject( {
			step: 'totpSetup',
			canRetry: true,
			error: { code: 'service_unavailable' },
			context: { notice: undefined },
		} );
	} );

	it( 'keeps the set-up on a wrong code, without touching the preference', async () => {
		const { profile, facade, send } = await inSetup();
		profile.verifyTotp.mockRejectedValue(
			cognitoError( 'EnableSoftwareTokenMFAException' )
		);
		send( { type: 'SUBMIT_TOTP', code: '000000' } );
		await flush();
		expect( profile.setMfaPreference ).not.toHaveBeenCalled();
		expect( facade() ).toMatchObject( {
			step: 'totpSetup',
			error: { code: 'totp_code_mismatch' },
			context: { totpSecret: 'JBSWY3DPEHPK3PXP' },
		} );
	} );

	it( 'cancels the set-up with BACK, forgetting the secret', async () => {
		const { facade, send } = await inSetup();
		send( { type: 'BACK' } );
		expect( facade() ).toMatchObject( {
			step: 'overview',
			context: { totpSecret: undefined, account: ACCOUNT },
		} );
	} );

	it( 'turns the authenticator off with the preference', async () => {
		const { profile, facade, send } = await startOnOverview( {
			...ACCOUNT,
			mfa: {
				enabled: [ 'SOFTWARE_TOKEN_MFA' ],
				preferred: 'SOFTWARE_TOKEN_MFA',
			},
		} );
		profile.setMfaPreference.mockResolvedValue( undefined );
		profile.getAccount.mockResolvedValue( ACCOUNT );
		send( { type: 'DISABLE_TOTP' } );
		await flush();
		expect( profile.setMfaPreference ).toHaveBeenCalledExactlyOnceWith( {
			totp: { enabled: false, preferred: false },
		} );
		expect( facade() ).toMatchObject( {
			step: 'overview',
			context: {
				section: 'mfa',
				notice: 'totpDisabled',
				account: ACCOUNT,
			},
		} );
	} );
} );

describe( 'profile flow: text message codes and the preferred factor', () => {
	const phone = accountWith( {
		phone_number: '+15550199',
		phone_number_verified: 'true',
	} );
	const withTotp = {
		...phone,
		mfa: {
			enabled: [ 'SOFTWARE_TOKEN_MFA' as const ],
			preferred: 'SOFTWARE_TOKEN_MFA' as const,
		},
	};

	it( 'turns SMS on as the preferred factor when there is no authenticator', async () => {
		const { profile, facade, send } = await startOnOverview( phone );
		profile.setMfaPreference.mockResolvedValue( undefined );
		profile.getAccount.mockResolvedValue( {
			...phone,
			mfa: { enabled: [ 'SMS_MFA' ], preferred: 'SMS_MFA' },
		} );
		send( { type: 'SET_SMS', enabled: true } );
		expect( facade().context.section ).toBe( 'mfa' );
		await flush();
		expect( profile.setMfaPreference ).toHaveBeenCalledExactlyOnceWith( {
			sms: { enabled: true, preferred: true },
		} );
		expect( facade() ).toMatchObject( {
			step: 'overview',
			context: {
				notice: 'smsEnabled',
				account: { mfa: { enabled: [ 'SMS_MFA' ] } },
			},
		} );
	} );

	it( 'keeps the authenticator preferred when SMS is turned on beside it, and turns SMS off', async () => {
		const { profile, facade, send } = await startOnOverview( withTotp );
		profile.setMfaPreference.mockResolvedValue( undefined );
		profile.getAccount.mockResolvedValue( withTotp );
		send( { type: 'SET_SMS', enabled: true } );
		await flush();
		expect( profile.setMfaPreference ).toHaveBeenLastCalledWith( {
			sms: { enabled: true, preferred: false },
		} );

		send( { type: 'SET_SMS', enabled: false } );
		await flush();
		expect( profile.setMfaPreference ).toHaveBeenLastCalledWith( {
			sms: { enabled: false, preferred: false },
		} );
		expect( facade().context.notice ).toBe( 'smsDisabled' );
	} );

	it.each( [
		[
			'SMS_MFA',
			{ enabled: true, preferred: false },
			{ enabled: true, preferred: true },
		],
		[
			'SOFTWARE_TOKEN_MFA',
			{ enabled: true, preferred: true },
			{ enabled: true, preferred: false },
		],
	] as const )(
		'makes %s the factor sign-in asks for first',
		async ( mfaType, totp, sms ) => {
			const { profile, facade, send } = await startOnOverview( withTotp );
			profile.setMfaPreference.mockResolvedValue( undefined );
			profile.getAccount.mockResolvedValue( withTotp );
			send( { type: 'SET_PREFERRED', mfaType } );
			await flush();
			expect( profile.setMfaPreference ).toHaveBeenCalledExactlyOnceWith(
				{ totp, sms }
			);
			expect( facade() ).toMatchObject( {
				step: 'overview',
				context: { section: 'mfa', notice: 'preferredChanged' },
			} );
		}
	);
} );

describe( 'profile flow: sign out everywhere', () => {
	it( 'revokes every Cognito session, ends every WordPress session and finishes once', async () => {
		const { profile, site, onDone, facade, send } = await startOnOverview();
		profile.globalSignOut.mockResolvedValue( undefined );
		site.signOut.mockResolvedValue( undefined );
		send( { type: 'SIGN_OUT_EVERYWHERE' } );
		await flush();
		expect( site.signOut ).toHaveBeenCalledExactlyOnceWith( {
			everywhere: true,
		} );
		expect(
			callOrder( {
				globalSignOut: profile.globalSignOut,
				signOut: site.signOut,
			} )
		).toEqual( [ 'globalSignOut', 'signOut' ] );
		expect( facade() ).toMatchObject( {
			step: 'signedOut',
			busy: false,
			context: { account: undefined },
		} );
		expect( onDone ).toHaveBeenCalledExactlyOnceWith( 'signedOut' );

		send( { type: 'SIGN_OUT_EVERYWHERE' } );
		send( { type: 'BACK' } );
		await flush();
		expect( profile.globalSignOut ).toHaveBeenCalledTimes( 1 );
		expect( onDone ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'stays on the overview when WordPress could not be reached', async () => {
		const { profile, site, onDone, facade, send } = await startOnOverview();
		profile.globalSignOut.mockResolvedValue( undefined );
		site.signOut.mockRejectedValue( new TypeError( 'Failed to fetch' ) );
		send( { type: 'SIGN_OUT_EVERYWHERE' } );
		await flush();
		expect( facade() ).toMatchObject( {
			step: 'overview',
			error: { code: 'network' },
			context: { section: 'signOut' },
		} );
		expect( onDone ).not.toHaveBeenCalled();
	} );
} );

describe( 'profile flow: deleting the account', () => {
	it( 'checks the typed password with a fresh sign-in, deletes the Cognito user, then the WordPress account', async () => {
		const { profile, auth, site, onDone, facade, send } =
			await startOnOverview();
		auth.signIn.mockResolvedValue( SIGNED_IN );
		profile.current.mockResolvedValue(
			session( 'sub-ada', { idToken: 'id.just-now' } )
		);
		profile.deleteUser.mockResolvedValue( undefined );
		site.deleteAccount.mockResolvedValue( undefined );

		send( { type: 'DELETE_ACCOUNT', password: 'Secret1!' } );
		expect( facade().context.section ).toBe( 'delete' );
		await flush();
		expect( auth.signIn ).toHaveBeenCalledExactlyOnceWith( {
			username: 'ada',
			password: 'Secret1!',
		} );
		expect( site.deleteAccount ).toHaveBeenCalledExactlyOnceWith(
			'id.just-now'
		);
		expect(
			callOrder( {
				signIn: auth.signIn,
				deleteUser: profile.deleteUser,
				deleteAccount: site.deleteAccount,
			} )
		).toEqual( [ 'signIn', 'deleteUser', 'deleteAccount' ] );
		expect( facade() ).toMatchObject( {
			step: 'deleted',
			context: { account: undefined },
		} );
		expect( onDone ).toHaveBeenCalledExactlyOnceWith( 'deleted' );
	} );

	it( 'deletes nothing on a wrong password, which reads as such in the delete section', async () => {
		const { profile, auth, onDone, facade, send } = await startOnOverview();
		auth.signIn.mockRejectedValue(
			cognitoError(
				'NotAuthorizedException',
				'Incorrect username or password.'
			)
		);
		send( { type: 'DELETE_ACCOUNT', password: 'nope' } );
		await flush();
		expect( profile.deleteUser ).not.toHaveBeenCalled();
		expect( onDone ).not.toHaveBeenCalled();
		expect( facade() ).toMatchObject( {
			step: 'overview',
			error: { code: 'not_authorized' },
			context: { section: 'delete', account: ACCOUNT },
		} );
	} );

	it( 'deletes nothing when the password belongs to another Cognito user', async () => {
		const { profile, auth, site, facade, send } = await startOnOverview();
		auth.signIn.mockResolvedValue( SIGNED_IN );
		profile.current.mockResolvedValue( session( 'sub-eve' ) );
		send( { type: 'DELETE_ACCOUNT', password: 'Eve’s1!' } );
		await flush();
		expect( profile.forget ).toHaveBeenCalledTimes( 1 );
		expect( profile.deleteUser ).not.toHaveBeenCalled();
		expect( site.deleteAccount ).not.toHaveBeenCalled();
		// Not asserted: the code (wrong_account, renormalised to 'unknown' by the runner).
		expect( facade() ).toMatchObject( {
			step: 'overview',
			error: { message: expect.any( String ) },
		} );
	} );

	it( 'deletes nothing when the fresh sign-in asks for a second factor', async () => {
		const { profile, auth, site, facade, send } = await startOnOverview();
		auth.signIn.mockResolvedValue( { type: 'totpRequired' } );
		send( { type: 'DELETE_ACCOUNT', password: 'Secret1!' } );
		await flush();
		expect( profile.deleteUser ).not.toHaveBeenCalled();
		expect( site.deleteAccount ).not.toHaveBeenCalled();
		expect( facade() ).toMatchObject( {
			step: 'overview',
			busy: false,
			error: { message: expect.any( String ) },
		} );
	} );
} );

describe( 'profile flow: one request at a time', () => {
	it( 'ignores events while a request is in flight', async () => {
		const { profile, runner, send } = await startOnOverview();
		const saving = deferred< never[] >();
		profile.updateAttributes.mockReturnValue( saving.promise );
		send( { type: 'SAVE', values: { family_name: 'King' } } );
		const busy = runner.getState();

		send( { type: 'CHANGE_PASSWORD', current: 'a', next: 'b' } );
		send( { type: 'SETUP_TOTP' } );
		send( { type: 'SIGN_OUT_EVERYWHERE' } );
		send( { type: 'SAVE', values: { family_name: 'Byron' } } );
		send( { type: 'BACK' } );
		expect( runner.getState() ).toBe( busy );
		expect( profile.updateAttributes ).toHaveBeenCalledTimes( 1 );
		expect( profile.changePassword ).not.toHaveBeenCalled();
		expect( profile.associateTotp ).not.toHaveBeenCalled();
		expect( profile.globalSignOut ).not.toHaveBeenCalled();
	} );

	it( 'ignores the late answer of a request that timed out and was retried', async () => {
		const { profile, site, clock, facade, send } = await startOnOverview();
		const late = deferred< never[] >();
		profile.updateAttributes
			.mockReturnValueOnce( late.promise )
			.mockResolvedValueOnce( [] );
		profile.refresh.mockResolvedValue( session() );
		site.sync.mockResolvedValue( { email: '', displayName: '' } );
		const retried = accountWith( { family_name: 'King' } );
		profile.getAccount.mockResolvedValueOnce( retried );

		send( { type: 'SAVE', values: { family_name: 'King' } } );
		await flush();
		clock.advance( 20_000 );
		await flush();
		expect( facade().canRetry ).toBe( true );
		send( { type: 'RETRY' } );
		await flush();
		expect( facade().context.account ).toBe( retried );

		profile.getAccount.mockResolvedValueOnce( ACCOUNT );
		late.resolve( [] );
		await flush();
		expect( facade() ).toMatchObject( {
			step: 'overview',
			busy: false,
			context: { account: retried },
		} );
	} );

	it( 'drops answers whose id is not the request in flight (pure transition)', () => {
		const state: ProfileState = {
			...createProfileState(),
			seq: 5,
			request: { id: 5, kind: 'load' },
		};
		const stale = transition(
			state,
			{
				type: 'RESOLVED',
				id: 4,
				outcome: { kind: 'needPassword', site: SITE },
			},
			NOW
		);
		expect( stale ).toBe( state );
		expect(
			transition(
				state,
				{ type: 'REJECTED', id: 4, error: authError( 'network' ) },
				NOW
			)
		).toBe( state );
		const idle: ProfileState = { ...state, request: undefined };
		expect(
			transition(
				idle,
				{
					type: 'RESOLVED',
					id: 5,
					outcome: { kind: 'needPassword', site: SITE },
				},
				NOW
			)
		).toBe( idle );
	} );

	it( 'ignores events that do not belong to the current step', async () => {
		const { runner, send } = await onPasswordPrompt();
		const before = runner.getState();
		send( { type: 'SAVE', values: { given_name: 'Eve' } } );
		send( { type: 'SUBMIT_MFA_CODE', code: '1' } );
		send( { type: 'SUBMIT_CODE', code: '1' } );
		send( { type: 'RESEND' } );
		send( { type: 'SUBMIT_TOTP', code: '1' } );
		send( { type: 'DELETE_ACCOUNT', password: 'x' } );
		send( { type: 'SIGN_OUT_EVERYWHERE' } );
		send( { type: 'BACK' } );
		expect( runner.getState() ).toBe( before );
	} );
} );
