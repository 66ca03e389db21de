/**
 * The account flow with every step view bundled in: for the block editor's preview, the designer gallery and
 * tests, where loading steps on demand would only add waiting.
 */
import { AccountFlowView, type AccountFlowProps } from './AccountFlow';
import { OtherStepView } from './other-steps';

export type CompleteAccountFlowProps = Omit< AccountFlowProps, 'otherSteps' >;

export function AccountFlow( props: CompleteAccountFlowProps ) {
	return <AccountFlowView { ...props } otherSteps={ OtherStepView } />;
}
