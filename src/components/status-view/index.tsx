/**
 * The end of a flow: "You are signed in, taking you there…". The message sits in a status region; a plain link
 * lets the visitor go on if the redirect does not happen, so there is never a spinner with no way out.
 */
import { __ } from '@wordpress/i18n';
import { StepLayout } from '../step';
import type { FocusTarget, HeadingLevel } from '../types';

export interface StatusViewProps {
	heading?: string;
	message?: string;
	/** Shows a spinner next to the message while something (a redirect) is under way. */
	busy?: boolean;
	/** Where to go if the automatic redirect does not happen. */
	continueHref?: string;
	continueLabel?: string;
	focusOnMount?: FocusTarget;
	headingLevel?: HeadingLevel;
	className?: string;
}

export function StatusView( {
	heading,
	message,
	busy = false,
	continueHref,
	continueLabel,
	focusOnMount = 'heading',
	headingLevel,
	className,
}: StatusViewProps ) {
	return (
		<StepLayout
			name="status"
			heading={ heading ?? __( 'You are signed in', 'cognito-blocks' ) }
			headingLevel={ headingLevel }
			focusHeading={ focusOnMount === 'heading' }
			className={ className }
		>
			<p role="status" className="cognito-blocks__status">
				{ busy && (
					<span
						className="cognito-blocks__spinner"
						aria-hidden="true"
					/>
				) }
				{ message ??
					__( 'Taking you to the next page…', 'cognito-blocks' ) }
			</p>
			{ continueHref && (
				<p className="cognito-blocks__continue">
					<a href={ continueHref }>
						{ continueLabel ?? __( 'Continue', 'cognito-blocks' ) }
					</a>
				</p>
			) }
		</StepLayout>
	);
}
