/**
 * One mounted profile form (its own chunk, build/profile.js, loaded only where a profile is printed): the profile
 * flow over the form's services, the password checklist of the pool's policy and the authenticator's QR code.
 * When the flow ends the WordPress session (signed out everywhere, account deleted) it navigates once.
 */
import { useMemo, useRef } from 'react';
import type { Root } from 'react-dom/client';
import { createCognitoProfileGateway } from '../auth/profile/cognito-gateway';
import { checkPassword, resolvePolicy } from '../auth/password-policy';
import {
	profileFlow,
	type ProfileTypes,
	ProfileServices,
} from '../auth/profile/flow';
import { otpauthUri } from '../auth/totp';
import {
	profileConfigFromAttributes,
	type ProfileFormConfig,
} from '../components/profile/config';
import { ProfileView } from '../components/profile/ProfileView';
import { useCooldown } from '../hooks/useCooldown';
import { useFlow } from '../hooks/useFlow';
import type { MountConfig } from './config';
import { useQrDataUrl } from './qr-code';
import { resolveRedirect, type FormServices } from './services';
import { createSiteAccountService } from './site-account';

export interface ProfileFormProps {
	config: ProfileFormConfig;
	services: ProfileServices;
	/** Where to go once this session has ended. */
	afterSignOut: string;
	totpIssuer: string;
	passwordPolicy?: Parameters< typeof resolvePolicy >[ 0 ];
	navigate: ( url: string ) => void;
}

export function ProfileForm( props: ProfileFormProps ) {
	const navigated = useRef( false );
	const flow = useFlow< ProfileTypes >( profileFlow, {
		...props.services,
		onDone() {
			if ( ! navigated.current ) {
				navigated.current = true;
				props.navigate( props.afterSignOut );
			}
		},
	} );
	const checker = useMemo( () => {
		const policy = resolvePolicy( props.passwordPolicy );
		return ( value: string ) => checkPassword( policy, value );
	}, [ props.passwordPolicy ] );
	const secret = flow.context.totpSecret;
	const account =
		flow.context.account?.attributes.email ||
		flow.context.site?.username ||
		'';
	const uri = secret
		? otpauthUri( secret, account, props.totpIssuer )
		: undefined;
	const qr = useQrDataUrl( uri );
	const cooldown = useCooldown( flow.context.pending?.resendAvailableAt );
	return (
		<ProfileView
			flow={ flow }
			config={ props.config }
			checkPassword={ checker }
			otpauthUri={ uri }
			qrDataUrl={ qr }
			resendCooldown={ cooldown }
		/>
	);
}

/**
 * Renders the profile on a mount point (mount.tsx checked that the configuration names the endpoints). Its
 * Cognito calls share the account forms' token storage, so a sign-in on this page is the profile's session too.
 * @param root
 * @param config
 * @param services
 */
export function renderProfile(
	root: Root,
	config: MountConfig,
	services: FormServices
): void {
	const { cognito } = config;
	if ( ! cognito ) {
		return;
	}
	const profile: ProfileServices = {
		profile: createCognitoProfileGateway( {
			clientId: cognito.clientId,
			request: services.cognitoRequest,
			storage: services.storage,
		} ),
		auth: services.gateway,
		site: createSiteAccountService( {
			sessionUrl: config.sessionUrl ?? '',
			accountUrl: config.accountUrl ?? '',
			nonceUrl: config.nonceUrl ?? '',
		} ),
	};
	root.render(
		<ProfileForm
			config={ profileConfigFromAttributes( config.attributes ) }
			services={ profile }
			afterSignOut={ resolveRedirect(
				config.attributes.signOutRedirectUrl,
				services.redirectTo
			) }
			totpIssuer={ services.totpIssuer }
			passwordPolicy={ services.passwordPolicy }
			navigate={ services.navigate }
		/>
	);
}
