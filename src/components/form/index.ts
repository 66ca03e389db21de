export { Form, type FormProps } from './Form';
export {
	Field,
	TextField,
	type FieldProps,
	type TextFieldProps,
} from './Field';
export { CheckboxField, type CheckboxFieldProps } from './CheckboxField';
export {
	RadioGroupField,
	type RadioGroupFieldProps,
	type RadioOption,
} from './RadioGroupField';
export { FieldMessage } from './FieldMessage';
export {
	useFieldControl,
	type FieldControlProps,
	type FieldIds,
} from './use-field-control';
export { useFormBusy } from './busy-context';
export * from './rules';
