/**
 * One view per flow step. Each view gets the visitor's earlier inputs back as default values and turns its
 * submission into exactly one flow event; which step comes next is the machine's decision, not the view's.
 */
import { __ } from '@wordpress/i18n';
import type { AuthContext } from '../../auth/facade';
import type { AuthStep, MfaType, UserEvent } from '../../auth/types';
import { ConfirmCodeForm } from '../confirm-code-form';
import { ForgotPasswordForm } from '../forgot-password-form';
import { MfaSetupForm } from '../mfa-setup-form';
import { NewPasswordForm } from '../new-password-form';
import { ResetPasswordForm } from '../reset-password-form';
import { SelectMfaForm } from '../select-mfa-form';
import { SignInForm } from '../sign-in-form';
import { SignUpForm } from '../sign-up-form';
import { SmsCodeForm } from '../sms-code-form';
import { StatusView } from '../status-view';
import { TotpCodeForm } from '../totp-code-form';
import type {
	AttributeField,
	FocusTarget,
	FormError,
	PasswordChecker,
} from '../types';
import { entryStepOf, type AccountFormConfig } from './config';

export interface StepViewProps {
	step: AuthStep;
	context: AuthContext;
	config: AccountFormConfig;
	send: ( event: UserEvent ) => void;
	busy: boolean;
	error?: FormError;
	focusOnMount: FocusTarget;
	/** Link to another entry step: leaves the page when the form has a URL for it, else switches in place. */
	links: {
		forgotPassword?: () => void;
		createAccount?: () => void;
		signIn?: () => void;
		/** Challenge steps always go back in place: a new page would lose the half-finished sign-in. */
		backToSignIn: () => void;
	};
	resend: {
		onResend: () => void;
		cooldown: number;
		busy: boolean;
		notice?: string;
	};
	checkPassword?: PasswordChecker;
	qrDataUrl?: string;
}

/**
 * Labels for the attributes Cognito asks for during a forced password change: the block's own label when the
 * sign-up fields name the same attribute, else the translated default.
 * @param names
 * @param fields
 */
function requiredFields(
	names: readonly string[] = [],
	fields: readonly AttributeField[]
): AttributeField[] {
	return names.map( ( name ) => ( {
		...fields.find( ( field ) => field.name === name ),
		name,
		required: true,
	} ) );
}

export function StepView( props: StepViewProps ) {
	const { step, context, config, send, links, resend } = props;
	// The block's heading, description and button text belong to the form's first step only.
	const entry = step === entryStepOf( config.form );
	const common = {
		busy: props.busy,
		error: props.error,
		focusOnMount: props.focusOnMount,
		headingLevel: config.headingLevel,
		...( entry && {
			heading: config.heading || undefined,
			description: config.description || undefined,
			submitLabel: config.submitLabel || undefined,
		} ),
	};
	const destination = context.delivery?.destination;
	const code = context.code ? { code: context.code } : undefined;

	switch ( step ) {
		case 'signIn':
			return (
				<SignInForm
					{ ...common }
					defaultValues={ {
						username: context.username,
						remember: context.remember,
					} }
					usernameKind={ config.usernameKind }
					showRemember={ config.showRemember }
					onForgotPassword={ links.forgotPassword }
					onCreateAccount={ links.createAccount }
					onSubmit={ ( { username, password, remember } ) =>
						send( {
							type: 'SUBMIT_SIGN_IN',
							username,
							password,
							remember,
						} )
					}
				/>
			);
		case 'signUp':
			return (
				<SignUpForm
					{ ...common }
					defaultValues={ {
						username: context.username,
						attributes: context.attributes,
					} }
					fields={ config.fields }
					usernameField={ config.usernameField }
					checkPassword={ props.checkPassword }
					terms={ config.terms || undefined }
					requireTerms={ config.requireTerms && !! config.terms }
					onSignIn={ links.signIn }
					onSubmit={ ( { username, password, attributes } ) =>
						send( {
							type: 'SUBMIT_SIGN_UP',
							username,
							password,
							attributes,
						} )
					}
				/>
			);
		case 'confirmSignUp':
			return (
				<ConfirmCodeForm
					{ ...common }
					defaultValues={ code }
					destination={ destination }
					onResend={ resend.onResend }
					resendCooldown={ resend.cooldown }
					resendBusy={ resend.busy }
					notice={ resend.notice }
					onBackToSignIn={ links.backToSignIn }
					onSubmit={ ( values ) =>
						send( { type: 'SUBMIT_CODE', code: values.code } )
					}
				/>
			);
		case 'forgotPassword':
			return (
				<ForgotPasswordForm
					{ ...common }
					defaultValues={ { username: context.username } }
					usernameKind={ config.usernameKind }
					onBackToSignIn={ links.signIn }
					onSubmit={ ( { username } ) =>
						send( { type: 'SUBMIT_FORGOT_PASSWORD', username } )
					}
				/>
			);
		case 'confirmResetPassword':
			return (
				<ResetPasswordForm
					{ ...common }
					defaultValues={ code }
					destination={ destination }
					checkPassword={ props.checkPassword }
					onResend={ resend.onResend }
					resendCooldown={ resend.cooldown }
					resendBusy={ resend.busy }
					onBackToSignIn={ links.backToSignIn }
					onSubmit={ ( values ) =>
						send( {
							type: 'SUBMIT_RESET_PASSWORD',
							code: values.code,
							newPassword: values.password,
						} )
					}
				/>
			);
		case 'newPassword':
			return (
				<NewPasswordForm
					{ ...common }
					defaultValues={ { attributes: context.attributes } }
					requiredAttributes={ requiredFields(
						context.requiredAttributes,
						config.fields
					) }
					checkPassword={ props.checkPassword }
					onSubmit={ ( { password, attributes } ) =>
						send( {
							type: 'SUBMIT_NEW_PASSWORD',
							newPassword: password,
							attributes,
						} )
					}
				/>
			);
		case 'smsMfa':
			return (
				<SmsCodeForm
					{ ...common }
					destination={ destination }
					onBackToSignIn={ links.backToSignIn }
					onSubmit={ ( values ) =>
						send( { type: 'SUBMIT_CODE', code: values.code } )
					}
				/>
			);
		case 'totpMfa':
			return (
				<TotpCodeForm
					{ ...common }
					onBackToSignIn={ links.backToSignIn }
					onSubmit={ ( values ) =>
						send( { type: 'SUBMIT_CODE', code: values.code } )
					}
				/>
			);
		case 'selectMfa':
			return (
				<SelectMfaForm
					{ ...common }
					options={ context.mfaOptions ?? [] }
					onBackToSignIn={ links.backToSignIn }
					onSubmit={ ( values ) =>
						send( {
							type: 'SELECT_MFA',
							mfaType: values.mfaType as MfaType,
						} )
					}
				/>
			);
		case 'totpSetup':
			return (
				<MfaSetupForm
					{ ...common }
					secret={ context.totpSecret }
					otpauthUri={ context.otpauthUri }
					qrDataUrl={ props.qrDataUrl }
					onBackToSignIn={ links.backToSignIn }
					onSubmit={ ( values ) =>
						send( { type: 'SUBMIT_CODE', code: values.code } )
					}
				/>
			);
		case 'done':
			return (
				<StatusView
					heading={ __( 'Signing you in…', 'cognito-blocks' ) }
					busy
					continueHref={ context.redirectTo }
					focusOnMount={ props.focusOnMount }
					headingLevel={ config.headingLevel }
				/>
			);
	}
}
