/**
 * What every account-form block shows in the editor: the settings shared by all forms in the sidebar, and the
 * form's first step rendered by the same views the front end uses. The preview is disabled (inert), so clicks
 * select the block instead of typing into it.
 */
import type { ReactNode } from 'react';
import { __ } from '@wordpress/i18n';
import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import { Disabled, PanelBody, TextControl } from '@wordpress/components';
import {
	AccountFlowPreview,
	formConfigFromAttributes,
	type EntryStepName,
} from '../../src/components/account-flow';

/** Attributes every account-form block has (see each block.json). */
export interface FormAttributes extends Record< string, unknown > {
	redirectUrl: string;
	heading: string;
	description: string;
	submitLabel: string;
}

export interface FormEditProps< A extends FormAttributes > {
	/** The block's form name (its folder under blocks/). */
	form: string;
	/** The step the preview shows: the form's `entry` in php/Forms/Registry.php. */
	entry: EntryStepName;
	attributes: A;
	setAttributes: ( changes: Partial< A > ) => void;
	/** Form-specific panels, shown after the shared "Texts" panel. */
	children?: ReactNode;
	/** Shown in the canvas above the preview, e.g. a Notice about the site's settings. */
	notice?: ReactNode;
}

export function FormEdit< A extends FormAttributes >( {
	form,
	entry,
	attributes,
	setAttributes,
	children,
	notice,
}: FormEditProps< A > ) {
	const blockProps = useBlockProps( {
		className: 'cognito-blocks-editor-preview',
		'data-cognito-blocks': form,
	} );
	const text = ( key: keyof FormAttributes, label: string, help = '' ) => (
		<TextControl
			label={ label }
			help={ help }
			value={ String( attributes[ key ] ?? '' ) }
			onChange={ ( value: string ) =>
				setAttributes( { [ key ]: value } as Partial< A > )
			}
			__next40pxDefaultSize
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
					{ text(
						'submitLabel',
						__( 'Button text', 'cognito-blocks' )
					) }
				</PanelBody>
				<PanelBody title={ __( 'After sign-in', 'cognito-blocks' ) }>
					{ text(
						'redirectUrl',
						__( 'Redirect URL', 'cognito-blocks' ),
						__(
							'Where visitors go once signed in. Empty: the page’s redirect_to parameter, else this page. Only addresses on this site are accepted.',
							'cognito-blocks'
						)
					) }
				</PanelBody>
				{ children }
			</InspectorControls>
			<div { ...blockProps }>
				{ notice }
				<Disabled>
					<AccountFlowPreview
						config={ formConfigFromAttributes( entry, attributes ) }
					/>
				</Disabled>
			</div>
		</>
	);
}
