/**
 * The form's first step as the visitor will see it, with nothing behind it: the block editor shows this so the
 * preview and the front end are the same markup and the same styles. Submitting and links do nothing.
 */
import { checkPassword, resolvePolicy } from '../../auth/password-policy';
import type { AccountFormConfig } from './config';
import { AccountFlow } from './complete';

export interface AccountFlowPreviewProps {
	config: AccountFormConfig;
}

const policy = resolvePolicy();
const previewChecklist = ( value: string ) => checkPassword( policy, value );

export function AccountFlowPreview( { config }: AccountFlowPreviewProps ) {
	return (
		<AccountFlow
			config={ config }
			flow={ {
				step: config.entry,
				context: { username: '', attributes: {}, remember: false },
				busy: false,
				send: () => undefined,
			} }
			onNavigate={ () => undefined }
			checkPassword={ previewChecklist }
		/>
	);
}
