/**
 * The attribute inputs of a form (sign-up, forced password change), from the block's field list.
 */
import type { RegisterOptions } from 'react-hook-form';
import { TextField, emailRules, phoneRules, requiredRule } from '../form';
import type { AttributeField } from '../types';
import {
	attributeKey,
	resolveAttributeField,
	type ResolvedAttributeField,
} from './attributes';

export * from './attributes';

function rulesFor( field: ResolvedAttributeField ): RegisterOptions {
	if ( field.type === 'email' ) {
		return emailRules( field.required );
	}
	if ( field.type === 'tel' ) {
		return phoneRules( field.required );
	}
	return field.required ? requiredRule() : {};
}

export interface AttributeFieldsProps {
	fields: readonly AttributeField[];
	/** Form path the values live under; see attributesToForm / formToAttributes. */
	prefix?: string;
}

export function AttributeFields( {
	fields,
	prefix = 'attributes',
}: AttributeFieldsProps ) {
	return (
		<>
			{ fields.map( ( raw, index ) => {
				const field = resolveAttributeField( raw );
				return (
					<TextField
						key={ field.name }
						name={ `${ prefix }.${ attributeKey( index ) }` }
						label={ field.label }
						hint={ field.hint }
						optional={ ! field.required }
						type={ field.type }
						autoComplete={ field.autoComplete }
						inputMode={ field.type === 'tel' ? 'tel' : undefined }
						rules={ rulesFor( field ) }
					/>
				);
			} ) }
		</>
	);
}
