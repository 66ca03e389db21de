<?php
/**
 * What deleting one's own account from the profile form does.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Users;

use CognitoBlocks\Settings\Config;

/**
 * The policy of DELETE /account, read from the settings: off unless `profile_delete_allowed`; never for a protected
 * account (UserResolver::is_protected(): administrators, super admins, holders of a `never_link_capabilities`
 * capability), since whoever holds the pool account would otherwise erase a powerful one; then `deleted_account`
 * says whether the WordPress account stays, only unlinked, or is deleted.
 *
 * Deleting never loses content silently: the account's posts and links go to the `deleted_account_reassign`
 * account when that is a valid account of this site (not the one deleted); without one, an account that has
 * content is not deleted at all, and one without content is deleted (there is nothing to keep).
 */
final class AccountRemoval {

	/**
	 * Outcomes: keep the WordPress account, remove its link.
	 */
	public const UNLINK = 'unlink';

	/**
	 * Delete the WordPress account; it has no content.
	 */
	public const DELETE = 'delete';

	/**
	 * Delete the WordPress account and give its content to the reassign account.
	 */
	public const REASSIGN = 'reassign';

	/**
	 * Refusals: the setting is off.
	 */
	public const OFF = 'off';

	/**
	 * Refusals: a protected account.
	 */
	public const PROTECTED = 'protected';

	/**
	 * Refusals: deleting would delete content, and there is no account to give it to.
	 */
	public const HAS_CONTENT = 'has_content';

	/**
	 * What removing the account would do now: UNLINK, DELETE or REASSIGN; or why it may not: OFF, PROTECTED or
	 * HAS_CONTENT.
	 *
	 * @param \WP_User $user   The signed-in account.
	 * @param Config   $config Effective settings.
	 */
	public static function decide( \WP_User $user, Config $config ): string {
		return self::plan( $user, $config )[0];
	}

	/**
	 * Whether a decision is one that removes the account (not a refusal).
	 *
	 * @param string $decision From decide().
	 */
	public static function allowed( string $decision ): bool {
		return in_array( $decision, array( self::UNLINK, self::DELETE, self::REASSIGN ), true );
	}

	/**
	 * Removes the account as decide() says at this moment (decided again here, so nothing that changed since a
	 * check can make it delete content). The caller has ended the account's sessions.
	 *
	 * On a network, wp_delete_user() removes the account from this site only (remove_user_from_blog()): the
	 * network account, its other sites and its link stay. wpmu_delete_user() would delete it from the whole
	 * network, which one site's setting must not decide.
	 *
	 * @param \WP_User $user   The account.
	 * @param Config   $config Effective settings.
	 * @return array{deleted:bool,unlinked:bool}|string What was done; or the refusal.
	 */
	public static function remove( \WP_User $user, Config $config ): array|string {
		list( $decision, $heir ) = self::plan( $user, $config );
		$id                      = (int) $user->ID;
		if ( ! self::allowed( $decision ) ) {
			return $decision;
		}
		if ( self::UNLINK === $decision ) {
			Identity::unbind( $id );
			return array(
				'deleted'  => false,
				'unlinked' => true,
			);
		}
		// wp_delete_user() is an admin function, not loaded for REST requests.
		require_once ABSPATH . 'wp-admin/includes/user.php'; // @phpstan-ignore requireOnce.fileNotFound (ABSPATH is WordPress's folder, known only at runtime.)
		$deleted = wp_delete_user( $id, $heir );
		return array(
			'deleted'  => $deleted,
			// On a single site the link went with the account's meta; a network account keeps it (see above).
			'unlinked' => $deleted && ! is_multisite(),
		);
	}

	/**
	 * The decision, and the account to give content to when it is REASSIGN.
	 *
	 * @param \WP_User $user   The account.
	 * @param Config   $config Effective settings.
	 * @return array{0:string,1:int|null}
	 */
	private static function plan( \WP_User $user, Config $config ): array {
		if ( ! $config->profile_delete_allowed() ) {
			return array( self::OFF, null );
		}
		if ( UserResolver::is_protected( $user, $config ) ) {
			return array( self::PROTECTED, null );
		}
		// The setting's two values are named like the outcomes they lead to.
		if ( self::DELETE !== $config->deleted_account() ) {
			return array( self::UNLINK, null );
		}
		$heir = self::heir( $config->deleted_account_reassign(), (int) $user->ID );
		if ( null !== $heir ) {
			return array( self::REASSIGN, $heir );
		}
		return array( self::has_content( (int) $user->ID ) ? self::HAS_CONTENT : self::DELETE, null );
	}

	/**
	 * The reassign setting as an account that can receive content: one that exists, is a member of this site
	 * (on a network) and is not the account being deleted.
	 *
	 * @param int $candidate The setting's user ID (0: none).
	 * @param int $user_id   The account being deleted.
	 */
	private static function heir( int $candidate, int $user_id ): ?int {
		if ( $candidate <= 0 || $candidate === $user_id || ! get_userdata( $candidate ) instanceof \WP_User ) {
			return null;
		}
		return is_multisite() && ! is_user_member_of_blog( $candidate ) ? null : $candidate;
	}

	/**
	 * Whether the account authored anything on this site that deleting it without a reassign account would delete
	 * or leave ownerless: a post of any type or status (drafts, private posts, revisions of others' posts, attachments)
	 * but an auto-draft, or a link. Read from the database: core's post counts leave out drafts.
	 *
	 * @param int $user_id The account.
	 */
	private static function has_content( int $user_id ): bool {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- An existence check of this moment, before deleting; no cache holds it.
		$post = $wpdb->get_var( $wpdb->prepare( "SELECT ID FROM {$wpdb->posts} WHERE post_author = %d AND post_status <> 'auto-draft' LIMIT 1", $user_id ) );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- As above.
		$link = $wpdb->get_var( $wpdb->prepare( "SELECT link_id FROM {$wpdb->links} WHERE link_owner = %d LIMIT 1", $user_id ) );
		return null !== $post || null !== $link;
	}
}
