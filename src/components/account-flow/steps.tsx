/**
 * One view per flow step. Each view gets the visitor's earlier inputs back as default values and turns its
 * submission into exactly one flow event; which step comes next is the machine's decision, not the view's.
 */
import type { ComponentType } from 'react';
import { __ } from '@wordpress/i18n';
import type { AuthContext } from '../../auth/facade';
import type { AuthStep, UserEvent } from '../../auth/types';
import { SignInForm } from '../sign-in-form';
import { StatusView } from '../status-view';
import type { FocusTarget, FormError, PasswordChecker } from '../types';
import type { AccountFormConfig } from './config';

export interface StepViewProps {
	step: AuthStep;
	context: AuthContext;
	config: AccountFormConfig;
	send: ( event: UserEvent ) => void;
	busy: boolean;
	error?: FormError;
	focusOnMount: FocusTarget;
	/** Link to another entry step: leaves the page when the form has a URL for it, else switches in place. */
	links: {
		forgotPassword?: () => void;
		createAccount?: () => void;
		signIn?: () => void;
		/** Challenge steps always go back in place: a new page would lose the half-finished sign-in. */
		backToSignIn: () => void;
	};
	resend: {
		onResend: () => void;
		cooldown: number;
		busy: boolean;
		notice?: string;
	};
	checkPassword?: PasswordChecker;
	qrDataUrl?: string;
	/**
	 * Renders every step but sign-in and "signing you in": other-steps.tsx's OtherStepView, or on the front end a
	 * lazily loaded wrapper of it, so the sign-in page's bundle does not carry the steps it rarely shows.
	 */
	otherSteps: ComponentType< StepViewProps >;
}

/**
 * What every step view shares. The block's heading, description and button text belong to the form's first
 * step only.
 * @param props
 */
export function stepTexts( props: StepViewProps ) {
	const entry = props.step === props.config.entry;
	return {
		busy: props.busy,
		error: props.error,
		focusOnMount: props.focusOnMount,
		headingLevel: props.config.headingLevel,
		...( entry && {
			heading: props.config.heading || undefined,
			description: props.config.description || undefined,
			submitLabel: props.config.submitLabel || undefined,
		} ),
	};
}

export function StepView( props: StepViewProps ) {
	const { step, context, config, send, links } = props;
	const common = stepTexts( props );

	switch ( step ) {
		case 'signIn':
			return (
				<SignInForm
					{ ...common }
					defaultValues={ {
						username: context.username,
						remember: context.remember,
					} }
					usernameKind={ config.usernameKind }
					showRemember={ config.showRemember }
					onForgotPassword={ links.forgotPassword }
					onCreateAccount={ links.createAccount }
					onSubmit={ ( { username, password, remember } ) =>
						send( {
							type: 'SUBMIT_SIGN_IN',
							username,
							password,
							remember,
						} )
					}
				/>
			);
		case 'done':
			return (
				<StatusView
					heading={ __( 'Signing you in…', 'cognito-blocks' ) }
					busy
					continueHref={ context.redirectTo }
					focusOnMount={ props.focusOnMount }
					headingLevel={ config.headingLevel }
				/>
			);
		default: {
			const Other = props.otherSteps;
			return <Other { ...props } />;
		}
	}
}
