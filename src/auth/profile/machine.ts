/**
 * The profile flow's machine: pure `transition( state, event, now )` over ProfileState. Requests are put into
 * the state as data; flow.ts performs them. One request at a time: events that arrive while one is in flight
 * are ignored, like the account flow's.
 */
import { onRejected, onResolved } from './machine-answers';
import type {
	ProfileAnswer,
	ProfileEvent,
	ProfileRequest,
	ProfileSection,
	ProfileState,
} from './types';

type NewRequest = ProfileRequest extends infer R
	? R extends ProfileRequest
		? Omit< R, 'id' >
		: never
	: never;

const SECTION: Record< ProfileRequest[ 'kind' ], ProfileSection | undefined > =
	{
		load: undefined,
		reauth: undefined,
		reauthMfa: undefined,
		save: 'attributes',
		verify: 'attributes',
		resend: 'attributes',
		changePassword: 'password',
		signOutOthers: 'password',
		setupTotp: 'mfa',
		verifyTotp: 'mfa',
		disableTotp: 'mfa',
		setSms: 'mfa',
		setPreferred: 'mfa',
		signOutEverywhere: 'signOut',
		deleteAccount: 'delete',
	};

/** Every profile starts by asking WordPress who is signed in and reading the browser's Cognito session. */
export function createProfileState(): ProfileState {
	return {
		step: 'loading',
		seq: 1,
		request: { id: 1, kind: 'load' },
	};
}

function start( state: ProfileState, request: NewRequest ): ProfileState {
	const id = state.seq + 1;
	return {
		...state,
		seq: id,
		request: { ...request, id } as ProfileRequest,
		section: SECTION[ request.kind ] ?? state.section,
		error: undefined,
		failed: undefined,
		notice: undefined,
		// Kept for one answer only: "sign out other devices" right after the change.
		newPassword:
			request.kind === 'signOutOthers' ? state.newPassword : undefined,
	};
}

/**
 * Only what the visitor changed, trimmed; attributes the form does not show stay as they are.
 * @param values
 * @param current
 */
export function changedValues(
	values: Record< string, string >,
	current: Record< string, string >
): Record< string, string > {
	return Object.fromEntries(
		Object.entries( values )
			.map( ( [ name, value ] ): [ string, string ] => [
				name,
				value.trim(),
			] )
			.filter(
				( [ name, value ] ) => ( current[ name ] ?? '' ) !== value
			)
	);
}

function onEvent(
	state: ProfileState,
	event: ProfileEvent,
	now: number
): ProfileState {
	const site = state.site;
	switch ( event.type ) {
		case 'SUBMIT_PASSWORD':
			if ( state.step !== 'confirmPassword' || ! site ) {
				return state;
			}
			return start( state, {
				kind: 'reauth',
				site,
				password: event.password,
			} );
		case 'SUBMIT_MFA_CODE':
			if ( state.step !== 'confirmMfa' || ! site || ! state.mfa ) {
				return state;
			}
			return start( state, {
				kind: 'reauthMfa',
				site,
				code: event.code,
				mfaType: state.mfa.mfaType,
			} );
		case 'SAVE': {
			if ( state.step !== 'overview' || ! state.account ) {
				return state;
			}
			const changes = changedValues(
				event.values,
				state.account.attributes
			);
			if ( Object.keys( changes ).length === 0 ) {
				return {
					...state,
					section: 'attributes',
					error: undefined,
					notice: 'saved',
					newPassword: undefined,
				};
			}
			return site
				? start( state, {
						kind: 'save',
						changes,
						before: state.account.attributes,
						site,
					} )
				: state;
		}
		case 'VERIFY':
			return state.step === 'overview'
				? start( state, { kind: 'resend', name: event.name } )
				: state;
		case 'SUBMIT_CODE':
			return state.step === 'verifyAttribute' && state.pending && site
				? start( state, {
						kind: 'verify',
						name: state.pending.name,
						code: event.code,
						site,
					} )
				: state;
		case 'RESEND':
			return state.step === 'verifyAttribute' &&
				state.pending &&
				now >= state.pending.resendAvailableAt
				? start( state, { kind: 'resend', name: state.pending.name } )
				: state;
		case 'CHANGE_PASSWORD':
			return state.step === 'overview'
				? start( state, {
						kind: 'changePassword',
						current: event.current,
						next: event.next,
					} )
				: state;
		case 'SIGN_OUT_OTHERS':
			return state.step === 'overview' && state.newPassword && site
				? start( state, {
						kind: 'signOutOthers',
						site,
						password: state.newPassword,
					} )
				: state;
		case 'SETUP_TOTP':
			return state.step === 'overview'
				? start( state, { kind: 'setupTotp' } )
				: state;
		case 'SUBMIT_TOTP':
			return state.step === 'totpSetup'
				? start( state, { kind: 'verifyTotp', code: event.code } )
				: state;
		case 'DISABLE_TOTP':
			return state.step === 'overview'
				? start( state, { kind: 'disableTotp' } )
				: state;
		case 'SET_SMS':
			return state.step === 'overview' && state.account
				? start( state, {
						kind: 'setSms',
						enabled: event.enabled,
						totpOn: state.account.mfa.enabled.includes(
							'SOFTWARE_TOKEN_MFA'
						),
					} )
				: state;
		case 'SET_PREFERRED':
			return state.step === 'overview'
				? start( state, {
						kind: 'setPreferred',
						mfaType: event.mfaType,
					} )
				: state;
		case 'SIGN_OUT_EVERYWHERE':
			return state.step === 'overview'
				? start( state, { kind: 'signOutEverywhere' } )
				: state;
		case 'DELETE_ACCOUNT':
			return state.step === 'overview' && site
				? start( state, {
						kind: 'deleteAccount',
						site,
						password: event.password,
					} )
				: state;
		case 'BACK':
			if (
				state.step === 'verifyAttribute' ||
				state.step === 'totpSetup'
			) {
				return {
					...state,
					step: 'overview',
					pending: undefined,
					totpSecret: undefined,
					error: undefined,
					failed: undefined,
				};
			}
			return state.step === 'confirmMfa'
				? {
						...state,
						step: 'confirmPassword',
						mfa: undefined,
						error: undefined,
					}
				: state;
		case 'RETRY': {
			if ( ! state.failed ) {
				return state;
			}
			const { id: _id, ...again } = state.failed;
			return start( state, again as NewRequest );
		}
	}
	return state;
}

export function transition(
	state: ProfileState,
	event: ProfileEvent | ProfileAnswer,
	now: number
): ProfileState {
	if ( event.type === 'RESOLVED' || event.type === 'REJECTED' ) {
		const request = state.request;
		if ( ! request || request.id !== event.id ) {
			return state; // an answer to a request that is no longer current
		}
		return event.type === 'RESOLVED'
			? onResolved( state, request, event.outcome, now )
			: onRejected( state, request, event.error );
	}
	if ( state.request ) {
		return state;
	}
	return onEvent( state, event, now );
}

export { RESEND_COOLDOWN_MS } from './machine-answers';
