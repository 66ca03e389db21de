<?php
/**
 * Accounts of a network and the sites they belong to.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Users;

/**
 * On a network one account signs in to every site, but has roles only on the sites it is a member of. An account
 * bound to the pool that first signs in to a site it is not a member of joins it when that site's creation policy
 * would have created an account for a newcomer (UserResolver), with the roles a new account would get there;
 * otherwise it signs in without a role on that site, as WordPress treats any network user who is not a member.
 * Super admins never join this way: they reach every site already.
 */
final class SiteMembership {

	/**
	 * Whether the account belongs to another site of the network but not to the current one.
	 *
	 * @param \WP_User $user Bound account.
	 */
	public static function outsider( \WP_User $user ): bool {
		return is_multisite() && ! is_super_admin( (int) $user->ID ) && ! is_user_member_of_blog( (int) $user->ID );
	}

	/**
	 * Adds the account to the current site with the given roles (the first is its role, the rest are added).
	 *
	 * @param \WP_User $user  Bound account, an outsider().
	 * @param string[] $roles Valid roles, in priority order; none leaves the account outside.
	 */
	public static function join( \WP_User $user, array $roles ): void {
		if ( array() === $roles ) {
			return;
		}
		$site = get_current_blog_id();
		add_user_to_blog( $site, (int) $user->ID, $roles[0] );
		$user->for_site( $site );
		foreach ( array_slice( $roles, 1 ) as $role ) {
			$user->add_role( $role );
		}
	}
}
