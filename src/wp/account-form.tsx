/**
 * One mounted account form: the flow (useAuthFlow over the form's services) rendered by the AccountFlow view.
 * Navigation happens here, once, when the flow reports that WordPress opened the session; the QR code of an
 * authenticator set-up is drawn here too, because loading its encoder is I/O the view must not do.
 */
import { useRef } from 'react';
import { AccountFlowView } from '../components/account-flow/AccountFlow';
import {
	entryStepOf,
	type AccountFormConfig,
} from '../components/account-flow/config';
import { useAuthFlow } from '../hooks/useAuthFlow';
import { LazyOtherSteps } from './lazy-steps';
import { useQrDataUrl } from './qr-code';
import type { FormServices } from './services';

export interface AccountFormProps {
	config: AccountFormConfig;
	services: FormServices;
}

export function AccountForm( { config, services }: AccountFormProps ) {
	const navigated = useRef( false );
	const flow = useAuthFlow( {
		gateway: services.gateway,
		session: services.session,
		initial: {
			step: entryStepOf( config.form ),
			redirectTo: services.redirectTo,
			totpIssuer: services.totpIssuer,
		},
		onDone( redirectTo ) {
			if ( ! navigated.current ) {
				navigated.current = true;
				services.navigate( redirectTo );
			}
		},
	} );
	// Drawn only once the flow has a set-up URI, i.e. on the MFA_SETUP step; the encoder is fetched then.
	const qr = useQrDataUrl( flow.context.otpauthUri );
	return (
		<AccountFlowView
			flow={ flow }
			otherSteps={ LazyOtherSteps }
			config={ config }
			onNavigate={ services.navigate }
			checkPassword={ services.checkPassword }
			qrDataUrl={ ( uri ) =>
				uri === flow.context.otpauthUri ? qr : undefined
			}
		/>
	);
}
