<?php
/**
 * What the site's object cache can be trusted with.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth\Store;

/**
 * A persistent object cache (wp-content/object-cache.php) is shared by every web server of the site, unless it has
 * lost its server: Redis Object Cache with WP_REDIS_GRACEFUL then keeps working in each request's own memory, and
 * says so through `redis_status()`. Other drop-ins do not say, and are trusted.
 */
final class ObjectCache {

	/**
	 * Whether values written to the object cache now reach every web server.
	 */
	public static function shared(): bool {
		return wp_using_ext_object_cache() && ! self::down();
	}

	/**
	 * Whether the site has a persistent object cache that cannot reach its server.
	 */
	public static function down(): bool {
		global $wp_object_cache;
		return wp_using_ext_object_cache()
			&& is_object( $wp_object_cache )
			&& method_exists( $wp_object_cache, 'redis_status' )
			&& ! $wp_object_cache->redis_status();
	}
}
