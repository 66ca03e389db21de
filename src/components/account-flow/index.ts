export {
	AccountFlow,
	type AccountFlowModel,
	type AccountFlowProps,
} from './AccountFlow';
export { AccountFlowPreview, type AccountFlowPreviewProps } from './preview';
export * from './config';
