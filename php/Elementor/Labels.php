<?php
/**
 * What the widgets' controls are called.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Elementor;

/**
 * The translated label, help text and panel section of each form attribute (block.json holds the attributes'
 * types and defaults but no words). The block editor names the same settings in blocks/<form>/edit.tsx; these
 * read the same. An attribute missing here still gets a control, labelled from its name, and
 * ElementorWidgetsTest fails until it is added.
 */
final class Labels {

	public const SECTION_TEXTS    = 'texts';
	public const SECTION_OPTIONS  = 'options';
	public const SECTION_LINKS    = 'links';
	public const SECTION_FIELDS   = 'fields';
	public const SECTION_SECTIONS = 'sections';

	/**
	 * Every attribute name the built-in forms use → [ label, help, section ].
	 *
	 * @return array<string,array{0:string,1:string,2:string}>
	 */
	public static function all(): array {
		$default = __( 'Leave empty for the default.', 'cognito-blocks' );
		$page    = __( 'Leave empty to use the form on this page.', 'cognito-blocks' );
		return array(
			'heading'               => array( __( 'Heading', 'cognito-blocks' ), $default, self::SECTION_TEXTS ),
			'description'           => array( __( 'Description', 'cognito-blocks' ), $default, self::SECTION_TEXTS ),
			'submitLabel'           => array( __( 'Button text', 'cognito-blocks' ), $default, self::SECTION_TEXTS ),
			'terms'                 => array( __( 'Terms', 'cognito-blocks' ), __( 'Shown beside the sign-up button, e.g. a line that links to your terms.', 'cognito-blocks' ), self::SECTION_TEXTS ),
			'usernameKind'          => array( __( 'Visitors sign in with', 'cognito-blocks' ), '', self::SECTION_OPTIONS ),
			'showRemember'          => array( __( 'Show “Remember me”', 'cognito-blocks' ), '', self::SECTION_OPTIONS ),
			'showSso'               => array( __( 'Show single sign-on buttons under the form', 'cognito-blocks' ), __( 'The providers set in Settings › Cognito Blocks.', 'cognito-blocks' ), self::SECTION_OPTIONS ),
			'showForgotPassword'    => array( __( 'Show “Forgot password?”', 'cognito-blocks' ), '', self::SECTION_OPTIONS ),
			'showCreateAccount'     => array( __( 'Show “Create an account”', 'cognito-blocks' ), '', self::SECTION_OPTIONS ),
			'showSignIn'            => array( __( 'Show “Sign in”', 'cognito-blocks' ), '', self::SECTION_OPTIONS ),
			'usernameField'         => array( __( 'Ask for a username', 'cognito-blocks' ), __( 'Otherwise the email address is the username.', 'cognito-blocks' ), self::SECTION_OPTIONS ),
			'requireTerms'          => array( __( 'Visitors must accept the terms', 'cognito-blocks' ), '', self::SECTION_OPTIONS ),
			'providers'             => array( __( 'Providers', 'cognito-blocks' ), __( 'Comma-separated provider names from the settings, such as Google. Leave empty for all of them.', 'cognito-blocks' ), self::SECTION_OPTIONS ),
			'redirectUrl'           => array( __( 'After sign-in', 'cognito-blocks' ), __( 'Where visitors go once signed in. Leave empty to stay on this page.', 'cognito-blocks' ), self::SECTION_LINKS ),
			'forgotPasswordUrl'     => array( __( 'Password reset page', 'cognito-blocks' ), $page, self::SECTION_LINKS ),
			'createAccountUrl'      => array( __( 'Sign-up page', 'cognito-blocks' ), $page, self::SECTION_LINKS ),
			'signInUrl'             => array( __( 'Sign-in page', 'cognito-blocks' ), $page, self::SECTION_LINKS ),
			'passwordSignInUrl'     => array( __( 'WordPress password sign-in page', 'cognito-blocks' ), __( 'Where “Use my WordPress password” leads, if local passwords are allowed.', 'cognito-blocks' ), self::SECTION_LINKS ),
			'signOutRedirectUrl'    => array( __( 'After signing out everywhere', 'cognito-blocks' ), __( 'Leave empty for the home page.', 'cognito-blocks' ), self::SECTION_LINKS ),
			'fields'                => array( __( 'Fields', 'cognito-blocks' ), __( 'Cognito attributes, in order: standard names (given_name, phone_number…) or custom:<name>.', 'cognito-blocks' ), self::SECTION_FIELDS ),
			'showPassword'          => array( __( 'Change password', 'cognito-blocks' ), '', self::SECTION_SECTIONS ),
			'showMfa'               => array( __( 'Two-step verification', 'cognito-blocks' ), '', self::SECTION_SECTIONS ),
			'showSignOutEverywhere' => array( __( 'Sign out everywhere', 'cognito-blocks' ), '', self::SECTION_SECTIONS ),
			'allowDelete'           => array( __( 'Delete account', 'cognito-blocks' ), __( 'Also needs the site setting that allows deleting accounts.', 'cognito-blocks' ), self::SECTION_SECTIONS ),
		);
	}

	/**
	 * One attribute's label, help and section; an attribute without an entry is labelled from its name.
	 *
	 * @param string $attribute Attribute name (block.json).
	 * @return array{0:string,1:string,2:string}
	 */
	public static function of( string $attribute ): array {
		return self::all()[ $attribute ] ?? array( ucfirst( strtolower( (string) preg_replace( '/(?<!^)[A-Z]/', ' $0', $attribute ) ) ), '', self::SECTION_OPTIONS );
	}

	/**
	 * The words for one value of an attribute's `enum`; the value itself when there are none.
	 *
	 * @param string $attribute Attribute name.
	 * @param string $value     One of its values.
	 */
	public static function choice( string $attribute, string $value ): string {
		$choices = array(
			'usernameKind' => array(
				'username' => __( 'Username or email', 'cognito-blocks' ),
				'email'    => __( 'Email', 'cognito-blocks' ),
			),
		);
		return $choices[ $attribute ][ $value ] ?? $value;
	}

	/**
	 * The content sections, in panel order → title.
	 *
	 * @return array<string,string>
	 */
	public static function sections(): array {
		return array(
			self::SECTION_TEXTS    => __( 'Texts', 'cognito-blocks' ),
			self::SECTION_FIELDS   => __( 'Fields', 'cognito-blocks' ),
			self::SECTION_SECTIONS => __( 'Sections', 'cognito-blocks' ),
			self::SECTION_OPTIONS  => __( 'Options', 'cognito-blocks' ),
			self::SECTION_LINKS    => __( 'Links', 'cognito-blocks' ),
		);
	}
}
