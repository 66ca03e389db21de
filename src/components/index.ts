/**
 * Presentational views of the account forms. They receive typed props and call callbacks; the flow lives in
 * src/auth and src/hooks.
 */
export * from './types';
export * from './form';
export { ErrorMessage, type ErrorMessageProps } from './error-message';
export { SubmitButton, type SubmitButtonProps } from './submit-button';
export { PasswordInput, type PasswordInputProps } from './password-input';
export {
	PasswordChecklist,
	type PasswordChecklistProps,
} from './password-checklist';
export { StepHeading, type StepHeadingProps } from './step-heading';
export { LinkButton, type LinkButtonProps } from './link-button';
export {
	ResendButton,
	resendAction,
	type ResendButtonProps,
} from './resend-button';
export { CodeField, type CodeFieldProps } from './code-field';
export {
	UsernameField,
	type UsernameFieldProps,
	type UsernameKind,
} from './username-field';
export {
	NewPasswordField,
	type NewPasswordFieldProps,
} from './new-password-field';
export { AttributeFields, type AttributeFieldsProps } from './attribute-fields';
export * from './step';
export {
	CodeForm,
	type CodeFormProps,
	type CodeValues,
	type ResendOptions,
} from './code-form';
export {
	SignInForm,
	type SignInFormProps,
	type SignInValues,
} from './sign-in-form';
export {
	SignUpForm,
	type SignUpFormProps,
	type SignUpValues,
} from './sign-up-form';
export {
	ConfirmCodeForm,
	type ConfirmCodeFormProps,
} from './confirm-code-form';
export {
	ForgotPasswordForm,
	type ForgotPasswordFormProps,
	type ForgotPasswordValues,
} from './forgot-password-form';
export {
	ResetPasswordForm,
	type ResetPasswordFormProps,
	type ResetPasswordValues,
} from './reset-password-form';
export {
	NewPasswordForm,
	type NewPasswordFormProps,
	type NewPasswordValues,
} from './new-password-form';
export { TotpCodeForm, type TotpCodeFormProps } from './totp-code-form';
export { SmsCodeForm, type SmsCodeFormProps } from './sms-code-form';
export {
	SelectMfaForm,
	type SelectMfaFormProps,
	type SelectMfaValues,
	type MfaOption,
} from './select-mfa-form';
export { MfaSetupForm, type MfaSetupFormProps } from './mfa-setup-form';
export { SignedInView, type SignedInViewProps } from './signed-in-view';
export { StatusView, type StatusViewProps } from './status-view';
export {
	StepLoading,
	StepLoadFailed,
	type StepLoadingProps,
	type StepLoadFailedProps,
} from './step-loading';
