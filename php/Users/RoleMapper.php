<?php
/**
 * Roles from Cognito groups.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Users;

/**
 * Pure role decisions: which role a token's groups map to, and whether a sync changes an account.
 */
final class RoleMapper {

	public const ADMIN = 'administrator';

	/**
	 * The token's Cognito groups.
	 *
	 * @param array<string,mixed> $claims Verified claims.
	 * @return list<string>
	 */
	public static function groups( array $claims ): array {
		$groups = $claims['cognito:groups'] ?? array();
		if ( is_string( $groups ) ) {
			$groups = array( $groups );
		}
		return is_array( $groups ) ? array_values( array_filter( $groups, 'is_string' ) ) : array();
	}

	/**
	 * The role of the first map entry (in map order) whose group the user is in; else the default role.
	 *
	 * @param string[]                              $groups  The user's groups.
	 * @param list<array{group:string,role:string}> $map     Ordered group => role map.
	 * @param string                                $default Default role.
	 */
	public static function role_for( array $groups, array $map, string $default ): string {
		foreach ( $map as $entry ) {
			if ( in_array( $entry['group'], $groups, true ) ) {
				return $entry['role'];
			}
		}
		return $default;
	}

	/**
	 * What a sync on login should set the roles to.
	 *
	 * @param string[] $current       Current roles.
	 * @param string[] $target        Roles from the mapping.
	 * @param bool     $demote_admins Whether a sync may take administrator away.
	 * @return list<string>|null New roles, or null to leave the account alone.
	 */
	public static function sync( array $current, array $target, bool $demote_admins ): ?array {
		$target = array_values( array_unique( $target ) );
		if ( array() === $target ) {
			return null;
		}
		$same = array_diff( $current, $target ) === array() && array_diff( $target, $current ) === array();
		if ( $same ) {
			return null;
		}
		if ( in_array( self::ADMIN, $current, true ) && ! in_array( self::ADMIN, $target, true ) && ! $demote_admins ) {
			return null;
		}
		return $target;
	}
}
