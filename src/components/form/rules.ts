/**
 * Validation rules shared by the steps. Functions, not constants, so messages are translated with the locale
 * data loaded at render time rather than at import time.
 */
import { __ } from '@wordpress/i18n';
import type { RegisterOptions } from 'react-hook-form';

// Deliberately loose: the browser-side check only catches typos; Cognito is the authority on what it accepts.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Cognito requires phone numbers in E.164 form.
const PHONE = /^\+[1-9]\d{1,14}$/;
const CODE = /^\d{6}$/;

export function requiredRule( message?: string ): RegisterOptions {
	return {
		required: message ?? __( 'This field is required.', 'cognito-blocks' ),
	};
}

export function usernameRules(): RegisterOptions {
	return requiredRule(
		__( 'Enter your username or email address.', 'cognito-blocks' )
	);
}

export function emailRules( required = true ): RegisterOptions {
	return {
		required: required
			? __( 'Enter your email address.', 'cognito-blocks' )
			: false,
		pattern: {
			value: EMAIL,
			message: __(
				'Enter an email address like name@example.com.',
				'cognito-blocks'
			),
		},
	};
}

export function phoneRules( required = true ): RegisterOptions {
	return {
		required: required
			? __( 'Enter your phone number.', 'cognito-blocks' )
			: false,
		pattern: {
			value: PHONE,
			message: __(
				'Enter the phone number with its country code, like +14155550100.',
				'cognito-blocks'
			),
		},
	};
}

/**
 * Strips the spaces and dashes people paste with codes ("123 456") before checking for six digits.
 *
 * @param value The raw input value.
 */
export function normalizeCode( value: unknown ): string {
	return typeof value === 'string' ? value.replace( /[\s-]/g, '' ) : '';
}

export function codeRules(): RegisterOptions {
	return {
		required: __( 'Enter the code.', 'cognito-blocks' ),
		setValueAs: normalizeCode,
		pattern: {
			value: CODE,
			message: __( 'The code must be 6 digits.', 'cognito-blocks' ),
		},
	};
}

export function currentPasswordRules(): RegisterOptions {
	return requiredRule( __( 'Enter your password.', 'cognito-blocks' ) );
}
