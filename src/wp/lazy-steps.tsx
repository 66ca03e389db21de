/**
 * The steps beyond sign-in, loaded on demand: webpack puts ./other-steps.tsx (sign-up, codes, password reset,
 * forced new password, MFA, with the password checklist and the QR code) in its own chunk (build/account-steps.js). A sign-in page loads it only when the
 * visitor starts using the form, or when a step needs it; the register and reset-password pages load it before
 * they mount, so their first step appears at once. Loading code is I/O, so it happens here, not in the views.
 */
import {
	Component,
	Suspense,
	lazy,
	useState,
	type ComponentType,
	type ReactNode,
} from 'react';
import type { StepViewProps } from '../components/account-flow/steps';
import { StepLoadFailed, StepLoading } from '../components/step-loading';

type OtherSteps = ComponentType< StepViewProps >;

let pending: Promise< OtherSteps > | undefined;
/** Set once the chunk is in: later steps render it directly, without a Suspense round (no flash of "Loading…"). */
let loaded: OtherSteps | undefined;

/** Starts loading the chunk (once); a failed load is forgotten, so the next call tries again. */
export function loadOtherSteps(): Promise< OtherSteps > {
	pending ??= import(
		/* webpackChunkName: "account-steps" */ './other-steps'
	).then(
		( module ) => ( loaded = module.OtherSteps ),
		( error: unknown ) => {
			pending = undefined;
			throw error;
		}
	);
	return pending;
}

const lazyOtherSteps = () =>
	lazy( () => loadOtherSteps().then( ( steps ) => ( { default: steps } ) ) );
let Lazy = lazyOtherSteps();

class LoadBoundary extends Component<
	{ children: ReactNode; onRetry: () => void },
	{ failed: boolean }
> {
	override state = { failed: false };

	static getDerivedStateFromError() {
		return { failed: true };
	}

	override render() {
		return this.state.failed ? (
			<StepLoadFailed onRetry={ this.props.onRetry } />
		) : (
			this.props.children
		);
	}
}

export function LazyOtherSteps( props: StepViewProps ) {
	const [ attempt, setAttempt ] = useState( 0 );
	if ( loaded ) {
		const Steps = loaded;
		return <Steps { ...props } />;
	}
	const retry = () => {
		// React.lazy remembers a rejection; a fresh one asks for the chunk again.
		Lazy = lazyOtherSteps();
		setAttempt( ( count ) => count + 1 );
	};
	return (
		<LoadBoundary key={ attempt } onRetry={ retry }>
			<Suspense fallback={ <StepLoading /> }>
				<Lazy { ...props } />
			</Suspense>
		</LoadBoundary>
	);
}
