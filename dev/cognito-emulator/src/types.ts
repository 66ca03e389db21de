/** Persisted state shapes. Times are epoch milliseconds of the emulator clock. */

export interface PasswordPolicy {
	MinimumLength: number;
	RequireUppercase: boolean;
	RequireLowercase: boolean;
	RequireNumbers: boolean;
	RequireSymbols: boolean;
	TemporaryPasswordValidityDays: number;
}

export interface Pool {
	id: string;
	name: string;
	createdAt: number;
	passwordPolicy: PasswordPolicy;
	mfaConfiguration: 'OFF' | 'ON' | 'OPTIONAL';
	autoVerifiedAttributes: string[];
	usernameAttributes: string[];
	aliasAttributes: string[];
	/** Custom attributes of the pool's schema, by full name (`custom:team`). Absent in state from older versions. */
	customAttributes?: CustomAttribute[];
	/** UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate: `email` and/or `phone_number`. */
	keepOriginalAttributes?: string[];
	/** Federated identity providers (CreateIdentityProvider, seed). Absent in state from older versions. */
	identityProviders?: IdentityProvider[];
	updatedAt?: number;
}

export type IdentityProviderType =
	| 'Google'
	| 'Facebook'
	| 'SignInWithApple'
	| 'LoginWithAmazon'
	| 'SAML'
	| 'OIDC';

export interface IdentityProvider {
	name: string;
	type: IdentityProviderType;
	details: Record< string, string >;
	attributeMapping: Record< string, string >;
	idpIdentifiers: string[];
	createdAt: number;
	updatedAt?: number;
}

export interface CustomAttribute {
	/** With the `custom:` prefix. */
	name: string;
	dataType: 'String' | 'Number' | 'DateTime' | 'Boolean';
	mutable: boolean;
	minLength?: number;
	maxLength?: number;
	minValue?: number;
	maxValue?: number;
}

export interface AppClient {
	id: string;
	poolId: string;
	name: string;
	createdAt: number;
	explicitAuthFlows: string[];
	callbackUrls: string[];
	logoutUrls: string[];
	allowedOAuthFlows: string[];
	allowedOAuthScopes: string[];
	supportedIdentityProviders: string[];
	preventUserExistenceErrors: 'ENABLED' | 'LEGACY';
	/** Validities in seconds, already converted from TokenValidityUnits. */
	idTokenValiditySec: number;
	accessTokenValiditySec: number;
	refreshTokenValiditySec: number;
	authSessionValidityMin: number;
	enableTokenRevocation: boolean;
	/** Attributes the client may read / write; empty means every attribute (Cognito's default). */
	readAttributes?: string[];
	writeAttributes?: string[];
	refreshTokenRotation?: { enabled: boolean; retryGracePeriodSec: number };
	updatedAt?: number;
}

export type UserStatus =
	| 'UNCONFIRMED'
	| 'CONFIRMED'
	| 'FORCE_CHANGE_PASSWORD'
	| 'RESET_REQUIRED'
	/** A federated user, created by a sign-in through an identity provider; it has no password. */
	| 'EXTERNAL_PROVIDER';

export interface User {
	poolId: string;
	username: string;
	sub: string;
	attributes: Record< string, string >;
	/** New email / phone_number values awaiting verification while the pool keeps the original active. */
	pendingAttributes?: Record< string, string >;
	status: UserStatus;
	enabled: boolean;
	/** SRP salt (hex) and verifier (hex): the password itself is never stored. */
	salt: string;
	verifier: string;
	createdAt: number;
	updatedAt: number;
	/** When a temporary password (FORCE_CHANGE_PASSWORD) stops working. */
	tempPasswordExpiresAt?: number;
	groups: string[];
	mfa: {
		/** Registered (verified) TOTP secret, and one handed out by AssociateSoftwareToken awaiting verification. */
		totpSecret?: string;
		pendingTotpSecret?: string;
		totpEnabled: boolean;
		smsEnabled: boolean;
		preferred?: 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA';
	};
}

export interface Group {
	poolId: string;
	name: string;
	description?: string;
	precedence?: number;
	createdAt: number;
}

export type CodeKind =
	'signup' | 'reset' | 'verify' | 'mfa' | 'temporary-password';

export interface PendingCode {
	poolId: string;
	username: string;
	kind: CodeKind;
	/** For kind "verify": the attribute being verified. */
	attribute?: string;
	code: string;
	expiresAt: number;
	wrongAttempts: number;
}

export interface OutboxEntry {
	poolId: string;
	username: string;
	destination: string;
	kind: CodeKind;
	code: string;
	at: string;
}

/** One sign-in: its refresh token and every access token minted from it share origin_jti. */
export interface RefreshRecord {
	originJti: string;
	secretHash: string;
	poolId: string;
	clientId: string;
	username: string;
	sub: string;
	authTime: number;
	expiresAt: number;
	scopes: string[];
	revoked: boolean;
	/** Rotated-out secrets (refresh token rotation): usable until `until`, refused as reused after. */
	retired?: Array< { hash: string; until: number } >;
}

/** Hosted-UI browser session, referenced by a cookie. */
export interface HostedSession {
	id: string;
	poolId: string;
	username: string;
	/** COGNITO for a password sign-in, else the identity provider's name. Absent in state from older versions. */
	provider?: string;
	authTime: number;
	expiresAt: number;
}

export interface State {
	version: 1;
	pools: Record< string, Pool >;
	clients: Record< string, AppClient >;
	/** Keyed by `${poolId}/${username}`. */
	users: Record< string, User >;
	/** Keyed by `${poolId}/${groupName}`. */
	groups: Record< string, Group >;
	codes: PendingCode[];
	outbox: OutboxEntry[];
	refresh: Record< string, RefreshRecord >;
	hostedSessions: Record< string, HostedSession >;
}
