/**
 * "Resend code" with a cool-down. The flow owns the deadline and its owner counts it down (src/hooks'
 * useCooldown); the button only shows the seconds it is given, so it stays a pure view. It stays focusable
 * while unavailable (`aria-disabled`), so the visitor who just pressed it is not dropped back to the page.
 */
import { __, _n, sprintf } from '@wordpress/i18n';
import { cx } from '../class-names';

export interface ResendButtonProps {
	onResend: () => void;
	/** Whole seconds before a resend is allowed; 0 or undefined when it is allowed now. */
	cooldownSeconds?: number;
	/** While a resend request is in flight. */
	busy?: boolean;
	label?: string;
	className?: string;
}

export function ResendButton( {
	onResend,
	cooldownSeconds = 0,
	busy = false,
	label,
	className,
}: ResendButtonProps ) {
	const coolingDown = cooldownSeconds > 0;
	const unavailable = coolingDown || busy;
	const text = label ?? __( 'Resend code', 'cognito-blocks' );
	return (
		<button
			type="button"
			className={ cx(
				'cognito-blocks__button',
				'cognito-blocks__button--secondary',
				'cognito-blocks__resend',
				className
			) }
			aria-disabled={ unavailable || undefined }
			aria-busy={ busy || undefined }
			onClick={ () => {
				if ( ! unavailable ) {
					onResend();
				}
			} }
		>
			{ coolingDown
				? sprintf(
						/* translators: 1: "Resend code" button text, 2: seconds left before it can be used. */
						_n(
							'%1$s (%2$d second)',
							'%1$s (%2$d seconds)',
							cooldownSeconds,
							'cognito-blocks'
						),
						text,
						cooldownSeconds
					)
				: text }
		</button>
	);
}

/** The resend settings a code step takes and hands to its ResendButton. */
export interface ResendOptions {
	onResend?: () => void;
	/** Seconds left before "Resend code" can be used again. */
	resendCooldown?: number;
	resendBusy?: boolean;
	resendLabel?: string;
}

/**
 * A code step's resend button, or nothing when the step cannot resend (no `onResend`).
 * @param root0
 * @param root0.onResend
 * @param root0.resendCooldown
 * @param root0.resendBusy
 * @param root0.resendLabel
 */
export function resendAction( {
	onResend,
	resendCooldown,
	resendBusy,
	resendLabel,
}: ResendOptions ) {
	return (
		onResend && (
			<ResendButton
				onResend={ onResend }
				cooldownSeconds={ resendCooldown }
				busy={ resendBusy }
				label={ resendLabel }
			/>
		)
	);
}
