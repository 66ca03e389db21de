/**
 * Data shapes of the profile flow: steps, requests (effects as data), outcomes, events and state.
 */
import type { AuthError } from '../errors';
import type { FlowAnswer } from '../flow';
import type { CodeDelivery, MfaType } from '../types';
import type { CognitoAccount, SiteAccount } from './gateway';

export type ProfileStep =
	| 'loading'
	/** The browser holds no Cognito session of this WordPress user: the password (SRP) first. */
	| 'confirmPassword'
	| 'confirmMfa'
	| 'overview'
	| 'verifyAttribute'
	| 'totpSetup'
	/** The WordPress account is not linked to the pool: nothing to edit here. */
	| 'unlinked'
	| 'signedOut'
	| 'deleted';

/** Parts of the overview, each with its own form, progress and messages. */
export type ProfileSection =
	'attributes' | 'password' | 'mfa' | 'signOut' | 'delete';

/** An email or phone change waiting for its code. */
export interface PendingVerification {
	name: 'email' | 'phone_number';
	delivery?: CodeDelivery;
	/** The new value is active already but unverified (the pool does not keep the original until confirmed). */
	activeUnverified: boolean;
	resendAvailableAt: number;
}

export type ProfileNotice =
	| 'saved'
	| 'verified'
	| 'passwordChanged'
	| 'othersSignedOut'
	| 'totpEnabled'
	| 'totpDisabled'
	| 'smsEnabled'
	| 'smsDisabled'
	| 'preferredChanged'
	| 'codeSent';

type Req< K extends string, P = object > = { id: number; kind: K } & P;

export type ProfileRequest =
	| Req< 'load' >
	| Req< 'reauth', { site: SiteAccount; password: string } >
	| Req< 'reauthMfa', { site: SiteAccount; code: string; mfaType: MfaType } >
	| Req<
			'save',
			{
				changes: Record< string, string >;
				before: Record< string, string >;
				site: SiteAccount;
			}
	  >
	| Req< 'verify', { name: string; code: string; site: SiteAccount } >
	| Req< 'resend', { name: string } >
	| Req< 'changePassword', { current: string; next: string } >
	| Req< 'signOutOthers', { site: SiteAccount; password: string } >
	| Req< 'setupTotp' >
	| Req< 'verifyTotp', { code: string } >
	| Req< 'disableTotp' >
	| Req< 'setSms', { enabled: boolean; totpOn: boolean } >
	| Req< 'setPreferred', { mfaType: MfaType } >
	| Req< 'signOutEverywhere' >
	| Req< 'deleteAccount', { site: SiteAccount; password: string } >;

export type ProfileOutcome =
	| { kind: 'needPassword'; site: SiteAccount }
	| { kind: 'unlinked'; site: SiteAccount }
	| { kind: 'mfaRequired'; mfaType: MfaType; delivery?: CodeDelivery }
	| {
			kind: 'loaded';
			site: SiteAccount;
			account: CognitoAccount;
			federated: boolean;
	  }
	| {
			kind: 'saved';
			account: CognitoAccount;
			site: SiteAccount;
			pending?: Omit< PendingVerification, 'resendAvailableAt' >;
	  }
	| {
			kind: 'account';
			account: CognitoAccount;
			site?: SiteAccount;
			notice: ProfileNotice;
	  }
	| { kind: 'codeSent'; delivery?: CodeDelivery }
	| { kind: 'passwordChanged' }
	| { kind: 'totpSecret'; secret: string }
	| { kind: 'signedOut' }
	| { kind: 'deleted' };

export type ProfileEvent =
	| { type: 'SUBMIT_PASSWORD'; password: string }
	| { type: 'SUBMIT_MFA_CODE'; code: string }
	| { type: 'SAVE'; values: Record< string, string > }
	| { type: 'VERIFY'; name: 'email' | 'phone_number' }
	| { type: 'SUBMIT_CODE'; code: string }
	| { type: 'RESEND' }
	| { type: 'CHANGE_PASSWORD'; current: string; next: string }
	| { type: 'SIGN_OUT_OTHERS' }
	| { type: 'SETUP_TOTP' }
	| { type: 'SUBMIT_TOTP'; code: string }
	| { type: 'DISABLE_TOTP' }
	| { type: 'SET_SMS'; enabled: boolean }
	| { type: 'SET_PREFERRED'; mfaType: MfaType }
	| { type: 'SIGN_OUT_EVERYWHERE' }
	| { type: 'DELETE_ACCOUNT'; password: string }
	| { type: 'BACK' }
	| { type: 'RETRY' };

export interface ProfileState {
	step: ProfileStep;
	seq: number;
	request?: ProfileRequest;
	/** The section the last request or message belongs to. */
	section?: ProfileSection;
	error?: AuthError;
	failed?: ProfileRequest;
	notice?: ProfileNotice;
	site?: SiteAccount;
	account?: CognitoAccount;
	/** Signed in through an identity provider (the ID token has `identities`). */
	federated?: boolean;
	pending?: PendingVerification;
	mfa?: { mfaType: MfaType; delivery?: CodeDelivery };
	totpSecret?: string;
	/**
	 * The new password, kept in memory only between a successful change and the visitor's answer to "sign out
	 * other devices" (signing this browser in again needs it); dropped on any other event.
	 */
	newPassword?: string;
	/** What the confirmPassword step leads to once the password is right. */
	purpose?: 'load' | 'delete';
}

/** The profile takes no input: it starts from what WordPress and the browser hold. */
export type ProfileInput = undefined;

export type ProfileAnswer = FlowAnswer< ProfileOutcome >;
