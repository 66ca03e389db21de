/**
 * The live password-policy checklist. Pure: it renders rules computed elsewhere, either passed in directly or
 * produced by a `check( policy, value )` function, so the policy logic lives with the flow and stays testable.
 */
import { __ } from '@wordpress/i18n';
import { cx } from '../class-names';
import type { PasswordRule } from '../types';

interface CommonProps {
	className?: string;
	/** Text before the list, e.g. "Your password needs:". */
	title?: string;
}

export type PasswordChecklistProps< P = unknown > = CommonProps &
	(
		| { rules: readonly PasswordRule[] }
		| {
				policy: P;
				value: string;
				check: ( policy: P, value: string ) => readonly PasswordRule[];
		  }
	);

export function PasswordChecklist< P = unknown >(
	props: PasswordChecklistProps< P >
) {
	const rules =
		'rules' in props
			? props.rules
			: props.check( props.policy, props.value );
	if ( rules.length === 0 ) {
		return null;
	}
	return (
		<div className={ cx( 'cognito-blocks__checklist', props.className ) }>
			<p className="cognito-blocks__checklist-title">
				{ props.title ??
					__( 'Your password needs:', 'cognito-blocks' ) }
			</p>
			<ul className="cognito-blocks__checklist-items">
				{ rules.map( ( { rule, met, label } ) => (
					<li
						key={ rule }
						className={ cx(
							'cognito-blocks__rule',
							met && 'cognito-blocks__rule--met'
						) }
						data-rule={ rule }
						data-met={ met }
					>
						<RuleIcon met={ met } />
						<span className="cognito-blocks__rule-label">
							{ label }
						</span>
						{ /* The icon's meaning, for those who cannot see it. */ }
						<span className="cognito-blocks__sr-only">
							{ ' ' }
							{ met
								? __( '(done)', 'cognito-blocks' )
								: __( '(not yet)', 'cognito-blocks' ) }
						</span>
					</li>
				) ) }
			</ul>
		</div>
	);
}

function RuleIcon( { met }: { met: boolean } ) {
	return (
		<svg
			className="cognito-blocks__rule-icon"
			viewBox="0 0 16 16"
			width="16"
			height="16"
			aria-hidden="true"
			focusable="false"
		>
			{ met ? (
				<path
					fill="none"
					stroke="currentColor"
					strokeWidth="2"
					d="M3 8.5l3 3 7-7"
				/>
			) : (
				<circle
					cx="8"
					cy="8"
					r="5"
					fill="none"
					stroke="currentColor"
					strokeWidth="1.5"
				/>
			) }
		</svg>
	);
}
