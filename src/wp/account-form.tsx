/**
 * One mounted account form: the flow (useAuthFlow over the form's services) rendered by the AccountFlow view.
 * Navigation happens here, once, when the flow reports that WordPress opened the session.
 */
import { useRef } from 'react';
import {
	AccountFlow,
	entryStepOf,
	type AccountFormConfig,
} from '../components/account-flow';
import { useAuthFlow } from '../hooks/useAuthFlow';
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
	return (
		<AccountFlow
			flow={ flow }
			config={ config }
			onNavigate={ services.navigate }
			checkPassword={ services.checkPassword }
		/>
	);
}
