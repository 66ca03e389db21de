<?php
/**
 * The pool's hosted UI as this site uses it.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Sso;

use CognitoBlocks\Settings\Config;

/**
 * Everything single sign-on needs to know about the hosted UI: this site's two URLs (the callback that finishes a
 * sign-in, the page a hosted-UI sign-out comes back to), the buttons to offer, and what the browser is given to
 * start a sign-in (authorization code with PKCE, see src/auth/hosted-ui.ts).
 *
 * Both URLs are fixed addresses on wp-login.php, which page caches leave alone, and are the only values of this
 * site the app client holds: several sites on one pool each add their own two.
 */
final class HostedUi {

	/**
	 * The wp-login.php action of the callback.
	 */
	public const CALLBACK_ACTION = 'cognito-blocks-sso';

	/**
	 * What every sign-in asks for: the ID token's identity claims, and the access token's right to read and
	 * change the user's own account (the profile form's calls, which Cognito accepts only with this scope).
	 */
	public const SCOPES = array( 'openid', 'email', 'profile', 'aws.cognito.signin.user.admin' );

	/**
	 * The provider name of the hosted sign-in page itself.
	 */
	public const HOSTED_PAGE = 'COGNITO';

	/**
	 * The redirect URI: where the hosted UI sends the browser back with a code.
	 */
	public static function callback_url(): string {
		return site_url( 'wp-login.php?action=' . self::CALLBACK_ACTION, 'login' );
	}

	/**
	 * The sign-out URL: where the hosted UI's /logout sends the browser, core's "You are now logged out" screen.
	 */
	public static function signed_out_url(): string {
		return site_url( 'wp-login.php?loggedout=true', 'login' );
	}

	/**
	 * Whether single sign-on is set up: a pool, a client and the hosted UI's domain.
	 *
	 * @param Config $config Settings.
	 */
	public static function enabled( Config $config ): bool {
		return $config->is_configured() && '' !== $config->hosted_ui_domain();
	}

	/**
	 * The buttons, each with its label: the configured ones, or the hosted page alone.
	 *
	 * @param Config $config Settings.
	 * @return list<array{provider:string,label:string}>
	 */
	public static function buttons( Config $config ): array {
		$listed = $config->sso_providers();
		if ( array() === $listed ) {
			$listed = array(
				array(
					'provider' => self::HOSTED_PAGE,
					'label'    => '',
				),
			);
		}
		return array_map(
			static fn( array $entry ): array => array(
				'provider' => $entry['provider'],
				'label'    => '' !== $entry['label'] ? $entry['label'] : self::default_label( $entry['provider'] ),
			),
			$listed
		);
	}

	/**
	 * "Continue with Google" and the like, for a button without a label of its own.
	 *
	 * @param string $provider Provider name as the pool has it.
	 */
	public static function default_label( string $provider ): string {
		$brands = array(
			'Google'          => 'Google',
			'Facebook'        => 'Facebook',
			'SignInWithApple' => 'Apple',
			'LoginWithAmazon' => 'Amazon',
		);
		if ( self::HOSTED_PAGE === $provider ) {
			return __( 'Continue with single sign-on', 'cognito-blocks' );
		}
		return sprintf(
			/* translators: %s: an identity provider's name, such as Google or a company's SAML provider. */
			__( 'Continue with %s', 'cognito-blocks' ),
			$brands[ $provider ] ?? $provider
		);
	}

	/**
	 * What the browser needs to start and finish a sign-in; null when single sign-on is off.
	 *
	 * @param Config $config Settings.
	 * @return array{domain:string,issuer:string,callbackUrl:string,scopes:list<string>,providers:list<array{provider:string,label:string}>}|null
	 */
	public static function browser_config( Config $config ): ?array {
		if ( ! self::enabled( $config ) ) {
			return null;
		}
		return array(
			'domain'      => $config->hosted_ui_domain(),
			'issuer'      => $config->issuer(),
			'callbackUrl' => self::callback_url(),
			'scopes'      => self::SCOPES,
			'providers'   => self::buttons( $config ),
		);
	}

	/**
	 * The hosted UI's sign-out address for this site: /logout with the app client and this site's sign-out URL.
	 *
	 * @param Config $config Settings.
	 */
	public static function logout_url( Config $config ): string {
		return add_query_arg(
			array(
				'client_id'  => rawurlencode( $config->client_id() ),
				'logout_uri' => rawurlencode( self::signed_out_url() ),
			),
			$config->hosted_ui_domain() . '/logout'
		);
	}
}
