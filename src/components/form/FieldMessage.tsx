import type { FieldError } from 'react-hook-form';

/**
 * A field's validation message; rendered only when there is one, so `aria-describedby` never points at nothing.
 */
export interface FieldMessageProps {
	id?: string;
	error?: FieldError;
}

export function FieldMessage( { id, error }: FieldMessageProps ) {
	if ( ! id || ! error?.message ) {
		return null;
	}
	return (
		<p id={ id } className="cognito-blocks__message">
			{ error.message }
		</p>
	);
}
