<?php
/**
 * Constants WordPress defines at runtime, declared for static analysis only.
 *
 * @package CognitoBlocks
 */

define( 'ABSPATH', '/' );
define( 'COOKIEPATH', '/' );
define( 'COOKIE_DOMAIN', '' );
define( 'YEAR_IN_SECONDS', 31536000 );
define( 'WP_DEBUG_LOG', false );
define( 'DB_NAME', 'wordpress' );
define( 'ARRAY_A', 'ARRAY_A' );
