<?php
/**
 * WordPress's own answer to "may visitors create accounts here?".
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Users;

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
}
