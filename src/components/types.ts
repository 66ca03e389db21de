/**
 * Prop shapes shared by every view. Views receive data and callbacks only; the flow (src/auth, src/hooks)
 * decides what happens next.
 */
import type { ReactNode } from 'react';

/** An error to show above the form. `retry` is present when trying again can help (network, timeout). */
export interface FormError {
	code: string;
	message: string;
	retry?: () => void;
	/** A way out the message points to, e.g. wp-login.php's WordPress-password form: shown with the message. */
	link?: { href: string; label: string };
}

/**
 * Where focus goes when a step mounts: its heading (so screen-reader users hear the new step), its first field,
 * or nowhere (the first step of a page load must not steal focus from the page).
 */
export type FocusTarget = 'heading' | 'field' | 'none';

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** Called on a valid submission. A returned promise keeps further submissions blocked until it settles. */
export type SubmitHandler< V > = ( values: V ) => void | Promise< unknown >;

/** Props every form step accepts; texts default to translated strings. */
export interface StepProps< V > {
	onSubmit: SubmitHandler< V >;
	busy?: boolean;
	error?: FormError | null;
	/** Restores what the visitor typed when the step is shown again. */
	defaultValues?: Partial< V >;
	heading?: string;
	description?: ReactNode;
	submitLabel?: string;
	/** Shown on the submit button while `busy`. */
	busyLabel?: string;
	focusOnMount?: FocusTarget;
	headingLevel?: HeadingLevel;
	className?: string;
}

/** The "Back to sign in" link of the steps after the first; it is left out when there is no handler. */
export interface BackToSignInProps {
	onBackToSignIn?: () => void;
	backToSignInLabel?: string;
}

/** One line of a password checklist, computed from the pool's policy outside the views. */
export interface PasswordRule {
	rule: string;
	met: boolean;
	label: string;
}

/** Evaluates a password against the policy; pure, so views can call it on every keystroke. */
export type PasswordChecker = ( value: string ) => readonly PasswordRule[];

export type AttributeInputType =
	'text' | 'email' | 'tel' | 'date' | 'url' | 'number';

/** A Cognito user attribute asked for in a form (sign-up, forced password change). */
export interface AttributeField {
	/** Cognito attribute name: `email`, `given_name`, `phone_number`, `custom:company`, … */
	name: string;
	label?: string;
	required?: boolean;
	type?: AttributeInputType;
	hint?: string;
	/** Overrides the autocomplete token derived from the attribute name. */
	autoComplete?: string;
}
