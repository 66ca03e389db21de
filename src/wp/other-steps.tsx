/**
 * What the on-demand chunk (build/account-steps.js, see ./lazy-steps.tsx) renders: the rarer step views, plus
 * the two things only they use, so neither weighs on a sign-in page's first load: the live checklist of the
 * pool's password policy and the QR code of an authenticator set-up (whose encoder is a further chunk).
 */
import { useContext, useMemo } from 'react';
import { checkPassword, resolvePolicy } from '../auth/password-policy';
import { OtherStepView } from '../components/account-flow/other-steps';
import type { StepViewProps } from '../components/account-flow/steps';
import { useQrDataUrl } from './qr-code';
import { FormServicesContext } from './services-context';

export function OtherSteps( props: StepViewProps ) {
	const configured = useContext( FormServicesContext )?.passwordPolicy;
	const checker = useMemo( () => {
		const policy = resolvePolicy( configured );
		return ( value: string ) => checkPassword( policy, value );
	}, [ configured ] );
	// Drawn only once the flow has a set-up URI, i.e. on the MFA_SETUP step; the encoder is fetched then.
	const qr = useQrDataUrl( props.context.otpauthUri );
	return (
		<OtherStepView
			{ ...props }
			checkPassword={ checker }
			qrDataUrl={ qr }
		/>
	);
}
