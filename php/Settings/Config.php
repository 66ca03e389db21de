<?php
/**
 * The effective settings of one request.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Settings;

/**
 * Immutable, validated settings (stored option merged with pinned constants) plus what is derived from them.
 */
final class Config {

	/**
	 * Complete, sanitised settings.
	 *
	 * @var array<string,mixed>
	 */
	private array $values;

	/**
	 * Fields whose value comes from a wp-config.php constant.
	 *
	 * @var list<string>
	 */
	private array $pinned;

	/**
	 * Creates the settings view.
	 *
	 * @param array<string,mixed> $values Raw values; sanitised here so a Config is always valid.
	 * @param string[]            $pinned Fields pinned by constants.
	 */
	public function __construct( array $values, array $pinned = array() ) {
		$this->values = Sanitizer::sanitize( $values );
		$this->pinned = array_values( array_intersect( $pinned, array_keys( Fields::defaults() ) ) );
	}

	/**
	 * One field's value.
	 *
	 * @param string $field Field name from Fields::defaults().
	 */
	public function get( string $field ): mixed {
		return $this->values[ $field ] ?? null;
	}

	/**
	 * String field.
	 *
	 * @param string $field Field name.
	 */
	public function string( string $field ): string {
		$value = $this->get( $field );
		return is_string( $value ) ? $value : '';
	}

	/**
	 * Integer field.
	 *
	 * @param string $field Field name.
	 */
	public function int( string $field ): int {
		$value = $this->get( $field );
		return is_int( $value ) ? $value : 0;
	}

	/**
	 * Boolean field.
	 *
	 * @param string $field Field name.
	 */
	public function bool( string $field ): bool {
		return true === $this->get( $field );
	}

	/**
	 * The ordered group => role map.
	 *
	 * @return list<array{group:string,role:string}>
	 */
	public function group_role_map(): array {
		$map = array();
		foreach ( (array) $this->get( 'group_role_map' ) as $entry ) {
			if ( is_array( $entry ) && is_string( $entry['group'] ?? null ) && is_string( $entry['role'] ?? null ) ) {
				$map[] = array(
					'group' => $entry['group'],
					'role'  => $entry['role'],
				);
			}
		}
		return $map;
	}

	/**
	 * The Cognito attribute => user meta key map.
	 *
	 * @return array<string,string>
	 */
	public function attribute_map(): array {
		$map = array();
		foreach ( (array) $this->get( 'attribute_map' ) as $attribute => $meta_key ) {
			if ( is_string( $meta_key ) ) {
				$map[ (string) $attribute ] = $meta_key;
			}
		}
		return $map;
	}

	/**
	 * Every field, sanitised.
	 *
	 * @return array<string,mixed>
	 */
	public function all(): array {
		return $this->values;
	}

	/**
	 * Fields pinned by wp-config.php constants, which a settings screen must show read-only.
	 *
	 * @return list<string>
	 */
	public function pinned(): array {
		return $this->pinned;
	}

	/**
	 * Whether a field is pinned by a constant.
	 *
	 * @param string $field Field name.
	 */
	public function is_pinned( string $field ): bool {
		return in_array( $field, $this->pinned, true );
	}

	/**
	 * Whether enough is set to verify tokens: a pool, a client and a region to find the pool in.
	 */
	public function is_configured(): bool {
		return '' !== $this->string( 'user_pool_id' ) && '' !== $this->string( 'client_id' ) && '' !== $this->region();
	}

	/**
	 * AWS region: the configured one, else the prefix of the pool id ("eu-west-1_AbC" → "eu-west-1").
	 */
	public function region(): string {
		$region = $this->string( 'region' );
		if ( '' !== $region ) {
			return $region;
		}
		$pool = $this->string( 'user_pool_id' );
		$cut  = strpos( $pool, '_' );
		return false === $cut ? '' : substr( $pool, 0, $cut );
	}

	/**
	 * The only issuer tokens are accepted from. Empty when the plugin is not configured.
	 */
	public function issuer(): string {
		if ( ! $this->is_configured() ) {
			return '';
		}
		$pool     = $this->string( 'user_pool_id' );
		$endpoint = $this->string( 'endpoint' );
		if ( '' !== $endpoint ) {
			return rtrim( $endpoint, '/' ) . '/' . $pool;
		}
		return 'https://cognito-idp.' . $this->region() . '.amazonaws.com/' . $pool;
	}

	/**
	 * Where the pool publishes its signing keys.
	 */
	public function jwks_url(): string {
		$issuer = $this->issuer();
		return '' === $issuer ? '' : $issuer . '/.well-known/jwks.json';
	}

	/**
	 * The password policy the checklists show, in the browser's names (src/auth/password-policy.ts).
	 *
	 * @return array{minLength:int,requireUppercase:bool,requireLowercase:bool,requireNumbers:bool,requireSymbols:bool}
	 */
	public function password_policy(): array {
		$policy = (array) $this->get( 'password_policy' ) + Fields::DEFAULT_PASSWORD_POLICY;
		return array(
			'minLength'        => (int) $policy['min_length'],
			'requireUppercase' => true === $policy['require_uppercase'],
			'requireLowercase' => true === $policy['require_lowercase'],
			'requireNumbers'   => true === $policy['require_numbers'],
			'requireSymbols'   => true === $policy['require_symbols'],
		);
	}

	/**
	 * Public configuration the browser needs to talk to the pool. Holds nothing secret.
	 *
	 * @return array{region:string,userPoolId:string,clientId:string,endpoint:string|null,tokenStorage:string,passwordPolicy:array<string,int|bool>}
	 */
	public function client_config(): array {
		$endpoint = $this->string( 'endpoint' );
		return array(
			'region'         => $this->region(),
			'userPoolId'     => $this->string( 'user_pool_id' ),
			'clientId'       => $this->string( 'client_id' ),
			'endpoint'       => '' === $endpoint ? null : $endpoint,
			'tokenStorage'   => $this->string( 'token_storage' ),
			'passwordPolicy' => $this->password_policy(),
		);
	}
}
