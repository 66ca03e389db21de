/**
 * The profile form: switches on the flow's step. The overview holds the sections the block enables; the other
 * steps are the password prompt (the browser holds no Cognito session of this user), its MFA code, an email or
 * phone code, the authenticator set-up and the end states.
 */
import { useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { __, sprintf } from '@wordpress/i18n';
import type { ProfileFacade } from '../../auth/profile/flow';
import type { ProfileEvent } from '../../auth/profile/types';
import { CodeForm } from '../code-form';
import { ConfirmCodeForm } from '../confirm-code-form';
import { ErrorMessage } from '../error-message';
import { MfaSetupForm } from '../mfa-setup-form';
import { FormStep, StepLayout } from '../step';
import { StepLoading } from '../step-loading';
import type { FormError, HeadingLevel, PasswordChecker } from '../types';
import type { ProfileFormConfig } from './config';
import {
	AttributesSection,
	DeleteSection,
	PasswordSection,
	SignOutSection,
} from './sections';
import { MfaSection } from './mfa-section';
import { CurrentPasswordField } from './section';
import { noticeText } from './texts';

export interface ProfileFlowBinding extends Omit< ProfileFacade, 'error' > {
	error?: FormError;
	send: ( event: ProfileEvent ) => void;
}

export interface ProfileViewProps {
	flow: ProfileFlowBinding;
	config: ProfileFormConfig;
	checkPassword?: PasswordChecker;
	/** otpauth:// URI for the authenticator set-up, and its QR image once drawn. */
	otpauthUri?: string;
	qrDataUrl?: string;
	/** Seconds before "Resend code" is allowed again. */
	resendCooldown?: number;
}

function ConfirmPassword( {
	flow,
	level,
}: {
	flow: ProfileFlowBinding;
	level: HeadingLevel;
} ) {
	const form = useForm< { password: string } >( {
		defaultValues: { password: '' },
	} );
	const username = flow.context.site?.username ?? '';
	return (
		<FormStep
			form={ form }
			name="confirm-password"
			headingLevel={ level }
			heading={ __( 'Confirm it’s you', 'cognito-blocks' ) }
			description={ sprintf(
				/* translators: %s: the account's sign-in name. */
				__(
					'Enter the password of %s to see and change your account.',
					'cognito-blocks'
				),
				username
			) }
			submitLabel={ __( 'Continue', 'cognito-blocks' ) }
			busyLabel={ __( 'Checking…', 'cognito-blocks' ) }
			onSubmit={ ( values ) =>
				flow.send( {
					type: 'SUBMIT_PASSWORD',
					password: values.password,
				} )
			}
			busy={ flow.busy }
			error={ flow.error }
			focusOnMount="field"
		>
			<CurrentPasswordField
				name="password"
				label={ __( 'Password', 'cognito-blocks' ) }
				required={ __( 'Enter your password.', 'cognito-blocks' ) }
				username={ username }
			/>
		</FormStep>
	);
}

function Message( {
	name,
	heading,
	text,
	level,
}: {
	name: string;
	heading: string;
	text: string;
	level: HeadingLevel;
} ) {
	return (
		<StepLayout
			name={ name }
			heading={ heading }
			headingLevel={ level }
			focusHeading
		>
			<p role="status" className="cognito-blocks__status">
				{ text }
			</p>
		</StepLayout>
	);
}

export function ProfileView( props: ProfileViewProps ) {
	const { flow, config } = props;
	// The overview takes focus when the visitor comes back to it from another step, not on the page's first load.
	const previous = useRef( flow.step );
	const returned =
		previous.current !== 'loading' && previous.current !== flow.step;
	useEffect( () => {
		previous.current = flow.step;
	}, [ flow.step ] );
	const { context } = flow;
	const level = config.headingLevel ?? 2;
	const back = {
		label: __( 'Back to your account', 'cognito-blocks' ),
		onClick: () => flow.send( { type: 'BACK' } ),
	};
	switch ( flow.step ) {
		case 'loading':
			// Reading the account failed (offline, WordPress or Cognito unreachable): say so, with a retry when
			// trying again can help, instead of a spinner that never ends.
			return flow.error ? (
				<StepLayout
					name="profile-load-failed"
					heading={
						config.heading || __( 'Your account', 'cognito-blocks' )
					}
					headingLevel={ level }
				>
					<ErrorMessage error={ flow.error } />
				</StepLayout>
			) : (
				<StepLoading
					label={ __( 'Loading your account…', 'cognito-blocks' ) }
				/>
			);
		case 'confirmPassword':
			return <ConfirmPassword flow={ flow } level={ level } />;
		case 'confirmMfa':
			return (
				<CodeForm
					name="profile-mfa"
					headingLevel={ level }
					heading={ __(
						'Enter your verification code',
						'cognito-blocks'
					) }
					description={
						context.mfa?.mfaType === 'SMS_MFA'
							? __(
									'Enter the code we sent to your phone.',
									'cognito-blocks'
								)
							: __(
									'Enter the 6-digit code from your authenticator app.',
									'cognito-blocks'
								)
					}
					submitLabel={ __( 'Continue', 'cognito-blocks' ) }
					onSubmit={ ( values ) =>
						flow.send( {
							type: 'SUBMIT_MFA_CODE',
							code: values.code,
						} )
					}
					busy={ flow.busy }
					error={ flow.error }
					focusOnMount="field"
					onBackToSignIn={ () => flow.send( { type: 'BACK' } ) }
					backToSignInLabel={ __( 'Back', 'cognito-blocks' ) }
				/>
			);
		case 'verifyAttribute': {
			const pending = context.pending;
			const isEmail = pending?.name !== 'phone_number';
			const destination = pending?.delivery?.destination;
			const sent = destination
				? sprintf(
						/* translators: %s: masked email address or phone number the code was sent to. */
						__( 'We sent a 6-digit code to %s.', 'cognito-blocks' ),
						destination
					)
				: __( 'We sent you a 6-digit code.', 'cognito-blocks' );
			const state = pending?.activeUnverified
				? __(
						'Until you enter it, the new value is unverified: this site keeps using your previous one, and the new one cannot be used to recover your account.',
						'cognito-blocks'
					)
				: __(
						'Your current one stays in use until you enter the code.',
						'cognito-blocks'
					);
			return (
				<ConfirmCodeForm
					headingLevel={ level }
					heading={
						isEmail
							? __(
									'Confirm your email address',
									'cognito-blocks'
								)
							: __(
									'Confirm your phone number',
									'cognito-blocks'
								)
					}
					description={ `${ sent } ${ state }` }
					submitLabel={ __( 'Confirm', 'cognito-blocks' ) }
					onSubmit={ ( values ) =>
						flow.send( { type: 'SUBMIT_CODE', code: values.code } )
					}
					busy={ flow.busy }
					error={ flow.error }
					focusOnMount="field"
					notice={ noticeText(
						context.notice === 'codeSent' ? 'codeSent' : undefined
					) }
					onResend={ () => flow.send( { type: 'RESEND' } ) }
					resendCooldown={ props.resendCooldown }
					onBackToSignIn={ back.onClick }
					backToSignInLabel={ __(
						'Later: back to your account',
						'cognito-blocks'
					) }
				/>
			);
		}
		case 'totpSetup':
			return (
				<MfaSetupForm
					headingLevel={ level }
					secret={ context.totpSecret }
					otpauthUri={ props.otpauthUri }
					qrDataUrl={ props.qrDataUrl }
					description={ __(
						'Scan the QR code with your authenticator app, or enter the setup key. Then enter the 6-digit code the app shows. If the code is refused, check that your device sets its time automatically.',
						'cognito-blocks'
					) }
					submitLabel={ __(
						'Turn on two-step verification',
						'cognito-blocks'
					) }
					onSubmit={ ( values ) =>
						flow.send( { type: 'SUBMIT_TOTP', code: values.code } )
					}
					busy={ flow.busy }
					error={ flow.error }
					onBackToSignIn={ back.onClick }
					backToSignInLabel={ __( 'Cancel', 'cognito-blocks' ) }
				/>
			);
		case 'unlinked':
			return (
				<Message
					name="profile-unlinked"
					level={ level }
					heading={
						config.heading || __( 'Your account', 'cognito-blocks' )
					}
					text={ __(
						'Your account on this site is not connected to a sign-in account, so there is nothing to change here.',
						'cognito-blocks'
					) }
				/>
			);
		case 'signedOut':
			return (
				<Message
					name="profile-signed-out"
					level={ level }
					heading={ __( 'Signed out everywhere', 'cognito-blocks' ) }
					text={ __(
						'You are signed out on every device. Taking you to the next page…',
						'cognito-blocks'
					) }
				/>
			);
		case 'deleted':
			return (
				<Message
					name="profile-deleted"
					level={ level }
					heading={ __( 'Account deleted', 'cognito-blocks' ) }
					text={ __(
						'Your account is deleted. Taking you to the next page…',
						'cognito-blocks'
					) }
				/>
			);
		case 'overview':
			break;
	}
	const section = {
		context,
		busy: flow.busy,
		error: flow.error,
		send: flow.send,
		level: Math.min( level + 1, 6 ) as HeadingLevel,
	};
	return (
		<StepLayout
			name="profile"
			heading={ config.heading || __( 'Your account', 'cognito-blocks' ) }
			headingLevel={ level }
			focusHeading={ returned }
			description={ config.description || undefined }
		>
			{ context.federated && (
				<p className="cognito-blocks__notice cognito-blocks__notice--info">
					{ __(
						'You sign in through another provider: your details come from there and may change at your next sign-in.',
						'cognito-blocks'
					) }
				</p>
			) }
			<AttributesSection { ...section } fields={ config.fields } />
			{ config.showPassword && ! context.federated && (
				<PasswordSection
					{ ...section }
					checkPassword={ props.checkPassword }
				/>
			) }
			{ config.showMfa && ! context.federated && (
				<MfaSection { ...section } />
			) }
			{ config.showSignOutEverywhere && (
				<SignOutSection { ...section } />
			) }
			{ config.allowDelete && context.site?.accountDeletion && (
				<DeleteSection { ...section } />
			) }
		</StepLayout>
	);
}
