/**
 * Editor view of the sign-in block: shared texts and redirect, plus the links and options of the sign-in step.
 */
import { __ } from '@wordpress/i18n';
import { PanelBody, ToggleControl } from '@wordpress/components';
import type { BlockEditProps } from '@wordpress/blocks';
import { FormEdit, type FormAttributes } from '../shared/FormEdit';
import { LinkSetting, linkAttributes } from '../shared/LinkSetting';
import { UsernameKindSetting } from '../shared/UsernameKindSetting';

export interface Attributes extends FormAttributes {
	usernameKind: 'username' | 'email';
	showRemember: boolean;
	showForgotPassword: boolean;
	forgotPasswordUrl: string;
	showCreateAccount: boolean;
	createAccountUrl: string;
	showSso: boolean;
}

export default function Edit( {
	attributes,
	setAttributes,
}: BlockEditProps< Attributes > ) {
	return (
		<FormEdit
			form="login"
			entry="signIn"
			attributes={ attributes }
			setAttributes={ setAttributes }
		>
			<PanelBody title={ __( 'Sign-in options', 'cognito-blocks' ) }>
				<UsernameKindSetting
					value={ attributes.usernameKind }
					onChange={ ( usernameKind ) =>
						setAttributes( { usernameKind } )
					}
				/>
				<ToggleControl
					label={ __( 'Show “Remember me”', 'cognito-blocks' ) }
					checked={ attributes.showRemember }
					onChange={ ( showRemember: boolean ) =>
						setAttributes( { showRemember } )
					}
					__nextHasNoMarginBottom
				/>
				<ToggleControl
					label={ __(
						'Show single sign-on buttons under the form',
						'cognito-blocks'
					) }
					help={ __(
						'The providers set in Settings › Cognito Blocks, after an “or” line. Nothing is shown until single sign-on is set up.',
						'cognito-blocks'
					) }
					checked={ attributes.showSso }
					onChange={ ( showSso: boolean ) =>
						setAttributes( { showSso } )
					}
					__nextHasNoMarginBottom
				/>
			</PanelBody>
			<PanelBody title={ __( 'Links', 'cognito-blocks' ) }>
				<LinkSetting
					label={ __(
						'Show “Forgot your password?”',
						'cognito-blocks'
					) }
					{ ...linkAttributes(
						attributes,
						setAttributes,
						'showForgotPassword',
						'forgotPasswordUrl'
					) }
				/>
				<LinkSetting
					label={ __( 'Show “Create an account”', 'cognito-blocks' ) }
					{ ...linkAttributes(
						attributes,
						setAttributes,
						'showCreateAccount',
						'createAccountUrl'
					) }
				/>
			</PanelBody>
		</FormEdit>
	);
}
