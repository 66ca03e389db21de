<?php
/**
 * What deleting the plugin removes.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Settings;

use CognitoBlocks\Admin\SettingsPage;
use CognitoBlocks\Auth\JwksCache;
use CognitoBlocks\Auth\Store\CacheLedger;
use CognitoBlocks\Auth\Store\OptionsLedger;
use CognitoBlocks\Auth\Store\TransientCache;
use CognitoBlocks\Sessions\Revalidator;
use CognitoBlocks\Users\Identity;

/**
 * Removes everything the plugin stored, on every site of a network, unless the `keep_data_on_uninstall` setting
 * says to keep it: the settings option (Settings::OPTION, the one option the settings table is stored in) and, on a
 * network, the network's defaults (Network::OPTION), the
 * rows of the single-use token ledger and locks (OptionsLedger::PREFIX), the cache's fallback options
 * (TransientCache::FALLBACK_PREFIX), its transients (the key set, rate-limit counters: TransientCache::PREFIX) and
 * the user meta of account links (Identity::META_KEYS). Each list is the constant its writer uses, so a key added
 * there is removed here.
 *
 * Attribute values copied into user meta keys of the site's choosing (the `attribute_map` setting) are profile
 * data of the accounts, not the plugin's, and stay.
 */
final class Uninstall {

	/**
	 * Option name prefixes of the plugin's rows in the options table, beside the settings option.
	 */
	private const OPTION_PREFIXES = array( OptionsLedger::PREFIX, TransientCache::FALLBACK_PREFIX );

	/**
	 * Runs the removal (uninstall.php).
	 */
	public static function run(): void {
		if ( self::keeps_data() ) {
			return;
		}
		foreach ( self::site_ids() as $site_id ) {
			if ( null !== $site_id ) {
				switch_to_blog( $site_id );
			}
			self::remove_site_data();
			if ( null !== $site_id ) {
				restore_current_blog();
			}
		}
		if ( is_multisite() ) {
			delete_site_option( Network::OPTION );
		}
		// User meta lives in one table for the whole network.
		foreach ( array( ...Identity::META_KEYS, SettingsPage::NOTICE_DISMISSED ) as $meta_key ) {
			delete_metadata( 'user', 0, $meta_key, '', true );
		}
		if ( function_exists( 'wp_cache_flush_group' ) && wp_cache_supports( 'flush_group' ) ) {
			wp_cache_flush_group( CacheLedger::GROUP );
		}
	}

	/**
	 * Whether the main site (or, with it unset, a wp-config.php constant) asks to keep the data.
	 */
	public static function keeps_data(): bool {
		if ( is_multisite() ) {
			switch_to_blog( get_main_site_id() );
			$keep = Settings::current()->keep_data_on_uninstall();
			restore_current_blog();
			return $keep;
		}
		return Settings::current()->keep_data_on_uninstall();
	}

	/**
	 * Sites to clean: null for "the current one" on a single site.
	 *
	 * @return list<int|null>
	 */
	private static function site_ids(): array {
		if ( ! is_multisite() ) {
			return array( null );
		}
		return array_map(
			'intval',
			get_sites(
				array(
					'fields' => 'ids',
					'number' => 0,
				)
			)
		);
	}

	/**
	 * The current site's options and transients.
	 */
	private static function remove_site_data(): void {
		global $wpdb;
		delete_option( Settings::OPTION );
		delete_option( Revalidator::REACHED_OPTION );
		delete_option( Revalidator::OUTAGE_OPTION );
		$like = array(
			$wpdb->esc_like( '_transient_' . TransientCache::PREFIX ) . '%',
			$wpdb->esc_like( '_transient_timeout_' . TransientCache::PREFIX ) . '%',
		);
		foreach ( self::OPTION_PREFIXES as $prefix ) {
			$like[] = $wpdb->esc_like( $prefix ) . '%';
		}
		foreach ( $like as $pattern ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- Rows by prefix; no WordPress API deletes by prefix.
			$names = $wpdb->get_col( $wpdb->prepare( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE %s", $pattern ) );
			foreach ( $names as $name ) {
				delete_option( (string) $name ); // Also drops it from the option caches.
			}
		}
		// Transients in a persistent object cache are not in the table: the current key set's entry is known.
		( new TransientCache() )->delete( JwksCache::cache_key_for( Settings::current()->jwks_url() ) );
	}
}
