/**
 * Editor view of the sign-up block: which Cognito attributes to ask for, terms, and the sign-in link.
 */
import { __ } from '@wordpress/i18n';
import {
	Notice,
	PanelBody,
	TextareaControl,
	ToggleControl,
} from '@wordpress/components';
import type { BlockEditProps } from '@wordpress/blocks';
import { FormEdit, type FormAttributes } from '../shared/FormEdit';
import { LinkSetting, linkAttributes } from '../shared/LinkSetting';
import { FieldsSetting, type FieldAttribute } from '../shared/FieldsSetting';
import { newAccountsWarning, readEditorData } from './new-accounts';

export interface Attributes extends FormAttributes {
	fields: FieldAttribute[];
	usernameField: boolean;
	terms: string;
	requireTerms: boolean;
	showSignIn: boolean;
	signInUrl: string;
}

/**
 * "New accounts are not created on this site…" when the site's settings refuse first sign-ins of new members.
 */
function NewAccountsNotice() {
	const { newAccountsRefused, generalSettingsUrl } = readEditorData();
	const warning = newAccountsWarning( newAccountsRefused );
	if ( ! warning ) {
		return null;
	}
	return (
		<Notice
			status="warning"
			isDismissible={ false }
			className="cognito-blocks-editor-notice"
			actions={
				generalSettingsUrl
					? [
							{
								label: __(
									'Open General Settings',
									'cognito-blocks'
								),
								url: generalSettingsUrl,
							},
						]
					: []
			}
		>
			{ warning }
		</Notice>
	);
}

export default function Edit( {
	attributes,
	setAttributes,
}: BlockEditProps< Attributes > ) {
	return (
		<FormEdit
			form="register"
			entry="signUp"
			attributes={ attributes }
			setAttributes={ setAttributes }
			notice={ <NewAccountsNotice /> }
		>
			<PanelBody title={ __( 'Fields', 'cognito-blocks' ) }>
				<ToggleControl
					label={ __( 'Ask for a username', 'cognito-blocks' ) }
					help={ __(
						'Off: the email address is the username, as pools that sign in by email expect.',
						'cognito-blocks'
					) }
					checked={ attributes.usernameField }
					onChange={ ( usernameField: boolean ) =>
						setAttributes( { usernameField } )
					}
					__nextHasNoMarginBottom
				/>
				<FieldsSetting
					fields={ attributes.fields }
					onChange={ ( fields ) => setAttributes( { fields } ) }
				/>
			</PanelBody>
			<PanelBody
				title={ __( 'Terms and links', 'cognito-blocks' ) }
				initialOpen={ false }
			>
				<TextareaControl
					label={ __( 'Terms', 'cognito-blocks' ) }
					value={ attributes.terms }
					onChange={ ( terms: string ) => setAttributes( { terms } ) }
					__nextHasNoMarginBottom
				/>
				<ToggleControl
					label={ __(
						'Visitors must accept the terms',
						'cognito-blocks'
					) }
					checked={ attributes.requireTerms }
					onChange={ ( requireTerms: boolean ) =>
						setAttributes( { requireTerms } )
					}
					__nextHasNoMarginBottom
				/>
				<LinkSetting
					label={ __( 'Show “Sign in”', 'cognito-blocks' ) }
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
