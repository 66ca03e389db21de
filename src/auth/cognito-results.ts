/**
 * Converters from amazon-cognito-identity-js's loosely typed callback arguments to the gateway's typed results.
 */
import type { CognitoUserSession } from 'amazon-cognito-identity-js';
import type { CodeDelivery, MfaType, SignInResult } from './types';

/** Raised when a challenge is answered without a sign-in in progress; reads as an expired session. */
export function noPendingSignIn(): Error & { code: string } {
	return Object.assign(
		new Error( 'Invalid session for the user, session is expired.' ),
		{
			code: 'NotAuthorizedException',
		}
	);
}

export function tokensOf( session: CognitoUserSession ): SignInResult {
	return {
		type: 'signedIn',
		tokens: {
			idToken: session.getIdToken().getJwtToken(),
			accessToken: session.getAccessToken().getJwtToken(),
			refreshToken: session.getRefreshToken()?.getToken() || undefined,
		},
	};
}

/**
 * MFAS_CAN_CHOOSE / MFAS_CAN_SETUP arrive as JSON-encoded arrays of challenge names.
 * @param raw
 * @param fallback
 */
export function mfaList( raw: unknown, fallback: MfaType[] ): MfaType[] {
	let list: unknown = raw;
	if ( typeof raw === 'string' ) {
		try {
			list = JSON.parse( raw );
		} catch {
			return fallback;
		}
	}
	if ( ! Array.isArray( list ) ) {
		return fallback;
	}
	return list.filter(
		( item ): item is MfaType =>
			item === 'SMS_MFA' || item === 'SOFTWARE_TOKEN_MFA'
	);
}

export function deliveryOf( details: unknown ): CodeDelivery | undefined {
	if ( ! details || typeof details !== 'object' ) {
		return undefined;
	}
	const d = details as Record< string, unknown >;
	const text = ( value: unknown ) =>
		typeof value === 'string' ? value : undefined;
	return {
		medium: text( d.DeliveryMedium ),
		destination: text( d.Destination ),
		attributeName: text( d.AttributeName ),
	};
}

export function stringValues( record: unknown ): Record< string, string > {
	if ( ! record || typeof record !== 'object' ) {
		return {};
	}
	return Object.fromEntries(
		Object.entries( record as Record< string, unknown > ).filter(
			( entry ): entry is [ string, string ] =>
				typeof entry[ 1 ] === 'string'
		)
	);
}
