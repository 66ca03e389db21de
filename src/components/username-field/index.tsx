/**
 * The account field of the sign-in and forgot-password steps: "Username or email", or "Email" with the email
 * keyboard and format check when the pool signs in by email only.
 */
import { __ } from '@wordpress/i18n';
import { TextField, emailRules, usernameRules } from '../form';

export type UsernameKind = 'username' | 'email';

export interface UsernameFieldProps {
	kind?: UsernameKind;
	label?: string;
}

export function UsernameField( {
	kind = 'username',
	label,
}: UsernameFieldProps ) {
	const byEmail = kind === 'email';
	return (
		<TextField
			name="username"
			label={
				label ??
				( byEmail
					? __( 'Email', 'cognito-blocks' )
					: __( 'Username or email', 'cognito-blocks' ) )
			}
			type={ byEmail ? 'email' : 'text' }
			// "username" even for an email: it is the token password managers pair with current-password.
			autoComplete="username"
			autoCapitalize="none"
			spellCheck={ false }
			rules={ byEmail ? emailRules() : usernameRules() }
		/>
	);
}
