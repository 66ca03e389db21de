import type { ReactNode } from 'react';
import { cx } from '../class-names';
import { StepHeading } from '../step-heading';
import type { HeadingLevel } from '../types';

/**
 * The frame every step shares; `cognito-blocks-form` is the scope the base styles hang on.
 */
export interface StepLayoutProps {
	/** Modifier class: `cognito-blocks__step--{name}`, so designers can style one step. */
	name: string;
	heading: string;
	headingId?: string;
	headingLevel?: HeadingLevel;
	focusHeading?: boolean;
	description?: ReactNode;
	/** Links below the form ("Forgot your password?"). */
	footer?: ReactNode;
	className?: string;
	children?: ReactNode;
}

export function StepLayout( {
	name,
	heading,
	headingId,
	headingLevel,
	focusHeading,
	description,
	footer,
	className,
	children,
}: StepLayoutProps ) {
	return (
		<div
			className={ cx(
				'cognito-blocks-form',
				'cognito-blocks__step',
				`cognito-blocks__step--${ name }`,
				className
			) }
		>
			<StepHeading
				id={ headingId }
				level={ headingLevel }
				focusOnMount={ focusHeading }
			>
				{ heading }
			</StepHeading>
			{ description && (
				<div className="cognito-blocks__description">
					{ description }
				</div>
			) }
			{ children }
			{ footer && (
				<div className="cognito-blocks__footer">{ footer }</div>
			) }
		</div>
	);
}
