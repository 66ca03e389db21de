/**
 * One mounted account form: the flow (useAuthFlow over the form's services) rendered by the AccountFlow view.
 * Navigation happens here, once, when the flow reports that WordPress opened the session. The steps after
 * sign-in come from ./lazy-steps.tsx and read the services from FormServicesContext.
 */
import { useRef } from 'react';
import { AccountFlowView } from '../components/account-flow/AccountFlow';
import type { AccountFormConfig } from '../components/account-flow/config';
import { useAuthFlow } from '../hooks/useAuthFlow';
import { LazyOtherSteps } from './lazy-steps';
import type { FormServices } from './services';
import { FormServicesContext } from './services-context';

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
			step: config.entry,
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
	return (
		<FormServicesContext.Provider value={ services }>
			<AccountFlowView
				flow={ flow }
				otherSteps={ LazyOtherSteps }
				config={ config }
				onNavigate={ services.navigate }
			/>
		</FormServicesContext.Provider>
	);
}
