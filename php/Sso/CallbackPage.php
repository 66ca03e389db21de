<?php
/**
 * The page the hosted UI sends the browser back to.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Sso;

use CognitoBlocks\Render\Assets;
use CognitoBlocks\Settings\Settings;

/**
 * `wp-login.php?action=cognito-blocks-sso`: the fixed callback URL of single sign-on. It prints a mount point that
 * the view script finishes the sign-in on (src/wp/sso.tsx: checks the state against the one kept in this
 * tab's sessionStorage, exchanges the code with its PKCE verifier at the pool's /oauth2/token, and hands the ID
 * token to the session endpoint, as every form does). The server never sees the code or the tokens here.
 *
 * The login screen sends no-cache headers, and page caches leave it alone; the page also says so to caching plugins
 * (DONOTCACHEPAGE) and keeps the code out of other sites' Referer headers.
 */
final class CallbackPage {

	/**
	 * `login_form_cognito-blocks-sso`: prints the page and ends the request.
	 */
	public static function render(): void {
		if ( ! defined( 'DONOTCACHEPAGE' ) ) {
			define( 'DONOTCACHEPAGE', true ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedConstantFound -- the caching plugins' own constant.
		}
		if ( ! headers_sent() ) {
			// The code in this URL never leaves the site in a Referer; the site's own requests keep theirs (the session
			// endpoint checks Origin, which a no-referrer policy would blank).
			header( 'Referrer-Policy: same-origin' );
		}
		$config = Settings::current();
		$sso    = HostedUi::browser_config( $config );
		$error  = null;
		if ( null === $sso ) {
			$error = new \WP_Error( 'cognito_blocks_sso_off', __( 'Single sign-on is not set up on this site.', 'cognito-blocks' ) );
		} else {
			Assets::enqueue();
			wp_enqueue_style( Assets::LOGIN_STYLE );
		}

		login_header( __( 'Signing in', 'cognito-blocks' ), '', $error );
		if ( null !== $sso ) {
			echo self::mount( $sso ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped in mount().
		}
		printf(
			'<p id="nav"><a href="%1$s">%2$s</a></p>',
			esc_url( wp_login_url() ),
			esc_html__( 'Back to sign-in', 'cognito-blocks' )
		);
		login_footer();
		exit;
	}

	/**
	 * The mount point: the `sso` view on its `callback` step, with the progress line it starts from.
	 *
	 * @param array<string,mixed> $sso HostedUi::browser_config().
	 */
	private static function mount( array $sso ): string {
		$config = array(
			'form'       => 'sso-button',
			'view'       => 'sso',
			'entry'      => 'callback',
			'eager'      => true,
			'attributes' => array(),
			'cognito'    => Settings::client_config(),
			'sessionUrl' => rest_url( 'cognito-blocks/v1/session' ),
			'sso'        => $sso,
		);
		return sprintf(
			'<div class="wp-block-cognito-blocks-sso-button cognito-blocks-sso-callback" data-cognito-blocks="sso-button" data-config="%1$s"><div class="cognito-blocks-form cognito-blocks__step"><p role="status" class="cognito-blocks__status"><span class="cognito-blocks__spinner" aria-hidden="true"></span>%2$s</p></div><noscript><p class="cognito-blocks__noscript">%3$s</p></noscript></div>',
			esc_attr( (string) wp_json_encode( $config ) ),
			esc_html__( 'Signing you in…', 'cognito-blocks' ),
			esc_html__( 'This form needs JavaScript. Please enable JavaScript in your browser to sign in.', 'cognito-blocks' )
		);
	}
}
