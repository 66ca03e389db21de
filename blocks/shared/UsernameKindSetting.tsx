/**
 * Whether the pool signs in by email only (email keyboard and format check) or accepts a username too.
 */
import { __ } from '@wordpress/i18n';
import { SelectControl } from '@wordpress/components';

export interface UsernameKindSettingProps {
	value: string;
	onChange: ( value: 'username' | 'email' ) => void;
}

export function UsernameKindSetting( {
	value,
	onChange,
}: UsernameKindSettingProps ) {
	return (
		<SelectControl
			label={ __( 'Visitors sign in with', 'cognito-blocks' ) }
			value={ value === 'email' ? 'email' : 'username' }
			options={ [
				{
					value: 'username',
					label: __( 'Username or email', 'cognito-blocks' ),
				},
				{ value: 'email', label: __( 'Email', 'cognito-blocks' ) },
			] }
			onChange={ ( next: string ) =>
				onChange( next === 'email' ? 'email' : 'username' )
			}
			__next40pxDefaultSize
			__nextHasNoMarginBottom
		/>
	);
}
