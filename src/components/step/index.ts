export { StepLayout, type StepLayoutProps } from './StepLayout';
export { FormStep, type FormStepProps } from './FormStep';
export { StepLinks, backToSignInLink, type StepLink } from './StepLinks';
export { withDefaultTexts, type StepTexts } from './texts';
