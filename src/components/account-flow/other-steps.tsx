/**
 * The steps after (or beside) sign-in: sign-up, codes, password reset, forced new password and MFA. They live in
 * a module of their own so the front end can load them in a separate chunk: a sign-in page rarely needs them, and
 * its visitors should not download them up front (see src/wp/lazy-steps.tsx).
 */
import type { MfaType } from '../../auth/types';
import { ConfirmCodeForm } from '../confirm-code-form';
import { ForgotPasswordForm } from '../forgot-password-form';
import { MfaSetupForm } from '../mfa-setup-form';
import { NewPasswordForm } from '../new-password-form';
import { ResetPasswordForm } from '../reset-password-form';
import { SelectMfaForm } from '../select-mfa-form';
import { SignUpForm } from '../sign-up-form';
import { SmsCodeForm } from '../sms-code-form';
import { TotpCodeForm } from '../totp-code-form';
import type { AttributeField } from '../types';
import { stepTexts, type StepViewProps } from './steps';

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

export function OtherStepView( props: StepViewProps ) {
	const { step, context, config, send, links, resend } = props;
	const common = stepTexts( props );
	const destination = context.delivery?.destination;
	const code = context.code ? { code: context.code } : undefined;

	switch ( step ) {
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
		default:
			return null;
	}
}
