/**
 * What a placed form (block, shortcode, widget) asks of the account flow, read from its attributes. Attributes
 * arrive as untyped JSON from the page, so every value is checked here and falls back to the block.json default
 * instead of trusting the markup.
 */
import signUp from '../../../contract/sign-up-fields.json';
import type { AttributeField, HeadingLevel } from '../types';

/** The step an account form opens on; the server's form registry (php/Forms) says which, per form. */
export type EntryStepName = 'signIn' | 'signUp' | 'forgotPassword';

const ENTRY_STEPS: readonly EntryStepName[] = [
	'signIn',
	'signUp',
	'forgotPassword',
];

export interface AccountFormConfig {
	/** The first step: its texts come from the attributes below. */
	entry: EntryStepName;
	/** Texts of the form's first step; other steps keep their translated defaults. */
	heading: string;
	description: string;
	submitLabel: string;
	usernameKind: 'username' | 'email';
	showRemember: boolean;
	/** A link is shown when its flag is on; an empty URL switches step in place instead of leaving the page. */
	showForgotPassword: boolean;
	forgotPasswordUrl: string;
	showCreateAccount: boolean;
	createAccountUrl: string;
	showSignIn: boolean;
	signInUrl: string;
	/**
	 * The WordPress-password sign-in for accounts without a Cognito link (wp-login.php passes its password form):
	 * errors that such an account meets in this form point to it. Empty: no such pointer.
	 */
	passwordSignInUrl: string;
	/** Sign-up: attribute fields in display order, and whether a separate username is asked for. */
	fields: AttributeField[];
	usernameField: boolean;
	terms: string;
	requireTerms: boolean;
	headingLevel?: HeadingLevel;
}

/** What a sign-up form asks for when its `fields` hold nothing usable (the server's skeleton reads the same). */
export const DEFAULT_SIGN_UP_FIELDS: readonly AttributeField[] =
	signUp.defaultFields;

export function isEntryStep( value: unknown ): value is EntryStepName {
	return (
		typeof value === 'string' &&
		( ENTRY_STEPS as readonly string[] ).includes( value )
	);
}

function text( value: unknown, fallback = '' ): string {
	return typeof value === 'string' ? value.trim() : fallback;
}

function flag( value: unknown, fallback: boolean ): boolean {
	return typeof value === 'boolean' ? value : fallback;
}

/**
 * Only same-site paths and http(s) URLs become link targets, so an attribute cannot smuggle in `javascript:`.
 * @param value
 */
export function safeUrl( value: unknown ): string {
	const url = text( value );
	if ( url === '' ) {
		return '';
	}
	if ( /^\/(?!\/)/.test( url ) || /^https?:\/\//i.test( url ) ) {
		return url;
	}
	return '';
}

const ATTRIBUTE_NAME = new RegExp( signUp.namePattern );

function toField( value: unknown ): AttributeField | null {
	if ( typeof value === 'string' ) {
		return ATTRIBUTE_NAME.test( value ) ? { name: value } : null;
	}
	if ( typeof value !== 'object' || value === null ) {
		return null;
	}
	const { name, label, required } = value as Record< string, unknown >;
	if ( typeof name !== 'string' || ! ATTRIBUTE_NAME.test( name ) ) {
		return null;
	}
	const field: AttributeField = { name };
	if ( text( label ) !== '' ) {
		field.label = text( label );
	}
	if ( typeof required === 'boolean' ) {
		field.required = required;
	}
	return field;
}

/**
 * The sign-up fields, without duplicates (a repeated name would overwrite the first value on submit).
 * @param value
 */
export function signUpFields( value: unknown ): AttributeField[] {
	if ( ! Array.isArray( value ) ) {
		return [ ...DEFAULT_SIGN_UP_FIELDS ];
	}
	const seen = new Set< string >();
	const fields: AttributeField[] = [];
	for ( const item of value ) {
		const field = toField( item );
		if ( field && ! seen.has( field.name ) ) {
			seen.add( field.name );
			fields.push( field );
		}
	}
	return fields.length > 0 ? fields : [ ...DEFAULT_SIGN_UP_FIELDS ];
}

export function formConfigFromAttributes(
	entry: EntryStepName,
	attributes: Record< string, unknown > = {}
): AccountFormConfig {
	const level = attributes.headingLevel;
	return {
		entry,
		heading: text( attributes.heading ),
		description: text( attributes.description ),
		submitLabel: text( attributes.submitLabel ),
		usernameKind:
			attributes.usernameKind === 'email' ? 'email' : 'username',
		showRemember: flag( attributes.showRemember, false ),
		showForgotPassword: flag( attributes.showForgotPassword, true ),
		forgotPasswordUrl: safeUrl( attributes.forgotPasswordUrl ),
		showCreateAccount: flag( attributes.showCreateAccount, true ),
		createAccountUrl: safeUrl( attributes.createAccountUrl ),
		showSignIn: flag( attributes.showSignIn, true ),
		signInUrl: safeUrl( attributes.signInUrl ),
		passwordSignInUrl: safeUrl( attributes.passwordSignInUrl ),
		fields: signUpFields( attributes.fields ),
		usernameField: flag( attributes.usernameField, false ),
		terms: text( attributes.terms ),
		requireTerms: flag( attributes.requireTerms, false ),
		headingLevel:
			typeof level === 'number' && level >= 1 && level <= 6
				? ( level as HeadingLevel )
				: undefined,
	};
}
