<?php
/**
 * WordPress's own answer to "may visitors create accounts here?".
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Users;

use CognitoBlocks\Settings\Config;

/**
 * Settings › General › "Anyone can register" on a single site; on a network, Network Settings › "Allow new
 * registrations" (user accounts may be registered). The `follow` creation policy reads it, so first sign-ins create
 * accounts exactly when WordPress itself would let a visitor register.
 */
final class Registration {

	/**
	 * Whether WordPress accepts new user registrations on this site.
	 */
	public static function open(): bool {
		if ( is_multisite() ) {
			return in_array( get_site_option( 'registration' ), array( 'all', 'user' ), true );
		}
		return (bool) get_option( 'users_can_register' );
	}

	/**
	 * Why a first sign-in of a pool account without a WordPress account is refused here, or '' when one is created:
	 * `deny` or `link` (the creation policy says so), or `closed` (policy `follow` while WordPress accepts no
	 * registrations). The same rule as UserResolver's, for the screens that warn about it.
	 *
	 * @param Config $config The plugin's settings.
	 */
	public static function new_accounts_refused( Config $config ): string {
		if ( 'create' === $config->effective_creation_policy( self::open() ) ) {
			return '';
		}
		return 'follow' === $config->creation_policy() ? 'closed' : $config->creation_policy();
	}
}
