export {
	AccountFlowView,
	type AccountFlowModel,
	type AccountFlowProps,
} from './AccountFlow';
export { AccountFlow, type CompleteAccountFlowProps } from './complete';
export { OtherStepView } from './other-steps';
export { AccountFlowPreview, type AccountFlowPreviewProps } from './preview';
export type { StepViewProps } from './steps';
export * from './config';
