/**
 * The account flow as one view: picks the step view for the flow's current step and wires its links, resend
 * cool-down and retry to flow events. It performs no I/O: the flow (src/hooks' useAuthFlow) and navigation come
 * in as props, so the same component runs on the page, in the editor preview and in tests.
 */
import { useRef, type ComponentType } from 'react';
import { __ } from '@wordpress/i18n';
import type { Clock } from '../../auth/clock';
import type { AuthContext } from '../../auth/facade';
import type { AuthState, AuthStep, UserEvent } from '../../auth/types';
import { useCooldown } from '../../hooks/useCooldown';
import type { FormError, PasswordChecker } from '../types';
import type { AccountFormConfig } from './config';
import { StepView, type StepViewProps } from './steps';

/** What the view needs from a flow; useAuthFlow's result satisfies it. */
export interface AccountFlowModel {
	step: AuthStep;
	context: AuthContext;
	error?: FormError;
	busy: boolean;
	send: ( event: UserEvent ) => void;
	/** The full state, used only to tell a resend apart from other requests in flight. */
	state?: AuthState;
}

export interface AccountFlowProps {
	flow: AccountFlowModel;
	config: AccountFormConfig;
	/** Follows a link that leaves the form (a configured page URL). */
	onNavigate?: ( url: string ) => void;
	checkPassword?: PasswordChecker;
	/** QR image of the TOTP set-up URI, when the owner can draw one. */
	qrDataUrl?: ( otpauthUri: string ) => string | undefined;
	clock?: Clock;
	/** The views of the steps beyond sign-in: see StepViewProps.otherSteps. */
	otherSteps: ComponentType< StepViewProps >;
}

/**
 * "We sent a new code." once the resend deadline moved within the same step, i.e. a resend went through.
 * @param step
 * @param availableAt
 */
function useResentNotice(
	step: AuthStep,
	availableAt: number | undefined
): string | undefined {
	const first = useRef< { step: AuthStep; at?: number } >( {
		step,
		at: availableAt,
	} );
	if ( first.current.step !== step ) {
		first.current = { step, at: availableAt };
	}
	return availableAt !== undefined && availableAt !== first.current.at
		? __( 'We sent a new code.', 'cognito-blocks' )
		: undefined;
}

/**
 * Errors that an account without a Cognito link meets when its owner uses the Cognito form: not a pool user
 * ("Incorrect username or password"), or a pool user without an account here while new accounts are not created.
 */
const PASSWORD_PATH_ERRORS: readonly string[] = [
	'not_authorized',
	'creation_disabled',
];

/**
 * The error, pointing to the WordPress-password sign-in when the form has one (wp-login.php) and the error is one
 * its users meet in the wrong form, such as the site's administrator.
 * @param error
 * @param passwordSignInUrl
 */
export function withPasswordPath(
	error: FormError | undefined,
	passwordSignInUrl: string
): FormError | undefined {
	if ( ! error || ! passwordSignInUrl ) {
		return error;
	}
	if ( ! PASSWORD_PATH_ERRORS.includes( error.code ) ) {
		return error;
	}
	return {
		...error,
		link: {
			href: passwordSignInUrl,
			label: __(
				'Site administrators: sign in with your WordPress password',
				'cognito-blocks'
			),
		},
	};
}

/**
 * The flow with its step views injected; AccountFlow (complete.tsx) passes them all, the front end a lazy loader.
 * @param props
 * @param props.flow
 * @param props.config
 * @param props.onNavigate
 * @param props.checkPassword
 * @param props.qrDataUrl
 * @param props.clock
 * @param props.otherSteps
 */
export function AccountFlowView( {
	flow,
	config,
	onNavigate,
	checkPassword,
	qrDataUrl,
	clock,
	otherSteps,
}: AccountFlowProps ) {
	const { step, context, send } = flow;
	// The step shown on page load must not steal focus; every later step moves focus to its heading.
	const initialStep = useRef( step );
	const moved = useRef( false );
	if ( step !== initialStep.current ) {
		moved.current = true;
	}
	const cooldown = useCooldown( context.resendAvailableAt, clock );
	const notice = useResentNotice( step, context.resendAvailableAt );
	const pending = flow.state?.request?.kind;

	const goTo =
		( target: 'signIn' | 'signUp' | 'forgotPassword', url: string ) =>
		() => {
			if ( url && onNavigate ) {
				onNavigate( url );
			} else {
				send( { type: 'GO_TO', step: target } );
			}
		};

	return (
		<StepView
			// A new step is a new form: fresh react-hook-form state, defaults from the flow's context.
			key={ step }
			step={ step }
			context={ context }
			config={ config }
			send={ send }
			busy={ flow.busy }
			error={ withPasswordPath( flow.error, config.passwordSignInUrl ) }
			focusOnMount={ moved.current ? 'heading' : 'none' }
			links={ {
				forgotPassword: config.showForgotPassword
					? goTo( 'forgotPassword', config.forgotPasswordUrl )
					: undefined,
				createAccount: config.showCreateAccount
					? goTo( 'signUp', config.createAccountUrl )
					: undefined,
				signIn: config.showSignIn
					? goTo( 'signIn', config.signInUrl )
					: undefined,
				backToSignIn: () => send( { type: 'GO_TO', step: 'signIn' } ),
			} }
			resend={ {
				onResend: () => send( { type: 'RESEND_CODE' } ),
				cooldown,
				busy:
					pending === 'resendCode' ||
					( pending === 'forgotPassword' &&
						step === 'confirmResetPassword' ),
				notice,
			} }
			checkPassword={ checkPassword }
			otherSteps={ otherSteps }
			qrDataUrl={
				context.otpauthUri && qrDataUrl
					? qrDataUrl( context.otpauthUri )
					: undefined
			}
		/>
	);
}
