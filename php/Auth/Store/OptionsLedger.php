<?php
/**
 * Ledger on the options table.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth\Store;

use CognitoBlocks\Auth\Clock;

/**
 * Atomic claims through a unique key: `INSERT IGNORE` on the options table's unique option_name (MySQL, MariaDB
 * and the SQLite drop-in all honour it). add_option() is not used because it upserts (`ON DUPLICATE KEY UPDATE`),
 * so two racing callers could both be told they won.
 *
 * Always the database, even on a site with a persistent object cache: a cache may evict a record under memory
 * pressure, and Redis Object Cache, with Redis unreachable, keeps wp_cache_add() working in each request's own
 * memory. Either way a used token would be accepted again; the database fails closed instead.
 *
 * Rows hold their expiry time and are never autoloaded; expired rows are replaced on the next claim and purged
 * in small batches at most once an hour.
 *
 * On a network the rows live in the main site's options table: the sites share their accounts and, usually, one
 * pool, so a token used on one site is used on all, and a first sign-in's lock holds across them. Records about a
 * site's own data stay with it (`$site_only`).
 */
final class OptionsLedger implements Ledger {

	public const PREFIX        = 'cognito_blocks_l_';
	private const PURGE_KEY    = 'purge';
	private const PURGE_EVERY  = 3600;
	private const PURGE_BATCH  = 200;
	private const MAX_KEY_SIZE = 160;

	/**
	 * Time source for expiry.
	 *
	 * @var Clock
	 */
	private Clock $clock;

	/**
	 * Creates the ledger.
	 *
	 * @param Clock $clock     Time source.
	 * @param bool  $site_only On a network, keep the rows in this site's table, for records that go with this
	 *                         site's own data (the fetch throttle of the key set it caches); otherwise they are
	 *                         the network's (used tokens, first sign-in locks).
	 */
	public function __construct( Clock $clock, private readonly bool $site_only = false ) {
		$this->clock = $clock;
	}

	/**
	 * Records a key unless it is already recorded and unexpired.
	 *
	 * @param string $key Short key.
	 * @param int    $ttl Seconds the record lasts.
	 */
	public function claim( string $key, int $ttl ): bool {
		$key     = $this->name( $key );
		$ttl     = max( 1, $ttl );
		$claimed = $this->insert( $key, $ttl );
		if ( ! $claimed && $this->drop_if_expired( $key ) ) {
			$claimed = $this->insert( $key, $ttl );
		}
		if ( $claimed && self::PREFIX . self::PURGE_KEY !== $key ) {
			$this->maybe_purge();
		}
		return $claimed;
	}

	/**
	 * Removes a record.
	 *
	 * @param string $key Short key.
	 */
	public function release( string $key ): void {
		global $wpdb;
		$key = $this->name( $key );
		$wpdb->delete( $this->table(), array( 'option_name' => $key ), array( '%s' ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- Ledger rows are deliberately outside the option caches.
	}

	/**
	 * Full option name; keys that do not fit are hashed.
	 *
	 * @param string $key Caller's key.
	 */
	private function name( string $key ): string {
		$key = (string) preg_replace( '/[^A-Za-z0-9_]/', '_', $key );
		if ( strlen( self::PREFIX . $key ) > self::MAX_KEY_SIZE ) {
			$key = hash( 'sha256', $key );
		}
		return self::PREFIX . $key;
	}

	/**
	 * The options table the rows live in: the site's own, or on a network the main site's (unless site_only).
	 */
	private function table(): string {
		global $wpdb;
		return is_multisite() && ! $this->site_only ? $wpdb->get_blog_prefix( get_main_site_id() ) . 'options' : $wpdb->options;
	}

	/**
	 * Inserts the row unless one exists.
	 *
	 * @param string $name Option name.
	 * @param int    $ttl  Lifetime.
	 * @return bool Whether this call inserted it.
	 */
	private function insert( string $name, int $ttl ): bool {
		global $wpdb;
		$table = $this->table();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- An atomic insert is the point; no WordPress API offers one.
		$inserted = $wpdb->query(
			$wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- $table is wpdb's own table name.
				"INSERT IGNORE INTO {$table} (option_name, option_value, autoload) VALUES (%s, %s, 'off')",
				$name,
				(string) ( $this->clock->now() + $ttl )
			)
		);
		return 1 === $inserted;
	}

	/**
	 * Deletes a row whose time is up. The delete matches the value read, so it cannot remove a fresh row that a
	 * concurrent caller put there in between.
	 *
	 * @param string $name Option name.
	 * @return bool Whether the row was expired (deleted by this call or a concurrent one).
	 */
	private function drop_if_expired( string $name ): bool {
		global $wpdb;
		$table = $this->table();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- Ledger rows are deliberately outside the option caches; $table is wpdb's name.
		$value = $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$table} WHERE option_name = %s", $name ) );
		if ( ! is_string( $value ) || ! ctype_digit( $value ) || (int) $value >= $this->clock->now() ) {
			return false;
		}
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- Compare-and-delete; see above.
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$table} WHERE option_name = %s AND option_value = %s", $name, $value ) );
		return true;
	}

	/**
	 * Removes a batch of expired rows, at most once an hour across the site.
	 */
	private function maybe_purge(): void {
		global $wpdb;
		$table = $this->table();
		if ( ! $this->insert( self::PREFIX . self::PURGE_KEY, self::PURGE_EVERY ) && ! $this->drop_if_expired( self::PREFIX . self::PURGE_KEY ) ) {
			return;
		}
		$this->insert( self::PREFIX . self::PURGE_KEY, self::PURGE_EVERY );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- Ledger rows are deliberately outside the option caches.
		$rows = $wpdb->get_results(
			$wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- $table is wpdb's own table name.
				"SELECT option_name, option_value FROM {$table} WHERE option_name LIKE %s LIMIT %d",
				$wpdb->esc_like( self::PREFIX ) . '%',
				self::PURGE_BATCH
			),
			ARRAY_A
		);
		foreach ( (array) $rows as $row ) {
			$name  = is_array( $row ) ? (string) ( $row['option_name'] ?? '' ) : '';
			$value = is_array( $row ) ? (string) ( $row['option_value'] ?? '' ) : '';
			if ( '' !== $name && ctype_digit( $value ) && (int) $value < $this->clock->now() ) {
				// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- Compare-and-delete of an expired row.
				$wpdb->query( $wpdb->prepare( "DELETE FROM {$table} WHERE option_name = %s AND option_value = %s", $name, $value ) );
			}
		}
	}
}
