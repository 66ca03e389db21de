<?php
/**
 * A signing key and a JWKS endpoint for integration tests.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Integration;

/**
 * Generates an RSA key, publishes its JWKS with `php -S` on a free local port (own process group) and signs ID
 * tokens for the pool it pretends to be. Every request the key server answers is logged, so tests can count the
 * key set fetches of every web node.
 */
final class JwksFixture {

	public const POOL   = 'eu-west-1_Integ1';
	public const CLIENT = 'integclient1';
	public const KID    = 'integ-key-1';

	private \OpenSSLAsymmetricKey $key;

	private string $dir;

	private int $port;

	private ?int $pgid = null;

	public function __construct() {
		$key = openssl_pkey_new( array( 'private_key_bits' => 2048 ) );
		if ( false === $key ) {
			throw new \RuntimeException( 'openssl_pkey_new failed' );
		}
		$this->key = $key;
		$this->dir = sys_get_temp_dir() . '/cognito-blocks-jwks-' . bin2hex( random_bytes( 4 ) );
		mkdir( $this->dir . '/' . self::POOL . '/.well-known', 0777, true );
		$rsa = (array) ( openssl_pkey_get_details( $key )['rsa'] ?? array() );
		file_put_contents(
			$this->dir . '/' . self::POOL . '/.well-known/jwks.json',
			(string) json_encode(
				array(
					'keys' => array(
						array(
							'kty' => 'RSA',
							'kid' => self::KID,
							'use' => 'sig',
							'alg' => 'RS256',
							'n'   => self::b64( (string) $rsa['n'] ),
							'e'   => self::b64( (string) $rsa['e'] ),
						),
					),
				)
			)
		);
		// The router logs the request, then lets the built-in server answer with the file.
		file_put_contents( $this->dir . '/router.php', '<?php file_put_contents( __DIR__ . "/requests.log", $_SERVER["REQUEST_URI"] . "\n", FILE_APPEND | LOCK_EX ); return false;' );
		$probe      = stream_socket_server( 'tcp://127.0.0.1:0' );
		$name       = $probe ? (string) stream_socket_get_name( $probe, false ) : '127.0.0.1:0';
		$this->port = (int) substr( $name, strrpos( $name, ':' ) + 1 );
		if ( $probe ) {
			fclose( $probe );
		}
	}

	public function endpoint(): string {
		return 'http://127.0.0.1:' . $this->port;
	}

	/**
	 * The plugin's settings for this pool: its id, app client and endpoint.
	 *
	 * @return array<string,string>
	 */
	public function settings(): array {
		return array(
			'user_pool_id' => self::POOL,
			'client_id'    => self::CLIENT,
			'endpoint'     => $this->endpoint(),
		);
	}

	public function issuer(): string {
		return $this->endpoint() . '/' . self::POOL;
	}

	public function start(): void {
		if ( null !== $this->pgid ) {
			return;
		}
		$command = sprintf( 'setsid php -S 127.0.0.1:%d -t %s %s > /dev/null 2>&1 & echo $!', $this->port, escapeshellarg( $this->dir ), escapeshellarg( $this->dir . '/router.php' ) );
		$this->pgid = (int) trim( (string) shell_exec( $command ) );
		for ( $i = 0; $i < 100; $i++ ) {
			$socket = @fsockopen( '127.0.0.1', $this->port, $errno, $errstr, 0.1 );
			if ( $socket ) {
				fclose( $socket );
				return;
			}
			usleep( 50000 );
		}
		throw new \RuntimeException( 'JWKS fixture did not start' );
	}

	public function stop(): void {
		if ( null !== $this->pgid && $this->pgid > 1 ) {
			posix_kill( -$this->pgid, SIGTERM );
			usleep( 200000 );
		}
		$this->pgid = null;
	}

	/**
	 * How many times the key set was fetched since the last forget_fetches().
	 */
	public function fetches(): int {
		$log = @file_get_contents( $this->dir . '/requests.log' );
		return false === $log ? 0 : substr_count( $log, '/.well-known/jwks.json' );
	}

	public function forget_fetches(): void {
		@unlink( $this->dir . '/requests.log' );
	}

	public function remove(): void {
		$this->stop();
		$this->forget_fetches();
		@unlink( $this->dir . '/router.php' );
		@unlink( $this->dir . '/' . self::POOL . '/.well-known/jwks.json' );
		@rmdir( $this->dir . '/' . self::POOL . '/.well-known' );
		@rmdir( $this->dir . '/' . self::POOL );
		@rmdir( $this->dir );
	}

	/**
	 * A signed ID token.
	 *
	 * @param array<string,mixed> $overrides Claims to change; null removes one.
	 * @param string              $kid       Key id in the header (the published key's by default).
	 */
	public function token( array $overrides = array(), string $kid = self::KID ): string {
		$now    = time();
		$claims = array_filter(
			array_merge(
				array(
					'sub'            => 'sub-' . bin2hex( random_bytes( 6 ) ),
					'iss'            => $this->issuer(),
					'aud'            => self::CLIENT,
					'token_use'      => 'id',
					'auth_time'      => $now - 2,
					'iat'            => $now - 2,
					'exp'            => $now + 3600,
					'jti'            => bin2hex( random_bytes( 12 ) ),
					'email_verified' => true,
				),
				$overrides
			),
			static fn( $value ) => null !== $value
		);
		$input = self::b64( (string) json_encode( array( 'alg' => 'RS256', 'kid' => $kid ) ) ) . '.' . self::b64( (string) json_encode( $claims ) );
		openssl_sign( $input, $signature, $this->key, OPENSSL_ALGO_SHA256 );
		return $input . '.' . self::b64( (string) $signature );
	}

	public static function b64( string $bytes ): string {
		return rtrim( strtr( base64_encode( $bytes ), '+/', '-_' ), '=' );
	}
}
