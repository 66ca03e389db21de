/**
 * The form-level error region. The `role="alert"` container is always in the DOM, so screen readers already
 * watch it when a message is inserted. The text is keyed by its content, not by object identity: owners may
 * build a new error object on every render, and a re-render must not repeat the announcement. Form hides the
 * error while busy, so the same message after a second failed attempt is inserted, and announced, again.
 */
import { __ } from '@wordpress/i18n';
import { cx } from '../class-names';
import type { FormError } from '../types';

export interface ErrorMessageProps {
	error?: FormError | null;
	retryLabel?: string;
	className?: string;
}

export function ErrorMessage( {
	error,
	retryLabel,
	className,
}: ErrorMessageProps ) {
	const retry = error?.retry;
	return (
		<div
			className={ cx(
				'cognito-blocks__error',
				Boolean( error ) && 'cognito-blocks__error--shown',
				className
			) }
		>
			<div
				role="alert"
				aria-atomic="true"
				className="cognito-blocks__alert"
				data-code={ error?.code }
			>
				{ error && (
					<p
						key={ `${ error.code }:${ error.message }` }
						className="cognito-blocks__alert-text"
					>
						{ error.message }
					</p>
				) }
				{ error?.link && (
					<p className="cognito-blocks__alert-text cognito-blocks__alert-link">
						<a href={ error.link.href }>{ error.link.label }</a>
					</p>
				) }
			</div>
			{ retry && (
				<button
					type="button"
					className="cognito-blocks__button cognito-blocks__button--secondary cognito-blocks__retry"
					onClick={ ( event ) => {
						// The button disappears with the error; keep keyboard users in the form, on its submit button.
						const submit =
							event.currentTarget.form?.querySelector< HTMLElement >(
								'[type="submit"]'
							);
						retry();
						submit?.focus();
					} }
				>
					{ retryLabel ?? __( 'Try again', 'cognito-blocks' ) }
				</button>
			) }
		</div>
	);
}
