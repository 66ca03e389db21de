/**
 * The profile as a signed-in visitor sees it, filled with sample data and with nothing behind it: the block
 * editor and Elementor's editor show this, so their preview is the front end's view.
 */
import { __ } from '@wordpress/i18n';
import { profileConfigFromAttributes } from './config';
import { ProfileView } from './ProfileView';

export function ProfilePreview( {
	attributes,
}: {
	attributes: Record< string, unknown >;
} ) {
	const sample = {
		given_name: __( 'Ada', 'cognito-blocks' ),
		family_name: __( 'Lovelace', 'cognito-blocks' ),
		email: 'ada@example.com',
		email_verified: 'true',
	};
	return (
		<ProfileView
			config={ profileConfigFromAttributes( attributes ) }
			flow={ {
				step: 'overview',
				busy: false,
				canRetry: false,
				send: () => undefined,
				context: {
					federated: false,
					canSignOutOthers: false,
					site: {
						userId: 0,
						displayName: '',
						email: sample.email,
						linked: true,
						sub: null,
						username: sample.email,
						accountDeletion: 'unlink',
					},
					account: {
						attributes: sample,
						mfa: { enabled: [] },
					},
				},
			} }
		/>
	);
}
