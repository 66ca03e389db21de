/**
 * Editor view of the profile block: which sections and attributes the form shows, the texts, where visitors go
 * once signed out everywhere, and the same view the front end renders, filled with sample data (inert).
 */
import { __ } from '@wordpress/i18n';
import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';
import {
	Disabled,
	PanelBody,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import { ProfilePreview } from '../../src/components/profile/preview';
import { FieldsSetting, type FieldAttribute } from '../shared/FieldsSetting';

export interface Attributes extends Record< string, unknown > {
	heading: string;
	description: string;
	fields: FieldAttribute[];
	showPassword: boolean;
	showMfa: boolean;
	showSignOutEverywhere: boolean;
	allowDelete: boolean;
	signOutRedirectUrl: string;
	signInUrl: string;
}

export default function Edit( {
	attributes,
	setAttributes,
}: BlockEditProps< Attributes > ) {
	const blockProps = useBlockProps( {
		className: 'cognito-blocks-editor-preview',
		'data-cognito-blocks': 'profile',
	} );
	const text = ( key: keyof Attributes, label: string, help = '' ) => (
		<TextControl
			label={ label }
			help={ help }
			value={ String( attributes[ key ] ?? '' ) }
			onChange={ ( value: string ) =>
				setAttributes( { [ key ]: value } )
			}
			__next40pxDefaultSize
			__nextHasNoMarginBottom
		/>
	);
	const toggle = ( key: keyof Attributes, label: string, help = '' ) => (
		<ToggleControl
			label={ label }
			help={ help }
			checked={ attributes[ key ] === true }
			onChange={ ( on: boolean ) => setAttributes( { [ key ]: on } ) }
			__nextHasNoMarginBottom
		/>
	);
	return (
		<>
			<InspectorControls>
				<PanelBody title={ __( 'Texts', 'cognito-blocks' ) }>
					{ text(
						'heading',
						__( 'Heading', 'cognito-blocks' ),
						__( 'Leave empty for the default.', 'cognito-blocks' )
					) }
					{ text(
						'description',
						__( 'Description', 'cognito-blocks' )
					) }
				</PanelBody>
				<PanelBody title={ __( 'Details', 'cognito-blocks' ) }>
					<FieldsSetting
						fields={ attributes.fields }
						onChange={ ( fields ) => setAttributes( { fields } ) }
						flag="readOnly"
					/>
				</PanelBody>
				<PanelBody title={ __( 'Sections', 'cognito-blocks' ) }>
					{ toggle(
						'showPassword',
						__( 'Change password', 'cognito-blocks' )
					) }
					{ toggle(
						'showMfa',
						__( 'Two-step verification', 'cognito-blocks' )
					) }
					{ toggle(
						'showSignOutEverywhere',
						__( 'Sign out everywhere', 'cognito-blocks' )
					) }
					{ toggle(
						'allowDelete',
						__( 'Delete account', 'cognito-blocks' ),
						__(
							'Shown only when the site’s settings let people delete their account too.',
							'cognito-blocks'
						)
					) }
				</PanelBody>
				<PanelBody title={ __( 'Links', 'cognito-blocks' ) }>
					{ text(
						'signOutRedirectUrl',
						__( 'After signing out everywhere', 'cognito-blocks' ),
						__(
							'Where visitors go. Empty: this page.',
							'cognito-blocks'
						)
					) }
					{ text(
						'signInUrl',
						__( 'Sign-in page', 'cognito-blocks' ),
						__(
							'Signed-out visitors get a link to it. Empty: they get a sign-in form here.',
							'cognito-blocks'
						)
					) }
				</PanelBody>
			</InspectorControls>
			<div { ...blockProps }>
				<Disabled>
					<ProfilePreview attributes={ attributes } />
				</Disabled>
			</div>
		</>
	);
}
