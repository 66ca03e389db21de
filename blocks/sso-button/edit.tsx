/**
 * Editor view of the single sign-on block: which buttons to show and where to go afterwards. The buttons
 * themselves come from the site's settings (Settings › Cognito Blocks › Single sign-on), so the canvas shows
 * what they will look like, inert.
 */
import { __, sprintf } from '@wordpress/i18n';
import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import { PanelBody, TextControl } from '@wordpress/components';
import type { BlockEditProps } from '@wordpress/blocks';

export interface Attributes extends Record< string, unknown > {
	redirectUrl: string;
	providers: string;
}

export default function Edit( {
	attributes,
	setAttributes,
}: BlockEditProps< Attributes > ) {
	const blockProps = useBlockProps( {
		className: 'cognito-blocks-editor-preview',
	} );
	const names = attributes.providers
		.split( ',' )
		.map( ( name ) => name.trim() )
		.filter( Boolean );
	return (
		<>
			<InspectorControls>
				<PanelBody title={ __( 'Buttons', 'cognito-blocks' ) }>
					<TextControl
						label={ __( 'Providers', 'cognito-blocks' ) }
						help={ __(
							'Provider names from the site’s single sign-on settings, separated by commas, to show only those. Empty: every configured button.',
							'cognito-blocks'
						) }
						placeholder="Google, COGNITO"
						value={ attributes.providers }
						onChange={ ( providers ) =>
							setAttributes( { providers } )
						}
						__next40pxDefaultSize
						__nextHasNoMarginBottom
					/>
					<TextControl
						label={ __(
							'After signing in, go to',
							'cognito-blocks'
						) }
						help={ __(
							'A URL of this site. Empty: back to the page with the buttons.',
							'cognito-blocks'
						) }
						type="url"
						value={ attributes.redirectUrl }
						onChange={ ( redirectUrl ) =>
							setAttributes( { redirectUrl } )
						}
						__next40pxDefaultSize
						__nextHasNoMarginBottom
					/>
				</PanelBody>
			</InspectorControls>
			<div { ...blockProps }>
				<div className="cognito-blocks-form cognito-blocks__sso">
					{ ( names.length
						? names
						: [ __( 'single sign-on', 'cognito-blocks' ) ]
					).map( ( name ) => (
						<button
							key={ name }
							type="button"
							className="cognito-blocks__button cognito-blocks__sso-button"
							disabled
						>
							{ sprintf(
								/* translators: %s: an identity provider's name. */
								__( 'Continue with %s', 'cognito-blocks' ),
								name
							) }
						</button>
					) ) }
				</div>
			</div>
		</>
	);
}
