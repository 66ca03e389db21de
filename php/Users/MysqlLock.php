<?php
/**
 * Mutex on MySQL/MariaDB named locks.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Users;

/**
 * GET_LOCK() is held by the database connection, so a crashed PHP process releases it automatically. Only used
 * with core's single-connection wpdb: behind a read/write splitting db drop-in the SELECT could reach a replica.
 */
final class MysqlLock implements Lock {

	/**
	 * Waits for the lock.
	 *
	 * @param string $name    Lock name.
	 * @param int    $timeout Seconds.
	 */
	public function acquire( string $name, int $timeout ): bool {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- Named locks have no WordPress API.
		$result = $wpdb->get_var( $wpdb->prepare( 'SELECT GET_LOCK(%s, %d)', self::lock_name( $name ), max( 0, $timeout ) ) );
		return '1' === (string) $result;
	}

	/**
	 * Releases the lock.
	 *
	 * @param string $name Lock name.
	 */
	public function release( string $name ): void {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- Named locks have no WordPress API.
		$wpdb->query( $wpdb->prepare( 'SELECT RELEASE_LOCK(%s)', self::lock_name( $name ) ) );
	}

	/**
	 * Server-wide lock names are at most 64 characters and shared by every database on the server, so the name
	 * is scoped to this site's tables and hashed; on a network, to the network's (its sites share their accounts).
	 *
	 * @param string $name Lock name.
	 */
	private static function lock_name( string $name ): string {
		global $wpdb;
		$scope = ( defined( 'DB_NAME' ) ? (string) DB_NAME : '' ) . '|' . $wpdb->base_prefix;
		return 'cognito_blocks_' . substr( hash( 'sha256', $scope . '|' . $name ), 0, 40 );
	}
}
