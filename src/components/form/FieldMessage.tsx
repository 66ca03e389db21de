import type { FieldError } from 'react-hook-form';

/**
 * A field's validation message; rendered only when there is one, so `aria-describedby` never points at nothing.
 * @param root0
 * @param root0.id
 * @param root0.error
 */
export function FieldMessage( {
	id,
	error,
}: {
	id?: string;
	error?: FieldError;
} ) {
	if ( ! id || ! error?.message ) {
		return null;
	}
	return (
		<p id={ id } className="cognito-blocks__message">
			{ error.message }
		</p>
	);
}
