<?php
/**
 * The single sign-on settings.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Settings;

use CognitoBlocks\Sso\HostedUi;

/**
 * The rows of the settings table (Fields) for sign-in through the pool's hosted UI and its identity providers:
 * where the hosted UI is, which buttons to offer, and whether signing out of WordPress also ends the hosted UI's
 * session. The only per-site values Cognito needs (this site's callback and sign-out URLs) are shown in the help
 * text for copying into the app client; nothing site-specific is stored in Cognito.
 */
final class SsoFields {

	/**
	 * The rows, in the order the settings page shows them.
	 *
	 * @return list<Field>
	 */
	public static function declared(): array {
		return array(
			new Field(
				name: 'hosted_ui_domain',
				default: '',
				rule: Rule::url(),
				label: static fn() => __( 'Hosted UI domain', 'cognito-blocks' ),
				help: static fn() => sprintf(
					/* translators: 1: this site's callback URL, 2: this site's sign-out URL. */
					__( 'The user pool\'s domain, such as https://example.auth.eu-west-1.amazoncognito.com, or its custom domain. Leave empty to offer no single sign-on buttons. In the app client, allow the authorization code grant with the scopes openid, email, profile and aws.cognito.signin.user.admin, add %1$s to the allowed callback URLs and %2$s to the allowed sign-out URLs.', 'cognito-blocks' ),
					HostedUi::callback_url(),
					HostedUi::signed_out_url()
				),
				section: 'sso'
			),
			new Field(
				name: 'sso_providers',
				default: array(),
				rule: Rule::provider_list(),
				label: static fn() => __( 'Sign-in buttons', 'cognito-blocks' ),
				help: static fn() => __( 'One button per identity provider, in this order: COGNITO for the hosted sign-in page itself, or the name of a provider of the pool (Google, Facebook, SignInWithApple, LoginWithAmazon, or your SAML or OIDC provider\'s name). Leave a label empty for "Continue with …". With no rows, one button opens the hosted sign-in page.', 'cognito-blocks' ),
				section: 'sso'
			),
			new Field(
				name: 'hosted_ui_sign_out',
				default: true,
				rule: Rule::boolean(),
				label: static fn() => __( 'Signing out also ends the hosted UI session', 'cognito-blocks' ),
				help: static fn() => __( 'When someone who signed in through a single sign-on button signs out of this site, send them through the hosted UI\'s sign-out too, so the next button press asks for their password again (on a shared computer, the next person is not signed in as them). Off: they stay signed in to the hosted UI and to the other sites that use it.', 'cognito-blocks' ),
				section: 'sso'
			),
		);
	}
}
