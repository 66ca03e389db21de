/**
 * Editor view of the sign-in block.
 */
import { __ } from '@wordpress/i18n';
import { useBlockProps, InspectorControls } from '@wordpress/block-editor';
import { PanelBody, TextControl } from '@wordpress/components';
import type { BlockEditProps } from '@wordpress/blocks';

export interface Attributes extends Record< string, unknown > {
	heading: string;
}

export default function Edit( {
	attributes,
	setAttributes,
}: BlockEditProps< Attributes > ) {
	const blockProps = useBlockProps( {
		className: 'cognito-blocks-editor-preview',
	} );
	return (
		<>
			<InspectorControls>
				<PanelBody title={ __( 'Form', 'cognito-blocks' ) }>
					<TextControl
						label={ __( 'Heading', 'cognito-blocks' ) }
						value={ attributes.heading }
						onChange={ ( heading: string ) =>
							setAttributes( { heading } )
						}
						__nextHasNoMarginBottom
					/>
				</PanelBody>
			</InspectorControls>
			<div { ...blockProps }>
				<p className="cognito-blocks-editor-preview__title">
					{ attributes.heading ||
						__( 'Cognito sign-in', 'cognito-blocks' ) }
				</p>
			</div>
		</>
	);
}
