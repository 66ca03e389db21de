/**
 * The profile's status lines, one translated sentence per notice the flow reports.
 */
import { __ } from '@wordpress/i18n';
import type { ProfileNotice } from '../../auth/profile/types';

const NOTICES: Record< ProfileNotice, () => string > = {
	saved: () => __( 'Your changes are saved.', 'cognito-blocks' ),
	verified: () =>
		__(
			'Thank you: your new address is confirmed and in use.',
			'cognito-blocks'
		),
	passwordChanged: () => __( 'Your password is changed.', 'cognito-blocks' ),
	othersSignedOut: () =>
		__(
			'Your other devices are signed out. You are still signed in here.',
			'cognito-blocks'
		),
	totpEnabled: () =>
		__(
			'Two-step verification is on. Signing in will ask for a code from your app.',
			'cognito-blocks'
		),
	totpDisabled: () => __( 'Two-step verification is off.', 'cognito-blocks' ),
	smsEnabled: () =>
		__(
			'Text message codes are on for your verified phone number.',
			'cognito-blocks'
		),
	smsDisabled: () => __( 'Text message codes are off.', 'cognito-blocks' ),
	preferredChanged: () =>
		__( 'Your preferred verification method is saved.', 'cognito-blocks' ),
	codeSent: () => __( 'We sent a new code.', 'cognito-blocks' ),
};

export function noticeText( notice: ProfileNotice | undefined ): string {
	return notice ? NOTICES[ notice ]() : '';
}
