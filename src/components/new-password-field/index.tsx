/**
 * A new-password input with the live checklist under it. The form refuses to submit until every rule is met,
 * which saves a round trip to Cognito for a password it would reject.
 */
import { useWatch } from 'react-hook-form';
import { __ } from '@wordpress/i18n';
import { Field } from '../form';
import { PasswordChecklist } from '../password-checklist';
import { PasswordInput } from '../password-input';
import type { PasswordChecker } from '../types';

export interface NewPasswordFieldProps {
	name?: string;
	label?: string;
	/** Evaluates the pool's password policy; without it only "required" is checked here. */
	checkPassword?: PasswordChecker;
	checklistTitle?: string;
}

export function NewPasswordField( {
	name = 'password',
	label,
	checkPassword,
	checklistTitle,
}: NewPasswordFieldProps ) {
	const value = useWatch( { name } ) as string | undefined;
	const rules = checkPassword ? checkPassword( value ?? '' ) : [];
	return (
		<Field
			name={ name }
			label={ label ?? __( 'New password', 'cognito-blocks' ) }
			details={
				rules.length > 0 ? (
					<PasswordChecklist
						rules={ rules }
						title={ checklistTitle }
					/>
				) : undefined
			}
			rules={ {
				required: __( 'Enter a new password.', 'cognito-blocks' ),
				validate: ( candidate: unknown ) =>
					! checkPassword ||
					checkPassword(
						typeof candidate === 'string' ? candidate : ''
					).every( ( rule ) => rule.met ) ||
					__(
						'The password does not meet every requirement below.',
						'cognito-blocks'
					),
			} }
		>
			{ ( control ) => (
				<PasswordInput { ...control } autoComplete="new-password" />
			) }
		</Field>
	);
}
