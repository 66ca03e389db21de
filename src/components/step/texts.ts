import type { StepProps } from '../types';

/** The texts every step shows and an owner may replace. */
export type StepTexts = Pick<
	StepProps< unknown >,
	'heading' | 'description' | 'submitLabel' | 'busyLabel'
>;

/**
 * A step's props with each text the owner left out replaced by the step's own default. The defaults are passed
 * in already translated, so each string stays a literal inside `__()` where translation tools find it.
 * @param props
 * @param defaults
 */
export function withDefaultTexts< P extends StepTexts >(
	props: P,
	defaults: Required< StepTexts >
): P & Required< StepTexts > {
	return {
		...props,
		heading: props.heading ?? defaults.heading,
		description: props.description ?? defaults.description,
		submitLabel: props.submitLabel ?? defaults.submitLabel,
		busyLabel: props.busyLabel ?? defaults.busyLabel,
	};
}
