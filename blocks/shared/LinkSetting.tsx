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

/** The names of `A`'s declared attributes that hold a `T` (the index signature of FormAttributes left out). */
type KeysOfType< A, T > = keyof {
	[
		K in keyof A as string extends K ? never : A[ K ] extends T ? K : never
	]: true;
} &
	string;

/**
 * Binds a LinkSetting to the two attributes a block keeps for one link (e.g. `showSignIn`, `signInUrl`), setting
 * only the one that changed.
 *
 * @param attributes    The block's attributes.
 * @param setAttributes The block's attribute setter.
 * @param showKey       The boolean attribute: whether the form shows the link.
 * @param urlKey        The string attribute: the page the link opens, empty to switch steps in place.
 */
export function linkAttributes< A extends Record< string, unknown > >(
	attributes: A,
	setAttributes: ( changes: Partial< A > ) => void,
	showKey: KeysOfType< A, boolean >,
	urlKey: KeysOfType< A, string >
): Pick< LinkSettingProps, 'show' | 'url' | 'onChange' > {
	return {
		show: attributes[ showKey ] as boolean,
		url: attributes[ urlKey ] as string,
		onChange: ( { show, url } ) =>
			setAttributes( {
				...( show !== undefined && { [ showKey ]: show } ),
				...( url !== undefined && { [ urlKey ]: url } ),
			} as Partial< A > ),
	};
}
