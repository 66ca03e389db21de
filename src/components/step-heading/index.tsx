/**
 * A step's heading. It can take focus programmatically (tabIndex -1, not in the tab order), so when the flow
 * moves to a new step, screen-reader and keyboard users land at its start instead of on <body>.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { cx } from '../class-names';
import type { HeadingLevel } from '../types';

export interface StepHeadingProps {
	children: ReactNode;
	level?: HeadingLevel;
	/** Focus the heading when it mounts. */
	focusOnMount?: boolean;
	id?: string;
	className?: string;
}

export function StepHeading( {
	children,
	level = 2,
	focusOnMount = false,
	id,
	className,
}: StepHeadingProps ) {
	const ref = useRef< HTMLHeadingElement >( null );
	useEffect( () => {
		if ( focusOnMount ) {
			ref.current?.focus();
		}
		// Mount only: a re-render (an error, a busy flag) must not pull focus back to the heading.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [] );
	const Tag = `h${ level }` as const;
	return (
		<Tag
			ref={ ref }
			id={ id }
			tabIndex={ -1 }
			className={ cx( 'cognito-blocks__heading', className ) }
		>
			{ children }
		</Tag>
	);
}
