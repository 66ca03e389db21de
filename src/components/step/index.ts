export { StepLayout, type StepLayoutProps } from './StepLayout';
export { FormStep, type FormStepProps } from './FormStep';
export { StepLinks, type StepLink } from './StepLinks';
