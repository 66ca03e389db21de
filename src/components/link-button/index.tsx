import type { ReactNode } from 'react';
import { cx } from '../class-names';

/**
 * A button that looks like a link, for in-form navigation ("Forgot your password?") that changes the step
 * without loading a page; a real <a> would need an href the flow does not have.
 */
export interface LinkButtonProps {
	onClick: () => void;
	children: ReactNode;
	className?: string;
}

export function LinkButton( {
	onClick,
	children,
	className,
}: LinkButtonProps ) {
	return (
		<button
			type="button"
			className={ cx( 'cognito-blocks__link', className ) }
			onClick={ onClick }
		>
			{ children }
		</button>
	);
}
