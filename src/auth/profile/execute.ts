/**
 * How the profile flow's requests are performed (flow.ts's `execute`): through the Cognito gateway, the account
 * gateway (password prompts reuse SRP sign-in) and the WordPress site service.
 *
 * The browser's tokens are only used for the WordPress user they belong to: their `sub` must equal the link
 * WordPress reports, or they are forgotten and the password is asked for.
 */
import { authError } from '../errors';
import type { SignInResult } from '../types';
import type { ProfileServices } from './flow';
import type { ProfileSession, SiteAccount } from './gateway';
import type { ProfileOutcome, ProfileRequest } from './types';

export const isFederated = ( claims: Record< string, unknown > | undefined ) =>
	Array.isArray( claims?.identities ) && claims.identities.length > 0;

async function loaded(
	{ profile }: ProfileServices,
	site: SiteAccount,
	session: ProfileSession
): Promise< ProfileOutcome > {
	return {
		kind: 'loaded',
		site,
		account: await profile.getAccount(),
		federated: isFederated( session.claims ),
	};
}

/**
 * After a password prompt: a session of another Cognito user than the one this WordPress account is linked to is
 * dropped and refused, whatever password the visitor knows.
 * @param result
 * @param services
 * @param site
 */
async function afterSignIn(
	result: SignInResult,
	services: ProfileServices,
	site: SiteAccount
): Promise< ProfileOutcome > {
	switch ( result.type ) {
		case 'signedIn': {
			const session = await services.profile.current();
			if ( ! session || session.claims.sub !== site.sub ) {
				services.profile.forget();
				throw authError( 'wrong_account' );
			}
			return loaded( services, site, session );
		}
		case 'mfaRequired':
			return {
				kind: 'mfaRequired',
				mfaType: 'SMS_MFA',
				delivery: result.delivery,
			};
		case 'totpRequired':
			return { kind: 'mfaRequired', mfaType: 'SOFTWARE_TOKEN_MFA' };
		default:
			throw authError( 'unsupported_challenge' );
	}
}

/**
 * After a change Cognito accepted: a fresh ID token for WordPress, and the account as Cognito now has it.
 * @param services
 * @param site
 */
async function synced( services: ProfileServices, site: SiteAccount ) {
	const session = await services.profile.refresh();
	const fields = await services.site.sync( session.idToken );
	return {
		account: await services.profile.getAccount(),
		site: { ...site, ...fields },
	};
}

/**
 * A fresh password check whose tokens belong to this WordPress user (deleting the account needs one).
 * @param services
 * @param site
 * @param password
 */
async function freshSignIn(
	services: ProfileServices,
	site: SiteAccount,
	password: string
) {
	const result = await services.auth.signIn( {
		username: site.username,
		password,
	} );
	if ( result.type !== 'signedIn' ) {
		throw authError( 'unsupported_challenge' );
	}
	const session = await services.profile.current();
	if ( ! session || session.claims.sub !== site.sub ) {
		services.profile.forget();
		throw authError( 'wrong_account' );
	}
	return session;
}

export async function execute(
	request: ProfileRequest,
	services: ProfileServices
): Promise< ProfileOutcome > {
	const { profile, auth, site: wordpress } = services;
	switch ( request.kind ) {
		case 'load': {
			const site = await wordpress.whoami();
			if ( ! site.linked || ! site.sub ) {
				return { kind: 'unlinked', site };
			}
			const session = await profile.current();
			if ( ! session ) {
				return { kind: 'needPassword', site };
			}
			if ( session.claims.sub !== site.sub ) {
				// Tokens of someone else who used this browser: never show their data to this WordPress user.
				profile.forget();
				return { kind: 'needPassword', site };
			}
			return loaded( services, site, session );
		}
		case 'reauth':
			return afterSignIn(
				await auth.signIn( {
					username: request.site.username,
					password: request.password,
				} ),
				services,
				request.site
			);
		case 'reauthMfa':
			return afterSignIn(
				await auth.sendMfaCode( {
					code: request.code,
					mfaType: request.mfaType,
				} ),
				services,
				request.site
			);
		case 'save': {
			const deliveries = await profile.updateAttributes(
				request.changes
			);
			const { account, site } = await synced( services, request.site );
			const name = ( [ 'email', 'phone_number' ] as const ).find(
				( attribute ) => attribute in request.changes
			);
			const delivery =
				deliveries.find( ( d ) => d.attributeName === name ) ??
				deliveries[ 0 ];
			return {
				kind: 'saved',
				account,
				site,
				pending:
					name && deliveries.length > 0
						? {
								name,
								delivery,
								// With "keep original value active" the account still shows the old value.
								activeUnverified:
									account.attributes[ name ] !==
									request.before[ name ],
							}
						: undefined,
			};
		}
		case 'verify': {
			await profile.verifyAttribute( request );
			const { account, site } = await synced( services, request.site );
			return { kind: 'account', account, site, notice: 'verified' };
		}
		case 'resend':
			return {
				kind: 'codeSent',
				delivery: await profile.resendAttributeCode( request ),
			};
		case 'changePassword':
			await profile.changePassword( request );
			return { kind: 'passwordChanged' };
		case 'signOutOthers': {
			// Cognito ends every session of the user, this one included; this browser signs in again at once.
			await profile.globalSignOut();
			await freshSignIn( services, request.site, request.password );
			await wordpress.signOut( { everywhere: true, keepThis: true } );
			return {
				kind: 'account',
				account: await profile.getAccount(),
				notice: 'othersSignedOut',
			};
		}
		case 'setupTotp':
			return {
				kind: 'totpSecret',
				secret: ( await profile.associateTotp() ).secret,
			};
		case 'verifyTotp':
			await profile.verifyTotp( request );
			// A verified authenticator is not a sign-in factor until the preference turns it on.
			await profile.setMfaPreference( {
				totp: { enabled: true, preferred: true },
			} );
			return {
				kind: 'account',
				account: await profile.getAccount(),
				notice: 'totpEnabled',
			};
		case 'disableTotp':
			await profile.setMfaPreference( {
				totp: { enabled: false, preferred: false },
			} );
			return {
				kind: 'account',
				account: await profile.getAccount(),
				notice: 'totpDisabled',
			};
		case 'setSms':
			// The authenticator stays the preferred factor when there is one; text messages are the fallback.
			await profile.setMfaPreference( {
				sms: {
					enabled: request.enabled,
					preferred: request.enabled && ! request.totpOn,
				},
			} );
			return {
				kind: 'account',
				account: await profile.getAccount(),
				notice: request.enabled ? 'smsEnabled' : 'smsDisabled',
			};
		case 'setPreferred': {
			const totp = request.mfaType === 'SOFTWARE_TOKEN_MFA';
			await profile.setMfaPreference( {
				totp: { enabled: true, preferred: totp },
				sms: { enabled: true, preferred: ! totp },
			} );
			return {
				kind: 'account',
				account: await profile.getAccount(),
				notice: 'preferredChanged',
			};
		}
		case 'signOutEverywhere':
			await profile.globalSignOut();
			await wordpress.signOut( { everywhere: true } );
			return { kind: 'signedOut' };
		case 'deleteAccount': {
			const session = await freshSignIn(
				services,
				request.site,
				request.password
			);
			await profile.deleteUser();
			await wordpress.deleteAccount( session.idToken );
			return { kind: 'deleted' };
		}
	}
}
