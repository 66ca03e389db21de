/**
 * Every step of the account flow in each state a designer needs to see: idle, busy, with an error, and with a
 * network error that offers "Try again".
 */
import type { AuthStep } from '../src/auth/types';
import type { AccountFlowModel } from '../src/components/account-flow';

export type GalleryState = 'idle' | 'busy' | 'error' | 'network';

export const STEPS: readonly AuthStep[] = [
	'signIn',
	'signUp',
	'confirmSignUp',
	'forgotPassword',
	'confirmResetPassword',
	'newPassword',
	'totpMfa',
	'smsMfa',
	'selectMfa',
	'totpSetup',
	'done',
];

export const STATES: readonly GalleryState[] = [
	'idle',
	'busy',
	'error',
	'network',
];

const noop = () => undefined;

export function modelFor(
	step: AuthStep,
	state: GalleryState
): AccountFlowModel {
	const delivery = {
		medium: 'EMAIL',
		destination: 'd***@e***.test',
		attributeName: 'email',
	};
	return {
		step,
		busy: state === 'busy',
		send: noop,
		context: {
			username: 'dana@example.test',
			attributes: {},
			remember: false,
			delivery,
			requiredAttributes: step === 'newPassword' ? [ 'given_name' ] : [],
			mfaOptions: [ 'SOFTWARE_TOKEN_MFA', 'SMS_MFA' ],
			totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
			otpauthUri:
				'otpauth://totp/Example:dana%40example.test?secret=JBSWY3DPEHPK3PXP&issuer=Example',
			resendAvailableAt: 0,
			redirectTo: '/',
		},
		...( state === 'error'
			? {
					error: {
						code: 'credentials',
						message: 'Incorrect username or password.',
					},
				}
			: {} ),
		...( state === 'network'
			? {
					error: {
						code: 'network',
						message:
							'We could not reach the sign-in service. Check your connection and try again.',
						retry: noop,
					},
				}
			: {} ),
	};
}
