/** Pool password policy, with Cognito's defaults and its exact complaint texts. */
import type { PasswordPolicy } from './types';
import { randomInt } from 'node:crypto';
import { cognitoError } from './errors';

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
	MinimumLength: 8,
	RequireUppercase: true,
	RequireLowercase: true,
	RequireNumbers: true,
	RequireSymbols: true,
	TemporaryPasswordValidityDays: 7,
};

/** The special characters Cognito counts as symbols (plus a non-leading, non-trailing space). */
const SYMBOLS = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/;

/** Throws InvalidPasswordException with the first rule the password breaks, in Cognito's order. */
export function enforcePasswordPolicy(
	policy: PasswordPolicy,
	password: unknown
): string {
	if ( typeof password !== 'string' || password === '' ) {
		throw cognitoError(
			'invalidParameter',
			'Missing required parameter PASSWORD'
		);
	}
	if ( /^\s|\s$/.test( password ) ) {
		throw cognitoError(
			'invalidParameter',
			'Password must not start or end with whitespace.'
		);
	}
	const rules: Array< [ boolean, string ] > = [
		[
			[ ...password ].length >= policy.MinimumLength,
			'Password not long enough',
		],
		[
			! policy.RequireLowercase || /\p{Ll}/u.test( password ),
			'Password must have lowercase characters',
		],
		[
			! policy.RequireUppercase || /\p{Lu}/u.test( password ),
			'Password must have uppercase characters',
		],
		[
			! policy.RequireNumbers || /\d/.test( password ),
			'Password must have numeric characters',
		],
		[
			! policy.RequireSymbols || SYMBOLS.test( password ),
			'Password must have symbol characters',
		],
	];
	const broken = rules.find( ( [ ok ] ) => ! ok );
	if ( broken ) {
		throw cognitoError( 'passwordPolicy', broken[ 1 ] );
	}
	return password;
}

/** A temporary password that satisfies any policy (AdminCreateUser without TemporaryPassword). */
export function generatePassword( policy: PasswordPolicy ): string {
	const pick = ( set: string ) => set.charAt( randomInt( set.length ) );
	let out =
		pick( 'ABCDEFGHJKLMNPQRSTUVWXYZ' ) +
		pick( 'abcdefghijkmnopqrstuvwxyz' ) +
		pick( '23456789' ) +
		pick( '!#%+=' );
	while ( out.length < Math.max( 12, policy.MinimumLength ) ) {
		out += pick(
			'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
		);
	}
	return out;
}
