/**
 * Whether this site creates an account at a member's first sign-in, as the server says when the editor loads
 * (php/Render/Blocks.php prints `window.cognitoBlocksEditor` before this block's editor script), and the warning
 * the sign-up block shows when it does not.
 */
import { __ } from '@wordpress/i18n';

/** Why a first sign-in creates no account (Users\Registration::new_accounts_refused()); '' when one is created. */
export type NewAccountsRefused = '' | 'deny' | 'link' | 'closed';

export interface EditorData {
	newAccountsRefused: NewAccountsRefused;
	/** Settings › General, for administrators, when "Anyone can register" is what keeps accounts from being made. */
	generalSettingsUrl?: string;
}

declare global {
	interface Window {
		cognitoBlocksEditor?: unknown;
	}
}

const REASONS: readonly NewAccountsRefused[] = [ 'deny', 'link', 'closed' ];

/**
 * What the server said; without (or with mangled) data, nothing is refused, so no false warning shows.
 * @param data The global's value.
 */
export function readEditorData(
	data: unknown = typeof window === 'undefined'
		? undefined
		: window.cognitoBlocksEditor
): EditorData {
	const given = ( typeof data === 'object' && data !== null ? data : {} ) as {
		newAccountsRefused?: unknown;
		generalSettingsUrl?: unknown;
	};
	const refused = REASONS.find(
		( reason ) => reason === given.newAccountsRefused
	);
	const url = given.generalSettingsUrl;
	return {
		newAccountsRefused: refused ?? '',
		...( refused === 'closed' &&
		typeof url === 'string' &&
		/^https?:\/\//.test( url )
			? { generalSettingsUrl: url }
			: {} ),
	};
}

/**
 * The editor's warning for a refusal, or null when new members get accounts. One whole sentence per case, so
 * translators see each as it reads.
 * @param refused
 */
export function newAccountsWarning(
	refused: NewAccountsRefused
): string | null {
	switch ( refused ) {
		case 'closed':
			return __(
				'New accounts are not created on this site: “Anyone can register” is off in Settings › General. Visitors can still sign up here, but their first sign-in is refused unless they already have an account on this site.',
				'cognito-blocks'
			);
		case 'link':
			return __(
				'New accounts are not created on this site: the Cognito Blocks “New members” setting only links existing accounts. Visitors can still sign up here, but their first sign-in is refused unless they already have an account on this site.',
				'cognito-blocks'
			);
		case 'deny':
			return __(
				'New accounts are not created on this site: the Cognito Blocks “New members” setting refuses them. Visitors can still sign up here, but their first sign-in is refused.',
				'cognito-blocks'
			);
		default:
			return null;
	}
}
