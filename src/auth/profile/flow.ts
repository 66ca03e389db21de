/**
 * The profile flow as one Flow (see ../flow.ts): machine.ts decides, execute.ts performs each request through
 * the services named here, and the facade shapes the state for views.
 */
import type { Flow, FlowFacade } from '../flow';
import type { AuthGateway } from '../gateway';
import type { MfaType } from '../types';
import { execute } from './execute';
import type {
	CognitoAccount,
	ProfileGateway,
	SiteAccount,
	SiteAccountService,
} from './gateway';
import { createProfileState, transition } from './machine';
import type {
	PendingVerification,
	ProfileInput,
	ProfileNotice,
	ProfileOutcome,
	ProfileRequest,
	ProfileSection,
	ProfileState,
	ProfileStep,
	ProfileEvent,
} from './types';

export interface ProfileServices {
	profile: ProfileGateway;
	/** SRP sign-in for the password prompts. */
	auth: AuthGateway;
	site: SiteAccountService;
}

export interface ProfileContext {
	site?: SiteAccount;
	account?: CognitoAccount;
	/** The user signed in through an identity provider: no password or authenticator sections. */
	federated: boolean;
	section?: ProfileSection;
	notice?: ProfileNotice;
	pending?: PendingVerification;
	mfa?: { mfaType: MfaType; destination?: string };
	totpSecret?: string;
	/** "Sign out other devices" is on offer (right after a password change). */
	canSignOutOthers: boolean;
}

export type ProfileFacade = FlowFacade< ProfileStep, ProfileContext >;

export interface ProfileTypes {
	state: ProfileState;
	event: ProfileEvent;
	request: ProfileRequest;
	outcome: ProfileOutcome;
	services: ProfileServices;
	input: ProfileInput;
	/** The flow ended this WordPress session (signed out, or the account is gone). */
	result: 'signedOut' | 'deleted';
	facade: ProfileFacade;
}

export function toProfileFacade( state: ProfileState ): ProfileFacade {
	return {
		step: state.step,
		context: {
			site: state.site,
			account: state.account,
			federated: state.federated === true,
			section: state.section,
			notice: state.notice,
			pending: state.pending,
			mfa: state.mfa && {
				mfaType: state.mfa.mfaType,
				destination: state.mfa.delivery?.destination,
			},
			totpSecret: state.totpSecret,
			canSignOutOthers: state.newPassword !== undefined,
		},
		error: state.error
			? { code: state.error.code, message: state.error.message }
			: undefined,
		busy: state.request !== undefined,
		canRetry: state.failed !== undefined && state.request === undefined,
	};
}

export const profileFlow: Flow< ProfileTypes > = {
	initial: createProfileState,
	transition,
	execute,
	errorContext: ( request ) => {
		// Only the sign-in's code step: a wrong attribute or authenticator code has its own Cognito error, so a
		// "not authorized" there means the session is gone, and must lead to the password prompt.
		if ( request.kind === 'reauthMfa' ) {
			return 'code';
		}
		return request.kind === 'changePassword' ? 'password' : 'credentials';
	},
	result: ( state ) =>
		state.step === 'signedOut' || state.step === 'deleted'
			? state.step
			: undefined,
	facade: toProfileFacade,
	retry: { type: 'RETRY' },
};

export { execute };
