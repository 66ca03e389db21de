/**
 * The single sign-on chunk ("sso"): starts a sign-in when a button is pressed, and finishes it on the callback
 * page (php/Sso/CallbackPage.php), handing the ID token to the session endpoint like every other form.
 */
import type { Root } from 'react-dom/client';
import { __, sprintf } from '@wordpress/i18n';
import { StatusView } from '../components/status-view';
import { ErrorMessage } from '../components/error-message';
import { decodeClaims, tokenCache } from '../auth/profile/tokens';
import type { StorageLike } from '../auth/storage';
import {
	authorizeUrl,
	finishSignIn,
	SsoError,
	type SsoConfig,
} from './hosted-ui';
import type { FormServices } from './services';

export interface SsoContext {
	sso: SsoConfig;
	clientId: string;
	/** This tab's sessionStorage (null when the browser refuses it). */
	pending: StorageLike | null;
}

/**
 * Leaves for the hosted UI (or the provider it names).
 * @param context
 * @param services
 * @param provider
 */
export async function startSignIn(
	context: SsoContext,
	services: FormServices,
	provider: string
): Promise< void > {
	services.navigate(
		await authorizeUrl( {
			sso: context.sso,
			clientId: context.clientId,
			provider,
			returnTo: services.redirectTo,
			storage: context.pending,
		} )
	);
}

function failureMessage( error: unknown ): string {
	if ( error instanceof SsoError ) {
		switch ( error.reason ) {
			case 'storage':
				return __(
					'This browser blocks the storage single sign-on needs. Allow this site to store data, or sign in with your password.',
					'cognito-blocks'
				);
			case 'state':
				return __(
					'This sign-in link is no longer valid: it was already used, or it was started in another tab or browser. Please start again.',
					'cognito-blocks'
				);
			case 'provider':
				return sprintf(
					/* translators: %s: the reason the identity provider gave, in its own words. */
					__(
						'The sign-in was cancelled or refused (%s). Nothing was changed; you can try again.',
						'cognito-blocks'
					),
					error.message
				);
			default:
				return __(
					'The sign-in could not be completed with the user pool. Please start again.',
					'cognito-blocks'
				);
		}
	}
	const code = ( error as { code?: unknown } )?.code;
	const message = ( error as { message?: unknown } )?.message;
	if (
		typeof code === 'string' &&
		code.startsWith( 'cognito_blocks_login' ) &&
		typeof message === 'string'
	) {
		return message; // the site's own (translated) reason, e.g. accounts cannot be created
	}
	return __(
		'This site could not sign you in. Please try again in a moment.',
		'cognito-blocks'
	);
}

/**
 * The callback page: finishes the sign-in and goes where the visitor started, or says what went wrong with a
 * way back, never a blank page.
 * @param root
 * @param context
 * @param services
 * @param href       The callback URL as the browser received it.
 * @param replaceUrl Takes the code and state out of the address bar and history.
 */
export async function renderCallback(
	root: Root,
	context: SsoContext,
	services: FormServices,
	href: string,
	replaceUrl: () => void
): Promise< void > {
	const heading = __( 'Signing in', 'cognito-blocks' );
	root.render(
		<StatusView
			heading={ heading }
			message={ __( 'Signing you in…', 'cognito-blocks' ) }
			busy
		/>
	);
	let back = services.redirectTo;
	try {
		const tokens = await finishSignIn( {
			sso: context.sso,
			clientId: context.clientId,
			href,
			storage: context.pending,
		} );
		replaceUrl();
		back = tokens.returnTo || back;
		const claims = decodeClaims( tokens.idToken );
		const username = claims?.[ 'cognito:username' ];
		if ( typeof username === 'string' && tokens.refreshToken ) {
			// The profile form reads the session from here, as after a sign-in with a password.
			tokenCache( services.storage, context.clientId ).write( {
				username,
				idToken: tokens.idToken,
				accessToken: tokens.accessToken,
				refreshToken: tokens.refreshToken,
			} );
		}
		const { redirectTo } = await services.session.createSession( {
			idToken: tokens.idToken,
			refreshToken: tokens.refreshToken,
			remember: false,
			redirectTo: back,
			hostedUi: true,
		} );
		root.render(
			<StatusView
				message={ __( 'Taking you back…', 'cognito-blocks' ) }
				busy
				continueHref={ redirectTo }
			/>
		);
		services.navigate( redirectTo );
	} catch ( error ) {
		replaceUrl();
		root.render(
			<div className="cognito-blocks-form cognito-blocks__step">
				<h2 className="cognito-blocks__heading">
					{ __( 'You are not signed in', 'cognito-blocks' ) }
				</h2>
				<ErrorMessage
					error={ {
						code: 'sso_failed',
						message: failureMessage( error ),
						link: {
							href: back || '/',
							label: __(
								'Go back and try again',
								'cognito-blocks'
							),
						},
					} }
				/>
			</div>
		);
	}
}
