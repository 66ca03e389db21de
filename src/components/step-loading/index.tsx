/**
 * Shown while the code of the next step is still loading (the front end loads rarely needed steps on demand).
 * A status region, so screen readers hear that something is happening; no heading, because the step's own
 * heading takes focus as soon as it appears.
 */
import { __ } from '@wordpress/i18n';

export interface StepLoadingProps {
	label?: string;
}

export function StepLoading( { label }: StepLoadingProps ) {
	return (
		<div className="cognito-blocks-form cognito-blocks__step cognito-blocks__step--loading">
			<p role="status" className="cognito-blocks__status">
				<span className="cognito-blocks__spinner" aria-hidden="true" />
				{ label ?? __( 'Loading…', 'cognito-blocks' ) }
			</p>
		</div>
	);
}

export interface StepLoadFailedProps {
	onRetry: () => void;
}

/**
 * The step's code could not be fetched (offline, a deploy replaced the chunk): say so and offer a retry.
 * @param root0
 * @param root0.onRetry
 */
export function StepLoadFailed( { onRetry }: StepLoadFailedProps ) {
	return (
		<div className="cognito-blocks-form cognito-blocks__step cognito-blocks__step--loading">
			<div className="cognito-blocks__error cognito-blocks__error--shown">
				<div role="alert" className="cognito-blocks__alert">
					<p className="cognito-blocks__alert-text">
						{ __(
							'This step could not be loaded. Check your connection and try again.',
							'cognito-blocks'
						) }
					</p>
				</div>
				<button
					type="button"
					className="cognito-blocks__button cognito-blocks__button--secondary cognito-blocks__retry"
					onClick={ onRetry }
				>
					{ __( 'Try again', 'cognito-blocks' ) }
				</button>
			</div>
		</div>
	);
}
