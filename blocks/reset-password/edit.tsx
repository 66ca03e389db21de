/**
 * Editor view of the password-reset block.
 */
import { __ } from '@wordpress/i18n';
import { PanelBody } from '@wordpress/components';
import type { BlockEditProps } from '@wordpress/blocks';
import { FormEdit, type FormAttributes } from '../shared/FormEdit';
import { LinkSetting, linkAttributes } from '../shared/LinkSetting';
import { UsernameKindSetting } from '../shared/UsernameKindSetting';

export interface Attributes extends FormAttributes {
	usernameKind: 'username' | 'email';
	showSignIn: boolean;
	signInUrl: string;
}

export default function Edit( {
	attributes,
	setAttributes,
}: BlockEditProps< Attributes > ) {
	return (
		<FormEdit
			form="reset-password"
			entry="forgotPassword"
			attributes={ attributes }
			setAttributes={ setAttributes }
		>
			<PanelBody title={ __( 'Options', 'cognito-blocks' ) }>
				<UsernameKindSetting
					value={ attributes.usernameKind }
					onChange={ ( usernameKind ) =>
						setAttributes( { usernameKind } )
					}
				/>
				<LinkSetting
					label={ __( 'Show “Back to sign in”', 'cognito-blocks' ) }
					{ ...linkAttributes(
						attributes,
						setAttributes,
						'showSignIn',
						'signInUrl'
					) }
				/>
			</PanelBody>
		</FormEdit>
	);
}
