<?php
/**
 * A second WordPress beside the test stack's: a network with sites in subdirectories (/ and /site2/), on the
 * stack's MariaDB under its own table prefix, served by its own `php -S` through dev/wordpress/router.php.
 *
 * Its files are a copy of the stack's WordPress (WP_ROOT), so it runs the same release; its wp-config.php is the
 * stack's with the network constants and an include, `cognito-blocks-pins.php`, where a test writes
 * COGNITO_BLOCKS_* constants. WordPress is loaded in other processes only (tests/support/multisite.php and the
 * server): this PHPUnit process already holds the single site. Expensive (a copy, an install, a server), so a test
 * class starts it once.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Integration;

require_once __DIR__ . '/Process.php';

final class MultisiteNetwork {

	public const TABLE_PREFIX = 'ms_';

	private const SCRIPT = __DIR__ . '/../../support/multisite.php';

	private const ROUTER = __DIR__ . '/../../../dev/wordpress/router.php';

	public readonly string $url;

	public readonly string $root;

	/**
	 * The server's process group (its leader's pid); 0 when not running.
	 */
	private int $server = 0;

	private function __construct( string $root, int $port ) {
		$this->root = $root;
		$this->url  = 'http://127.0.0.1:' . $port;
	}

	/**
	 * Why the network cannot be made here, or null when it can: it needs the stack's WordPress 7.1 (the fixture
	 * given with --wordpress) on MariaDB.
	 */
	public static function unavailable(): ?string {
		$root = (string) getenv( 'WP_ROOT' );
		if ( '' === $root || ! is_file( $root . '/wp-config.php' ) || '' === (string) getenv( 'DB_HOST' ) ) {
			return 'Needs the test stack (WP_ROOT, DB_HOST): run through tests/run.mjs.';
		}
		if ( ! version_compare( (string) getenv( 'WP_VERSION' ), '7.1', '>=' ) ) {
			return 'Needs WordPress 7.1: run tests/run.mjs with --wordpress=../shared/fixtures/wordpress-7.1.0.tar.gz (the stack runs WordPress ' . getenv( 'WP_VERSION' ) . ').';
		}
		if ( ! function_exists( 'posix_kill' ) ) {
			return 'Needs PHP\'s posix extension to stop the network\'s server.';
		}
		return null;
	}

	/**
	 * Copies WordPress, installs the network, starts its server.
	 *
	 * @param array{user:string,password:string,email:string} $admin The super admin.
	 */
	public static function start( array $admin ): self {
		$source  = rtrim( (string) getenv( 'WP_ROOT' ), '/' );
		$root    = dirname( $source ) . '/network';
		$network = new self( $root, self::free_port() );
		self::shell( array( 'rm', '-rf', $root ) );
		self::shell( array( 'cp', '-a', $source, $root ) );
		foreach ( array( 'wp-content/object-cache.php', 'wp-content/uploads' ) as $stale ) {
			self::shell( array( 'rm', '-rf', $root . '/' . $stale ) );
		}
		$network->drop_tables();
		$network->write_config( false );
		$network->pin( array() );
		$network->run( 'install', (string) json_encode( $admin ) );
		$network->write_config( true );
		$network->run( 'network' );
		$network->serve();
		return $network;
	}

	/**
	 * Stops the server and drops the network's tables.
	 */
	public function stop(): void {
		if ( $this->server > 0 ) {
			posix_kill( -$this->server, SIGTERM );
			for ( $waited = 0; $waited < 50 && posix_kill( $this->server, 0 ); $waited++ ) {
				usleep( 100000 );
			}
			if ( posix_kill( $this->server, 0 ) ) {
				posix_kill( -$this->server, SIGKILL );
			}
			$this->server = 0;
		}
		$this->drop_tables();
	}

	/**
	 * Writes the wp-config.php constants that pin settings on the whole network (replacing earlier ones).
	 *
	 * @param array<string,mixed> $constants Name => value.
	 */
	public function pin( array $constants ): void {
		$php = "<?php\n";
		foreach ( $constants as $name => $value ) {
			$php .= 'define( ' . var_export( $name, true ) . ', ' . var_export( $value, true ) . " );\n";
		}
		file_put_contents( $this->root . '/cognito-blocks-pins.php', $php );
	}

	/**
	 * Runs a command of tests/support/multisite.php and returns its JSON answer.
	 *
	 * @param string $command  Command.
	 * @param string $argument Its argument, or standard input for `install`.
	 * @return array<string,mixed>
	 */
	public function run( string $command, string $argument = '' ): array {
		$args   = array( PHP_BINARY, self::SCRIPT, $this->root, $this->url, $command );
		$args   = 'install' === $command || '' === $argument ? $args : array( ...$args, $argument );
		$run    = Process::run( $args, 'install' === $command ? $argument : '' );
		$code   = $run['code'];
		$out    = $run['out'];
		$err    = $run['err'];
		$lines  = explode( "\n", trim( $out ) );
		$answer = json_decode( (string) end( $lines ), true );
		if ( 0 !== $code || ! is_array( $answer ) ) {
			throw new \RuntimeException( "multisite.php {$command} failed ({$code}): {$err}{$out}" );
		}
		return $answer;
	}

	/**
	 * Names of keys with the plugin's prefix left in the network's tables: every site's options (transients
	 * included), the network's site meta (site options and site transients) and the user meta.
	 *
	 * @return list<string> "table: key" entries.
	 */
	public function leftovers(): array {
		$tables = array( self::TABLE_PREFIX . 'sitemeta' => 'meta_key', self::TABLE_PREFIX . 'usermeta' => 'meta_key' );
		foreach ( $this->options_tables() as $table ) {
			$tables[ $table ] = 'option_name';
		}
		$left = array();
		foreach ( $tables as $table => $column ) {
			foreach ( $this->query( "SELECT DISTINCT {$column} FROM {$table} WHERE {$column} LIKE '%cognito\\_blocks\\_%'" ) as $row ) {
				$left[] = $table . ': ' . $row[0];
			}
		}
		return $left;
	}

	/**
	 * Rows of a query on the network's tables.
	 *
	 * @param string $sql Query.
	 * @return list<list<string|null>>
	 */
	public function query( string $sql ): array {
		$db     = self::db();
		$result = $db->query( $sql );
		$rows   = $result instanceof \mysqli_result ? $result->fetch_all() : array();
		$db->close();
		return $rows;
	}

	/**
	 * The options tables of the network (one per site), for the test to check there are two.
	 *
	 * @return list<string>
	 */
	public function options_tables(): array {
		return array_map( static fn( array $row ): string => (string) $row[0], $this->query( "SHOW TABLES LIKE '" . self::TABLE_PREFIX . "%options'" ) );
	}

	private static function db(): \mysqli {
		list( $host, $port ) = array_pad( explode( ':', (string) getenv( 'DB_HOST' ) ), 2, '3306' );
		return new \mysqli( $host, (string) getenv( 'DB_USER' ), (string) getenv( 'DB_PASSWORD' ), (string) getenv( 'DB_NAME' ), (int) $port );
	}

	private function drop_tables(): void {
		$db     = self::db();
		$result = $db->query( "SHOW TABLES LIKE '" . self::TABLE_PREFIX . "%'" );
		foreach ( $result instanceof \mysqli_result ? $result->fetch_all() : array() as $row ) {
			$db->query( 'DROP TABLE `' . $row[0] . '`' );
		}
		$db->close();
	}

	/**
	 * The stack's wp-config.php made into the network's: own table prefix, no fixed home and site URLs (each
	 * site has its own), the pins file and, once installed, the network constants.
	 *
	 * @param bool $multisite Whether the network is installed (MULTISITE on) or about to be (WP_ALLOW_MULTISITE).
	 */
	private function write_config( bool $multisite ): void {
		$config = (string) file_get_contents( rtrim( (string) getenv( 'WP_ROOT' ), '/' ) . '/wp-config.php' );
		$config = (string) preg_replace( "/^define\\( 'WP_(HOME|SITEURL)'.*\$/m", '', $config );
		$config = str_replace( "\$table_prefix = 'wp_';", "\$table_prefix = '" . self::TABLE_PREFIX . "';", $config );
		$host   = (string) parse_url( $this->url, PHP_URL_HOST ) . ':' . (string) parse_url( $this->url, PHP_URL_PORT );
		$extra  = "define( 'WP_ALLOW_MULTISITE', true );\n";
		if ( $multisite ) {
			$extra .= "define( 'MULTISITE', true );\ndefine( 'SUBDOMAIN_INSTALL', false );\n"
				. "define( 'DOMAIN_CURRENT_SITE', '{$host}' );\ndefine( 'PATH_CURRENT_SITE', '/' );\n"
				. "define( 'SITE_ID_CURRENT_SITE', 1 );\ndefine( 'BLOG_ID_CURRENT_SITE', 1 );\n";
		}
		$extra .= "require __DIR__ . '/cognito-blocks-pins.php';\n";
		$config = str_replace( "if ( ! defined( 'ABSPATH' ) ) {", $extra . "if ( ! defined( 'ABSPATH' ) ) {", $config );
		file_put_contents( $this->root . '/wp-config.php', $config );
	}

	/**
	 * Starts `php -S` in its own process group (setsid), with the router's subdirectory rewrites on.
	 */
	private function serve(): void {
		$port    = (int) parse_url( $this->url, PHP_URL_PORT );
		$process = proc_open(
			// Every file's time checked on every request, so a rewritten pins file counts at once (as the stack's).
			array( 'setsid', PHP_BINARY, '-d', 'opcache.revalidate_freq=0', '-S', '127.0.0.1:' . $port, '-t', $this->root, self::ROUTER ),
			array( 0 => array( 'file', '/dev/null', 'r' ), 1 => array( 'file', '/dev/null', 'w' ), 2 => array( 'file', '/dev/null', 'w' ) ),
			$pipes,
			null,
			array_merge(
				getenv(),
				array(
					'PHP_CLI_SERVER_WORKERS'            => '4',
					'COGNITO_BLOCKS_SUBDIRECTORY_SITES' => '1',
				)
			)
		);
		if ( ! is_resource( $process ) ) {
			throw new \RuntimeException( 'could not start php -S' );
		}
		$this->server = (int) proc_get_status( $process )['pid'];
		for ( $waited = 0; $waited < 300; $waited++ ) {
			$curl = curl_init( $this->url . '/wp-json/' );
			curl_setopt_array( $curl, array( CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 5 ) );
			curl_exec( $curl );
			$status = (int) curl_getinfo( $curl, CURLINFO_RESPONSE_CODE );
			curl_close( $curl );
			if ( 200 === $status ) {
				return;
			}
			usleep( 100000 );
		}
		$this->stop();
		throw new \RuntimeException( 'the network did not answer at ' . $this->url );
	}

	private static function free_port(): int {
		$socket = stream_socket_server( 'tcp://127.0.0.1:0' );
		if ( false === $socket ) {
			throw new \RuntimeException( 'no free port' );
		}
		$port = (int) substr( strrchr( (string) stream_socket_get_name( $socket, false ), ':' ), 1 );
		fclose( $socket );
		return $port;
	}

	/**
	 * Runs a command (no shell) and fails on a non-zero exit.
	 *
	 * @param list<string> $command Program and arguments.
	 */
	private static function shell( array $command ): void {
		$run = Process::run( $command );
		if ( 0 !== $run['code'] ) {
			throw new \RuntimeException( implode( ' ', $command ) . ': ' . $run['err'] . $run['out'] );
		}
	}
}
