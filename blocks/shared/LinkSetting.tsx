/**
 * A link a form may show ("Forgot your password?", "Create an account", "Sign in"): a toggle, and the page it
 * opens. Without a page the form switches to that step in place.
 */
import { __ } from '@wordpress/i18n';
import { TextControl, ToggleControl } from '@wordpress/components';

export interface LinkSettingProps {
	label: string;
	show: boolean;
	url: string;
	onChange: ( changes: { show?: boolean; url?: string } ) => void;
}

export function LinkSetting( {
	label,
	show,
	url,
	onChange,
}: LinkSettingProps ) {
	return (
		<>
			<ToggleControl
				label={ label }
				checked={ show }
				onChange={ ( value: boolean ) => onChange( { show: value } ) }
				__nextHasNoMarginBottom
			/>
			{ show && (
				<TextControl
					label={ __( 'Link to page (optional)', 'cognito-blocks' ) }
					help={ __(
						'Empty: the form switches to that step itself.',
						'cognito-blocks'
					) }
					type="url"
					value={ url }
					onChange={ ( value: string ) => onChange( { url: value } ) }
					__next40pxDefaultSize
					__nextHasNoMarginBottom
				/>
			) }
		</>
	);
}
