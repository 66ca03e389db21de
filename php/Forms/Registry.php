<?php
/**
 * The list of forms.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Forms;

use CognitoBlocks\Plugin;

/**
 * The one list of the plugin's forms. Blocks, shortcodes, wp-login.php, the renderer and the skeleton all read
 * it, so adding a form is its folder under blocks/ (block.json, edit.tsx, index.ts) plus its descriptor here.
 *
 * The `cognito_blocks_forms` filter can add forms (or remove one) before anything is registered; it runs once,
 * on first use, which is `init` at the earliest.
 */
final class Registry {

	/**
	 * The forms by name, once built.
	 *
	 * @var array<string,Form>|null
	 */
	private static ?array $forms = null;

	/**
	 * Every form, by name.
	 *
	 * @return array<string,Form>
	 */
	public static function all(): array {
		if ( null === self::$forms ) {
			$forms = array();
			/**
			 * Filters the plugin's forms.
			 *
			 * @param list<Form> $forms The built-in forms.
			 */
			foreach ( (array) apply_filters( 'cognito_blocks_forms', self::built_in() ) as $form ) {
				if ( $form instanceof Form && 1 === preg_match( '/^[a-z][a-z0-9-]*$/', $form->name ) ) {
					$forms[ $form->name ] = $form;
				}
			}
			self::$forms = $forms;
		}
		return self::$forms;
	}

	/**
	 * A form by name; null for a name the registry does not hold.
	 *
	 * @param string $name Form name.
	 */
	public static function get( string $name ): ?Form {
		return self::all()[ $name ] ?? null;
	}

	/**
	 * The form that replaces the core form of a wp-login.php action; null when none does.
	 *
	 * @param string $action Core action, as wp-login.php normalised it.
	 */
	public static function for_login_action( string $action ): ?Form {
		foreach ( self::all() as $form ) {
			if ( in_array( $action, $form->login_actions, true ) ) {
				return $form;
			}
		}
		return null;
	}

	/**
	 * The form a shortcode tag stands for.
	 *
	 * @param string $tag Shortcode tag.
	 */
	public static function for_shortcode( string $tag ): ?Form {
		foreach ( self::all() as $form ) {
			if ( $form->shortcode() === $tag ) {
				return $form;
			}
		}
		return null;
	}

	/**
	 * The plugin's own forms: their descriptors.
	 *
	 * @return list<Form>
	 */
	private static function built_in(): array {
		$dir = static fn ( string $name ): string => Plugin::path( 'build/blocks/' . $name );
		return array(
			// The sign-in step is in view.js: the most used form is usable without waiting for a chunk.
			new Form( name: 'login', block_dir: $dir( 'login' ), login_actions: array( 'login' ), entry: 'signIn', eager: true ),
			new Form( name: 'register', block_dir: $dir( 'register' ), login_actions: array( 'register' ), password_variant: false, entry: 'signUp' ),
			new Form( name: 'reset-password', block_dir: $dir( 'reset-password' ), login_actions: array( 'lostpassword', 'retrievepassword' ), entry: 'forgotPassword' ),
			// The signed-in visitor's own account; signed out, the sign-in form that brings them back here.
			// "Continue with …" buttons (php/Sso): small enough for view.js; the OAuth code loads on a press.
			new Form( name: 'sso-button', block_dir: $dir( 'sso-button' ), view: 'sso', entry: 'buttons', eager: true ),
			new Form( name: 'profile', block_dir: $dir( 'profile' ), view: 'profile', entry: 'profile', signed_in: true, signed_out: 'login' ),
		);
	}
}
