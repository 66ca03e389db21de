/**
 * Wires one registered input to its label, hint and error message: the id, `aria-invalid` and
 * `aria-describedby` every control needs, derived from react-hook-form's state so no screen sets them by hand.
 */
import { useId } from 'react';
import {
	get,
	useFormContext,
	useFormState,
	type FieldError,
	type RegisterOptions,
	type UseFormRegisterReturn,
} from 'react-hook-form';

export interface FieldControlProps extends UseFormRegisterReturn {
	id: string;
	'aria-invalid': boolean;
	'aria-describedby'?: string;
	'aria-required'?: true;
}

export interface FieldIds {
	id: string;
	hintId?: string;
	detailsId?: string;
	messageId?: string;
}

export interface FieldControl {
	control: FieldControlProps;
	error?: FieldError;
	ids: FieldIds;
}

export interface FieldControlOptions {
	hasHint?: boolean;
	hasDetails?: boolean;
}

export function useFieldControl(
	name: string,
	rules: RegisterOptions | undefined,
	{ hasHint = false, hasDetails = false }: FieldControlOptions = {}
): FieldControl {
	// useId keeps ids unique when several forms share a page (axe: duplicate-id).
	const id = useId();
	const { register } = useFormContext();
	const { errors } = useFormState( { name } );
	const error = get( errors, name ) as FieldError | undefined;

	const ids: FieldIds = {
		id,
		hintId: hasHint ? `${ id }-hint` : undefined,
		detailsId: hasDetails ? `${ id }-details` : undefined,
		messageId: error ? `${ id }-message` : undefined,
	};
	// The error first: it is what the visitor needs to hear when they come back to the field.
	const describedBy = [ ids.messageId, ids.hintId, ids.detailsId ]
		.filter( Boolean )
		.join( ' ' );

	return {
		control: {
			...register( name, rules ),
			id,
			'aria-invalid': Boolean( error ),
			'aria-describedby': describedBy || undefined,
			'aria-required': rules?.required ? true : undefined,
		},
		error,
		ids,
	};
}
