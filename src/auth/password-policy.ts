/**
 * The pool's password policy as data, and a pure checker for the live checklist under password fields.
 * Cognito remains the authority (InvalidPasswordException); this only helps the visitor get it right first time.
 */
import { __, sprintf } from '@wordpress/i18n';

export interface PasswordPolicy {
	minLength: number;
	requireUppercase: boolean;
	requireLowercase: boolean;
	requireNumbers: boolean;
	requireSymbols: boolean;
}

/** Cognito's default policy for a new user pool. */
export const DEFAULT_PASSWORD_POLICY: Readonly< PasswordPolicy > = {
	minLength: 8,
	requireUppercase: true,
	requireLowercase: true,
	requireNumbers: true,
	requireSymbols: true,
};

export type PasswordRule =
	'minLength' | 'uppercase' | 'lowercase' | 'number' | 'symbol';

export interface PasswordCheck {
	rule: PasswordRule;
	met: boolean;
	label: string;
}

/**
 * Characters Cognito counts as special: ^ $ * . [ ] { } ( ) ? - " ! @ # % & / \ , > < ' : ; | _ ~ ` + =
 * plus a space that is neither leading nor trailing.
 */
const SYMBOLS = new Set( '^$*.[]{}()?-"!@#%&/\\,><\':;|_~`+='.split( '' ) );

function hasSymbol( password: string ): boolean {
	if ( [ ...password ].some( ( char ) => SYMBOLS.has( char ) ) ) {
		return true;
	}
	return /\S +\S/.test( password );
}

/** Cognito only counts basic Latin letters and ASCII digits for these rules. */
const RULES: ReadonlyArray< {
	rule: PasswordRule;
	enabled: ( policy: PasswordPolicy ) => boolean;
	test: ( password: string, policy: PasswordPolicy ) => boolean;
	label: ( policy: PasswordPolicy ) => string;
} > = [
	{
		rule: 'minLength',
		enabled: () => true,
		// Count code points, not UTF-16 units, so an emoji is one character as the visitor sees it.
		test: ( password, policy ) =>
			[ ...password ].length >= policy.minLength,
		label: ( policy ) =>
			sprintf(
				/* translators: %d: minimum number of characters in a password. */
				__( 'At least %d characters', 'cognito-blocks' ),
				policy.minLength
			),
	},
	{
		rule: 'uppercase',
		enabled: ( policy ) => policy.requireUppercase,
		test: ( password ) => /[A-Z]/.test( password ),
		label: () => __( 'An uppercase letter', 'cognito-blocks' ),
	},
	{
		rule: 'lowercase',
		enabled: ( policy ) => policy.requireLowercase,
		test: ( password ) => /[a-z]/.test( password ),
		label: () => __( 'A lowercase letter', 'cognito-blocks' ),
	},
	{
		rule: 'number',
		enabled: ( policy ) => policy.requireNumbers,
		test: ( password ) => /[0-9]/.test( password ),
		label: () => __( 'A number', 'cognito-blocks' ),
	},
	{
		rule: 'symbol',
		enabled: ( policy ) => policy.requireSymbols,
		test: ( password ) => hasSymbol( password ),
		label: () => __( 'A special character', 'cognito-blocks' ),
	},
];

/**
 * One entry per rule the policy enables, in a stable order.
 * @param policy
 * @param password
 */
export function checkPassword(
	policy: PasswordPolicy,
	password: string
): PasswordCheck[] {
	return RULES.filter( ( { enabled } ) => enabled( policy ) ).map(
		( { rule, test, label } ) => ( {
			rule,
			met: test( password, policy ),
			label: label( policy ),
		} )
	);
}

export function meetsPolicy(
	policy: PasswordPolicy,
	password: string
): boolean {
	return checkPassword( policy, password ).every( ( check ) => check.met );
}

/**
 * Fills gaps in a policy read from settings with Cognito's defaults.
 * @param partial
 */
export function resolvePolicy(
	partial: Partial< PasswordPolicy > = {}
): PasswordPolicy {
	const defined = Object.entries( partial ).filter(
		( [ , value ] ) => value !== undefined && value !== null
	);
	const policy: PasswordPolicy = {
		...DEFAULT_PASSWORD_POLICY,
		...Object.fromEntries( defined ),
	};
	// Cognito accepts 6–99; clamp so a bad setting cannot produce an unsatisfiable checklist.
	policy.minLength = Math.min(
		99,
		Math.max( 6, Math.floor( Number( policy.minLength ) || 8 ) )
	);
	return policy;
}
