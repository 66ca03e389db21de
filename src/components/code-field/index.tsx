/**
 * A one-time code input: numeric keyboard on phones, `one-time-code` so browsers offer the code from an SMS or
 * email, and validation to exactly six digits after stripping the spaces people paste with it.
 */
import type { ReactNode } from 'react';
import { __ } from '@wordpress/i18n';
import { TextField, codeRules } from '../form';

export interface CodeFieldProps {
	name?: string;
	label?: string;
	hint?: ReactNode;
}

export function CodeField( { name = 'code', label, hint }: CodeFieldProps ) {
	return (
		<TextField
			name={ name }
			label={ label ?? __( 'Code', 'cognito-blocks' ) }
			hint={ hint }
			rules={ codeRules() }
			className="cognito-blocks__field--code"
			inputMode="numeric"
			autoComplete="one-time-code"
			autoCapitalize="none"
			spellCheck={ false }
		/>
	);
}
