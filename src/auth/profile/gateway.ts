/**
 * What the profile flow needs from Cognito (ProfileGateway, on the signed-in user's tokens) and from the
 * WordPress site (SiteAccountService, implemented in src/wp). The machine and its tests only know these.
 */
import type { CodeDelivery, MfaType } from '../types';
import type { IdClaims } from './tokens';

/** The browser's Cognito session for the profile. */
export interface ProfileSession {
	username: string;
	idToken: string;
	claims: IdClaims;
}

export interface MfaSettings {
	/** Factors the user has turned on. */
	enabled: MfaType[];
	preferred?: MfaType;
}

export interface CognitoAccount {
	/** Readable attributes, by Cognito name. */
	attributes: Record< string, string >;
	mfa: MfaSettings;
}

export interface MfaPreference {
	totp?: { enabled: boolean; preferred?: boolean };
	sms?: { enabled: boolean; preferred?: boolean };
}

export interface ProfileGateway {
	/**
	 * The cached session, refreshed from the refresh token when its tokens have expired; null when the browser
	 * holds none or Cognito no longer accepts it (then the cache is cleared).
	 */
	current: () => Promise< ProfileSession | null >;
	/** New tokens from the refresh token, e.g. for an ID token that carries changed attributes. */
	refresh: () => Promise< ProfileSession >;
	getAccount: () => Promise< CognitoAccount >;
	/** Resolves with where Cognito sent codes for changed email/phone values. */
	updateAttributes: (
		changes: Record< string, string >
	) => Promise< CodeDelivery[] >;
	verifyAttribute: ( input: {
		name: string;
		code: string;
	} ) => Promise< void >;
	resendAttributeCode: ( input: {
		name: string;
	} ) => Promise< CodeDelivery | undefined >;
	changePassword: ( input: {
		current: string;
		next: string;
	} ) => Promise< void >;
	associateTotp: () => Promise< { secret: string } >;
	verifyTotp: ( input: { code: string } ) => Promise< void >;
	setMfaPreference: ( preference: MfaPreference ) => Promise< void >;
	/** Cognito GlobalSignOut: every refresh token of the user is revoked. Clears the local cache too. */
	globalSignOut: () => Promise< void >;
	deleteUser: () => Promise< void >;
	/** Forgets the cached tokens (no network). */
	forget: () => void;
}

/** The signed-in WordPress user, as GET /cognito-blocks/v1/session describes them. */
export interface SiteAccount {
	userId: number;
	displayName: string;
	email: string;
	linked: boolean;
	/** The Cognito sub the account is linked to; null when it is not linked to the configured pool. */
	sub: string | null;
	/** The Cognito username recorded at linking, to prefill the password prompt. */
	username: string;
	/** What deleting the account would do on this site; null when the site refuses it for this account. */
	accountDeletion: 'unlink' | 'delete' | null;
}

export interface SiteAccountService {
	whoami: () => Promise< SiteAccount >;
	/** PUT /session: WordPress takes the mapped fields from a fresh ID token of the same user. */
	sync: (
		idToken: string
	) => Promise< { email: string; displayName: string } >;
	/**
	 * DELETE /session: ends this browser's session; with `everywhere` every session of the user on this site,
	 * and with `keepThis` as well every one but this browser's.
	 */
	signOut: ( input: {
		everywhere: boolean;
		keepThis?: boolean;
	} ) => Promise< void >;
	/** DELETE /account after Cognito deleted the user; the site's setting says what happens to the account. */
	deleteAccount: ( idToken: string ) => Promise< void >;
}
