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
	private readonly array $values;

	/**
	 * Fields whose value comes from a wp-config.php constant.
	 *
	 * @var list<string>
	 */
	private readonly array $pinned;

	/**
	 * Creates the settings view.
	 *
	 * @param array<string,mixed> $values Raw values; sanitised here so a Config is always valid.
	 * @param string[]            $pinned Fields pinned by constants.
	 */
	public function __construct( array $values, array $pinned = array() ) {
		$this->values = Sanitizer::sanitize( $values );
		$this->pinned = array_values( array_intersect( $pinned, array_keys( Fields::all() ) ) );
	}

	/**
	 * The user pool id, e.g. "eu-west-1_AbC123"; empty when unset.
	 */
	public function user_pool_id(): string {
		return $this->string( 'user_pool_id' );
	}

	/**
	 * The app client id; empty when unset.
	 */
	public function client_id(): string {
		return $this->string( 'client_id' );
	}

	/**
	 * The endpoint override (no trailing slash); null when the pool is reached at Amazon Cognito.
	 */
	public function endpoint(): ?string {
		$endpoint = $this->string( 'endpoint' );
		return '' === $endpoint ? null : $endpoint;
	}

	/**
	 * The creation policy as set: `follow` (WordPress's "Anyone can register"), `create`, `link` or `deny`.
	 */
	public function creation_policy(): string {
		return $this->string( 'creation_policy' );
	}

	/**
	 * What a first sign-in without a linked account does: `create`, `link` or `deny`. `follow` creates accounts
	 * only while WordPress accepts registrations; otherwise an existing account can still be linked (its owner
	 * already has an account here), but no new one is made.
	 *
	 * @param bool $registration_open Whether WordPress's "Anyone can register" is on (see Users\Registration).
	 */
	public function effective_creation_policy( bool $registration_open ): string {
		$policy = $this->creation_policy();
		if ( 'follow' !== $policy ) {
			return $policy;
		}
		return $registration_open ? 'create' : 'link';
	}

	/**
	 * Whether the settings and user data stay in the database when the plugin is deleted.
	 */
	public function keep_data_on_uninstall(): bool {
		return $this->bool( 'keep_data_on_uninstall' );
	}

	/**
	 * Role slug of accounts created at first sign-in.
	 */
	public function default_role(): string {
		return $this->string( 'default_role' );
	}

	/**
	 * Whether roles follow the groups at every sign-in, not only at account creation.
	 */
	public function sync_roles_on_login(): bool {
		return $this->bool( 'sync_roles_on_login' );
	}

	/**
	 * Whether that update may take the administrator role away.
	 */
	public function sync_demotes_admins(): bool {
		return $this->bool( 'sync_demotes_admins' );
	}

	/**
	 * Whether an existing account may be linked by an email address Cognito has verified.
	 */
	public function link_by_verified_email(): bool {
		return $this->bool( 'link_by_verified_email' );
	}

	/**
	 * Capabilities whose holders are never linked automatically by email (sanitize_key() form, no duplicates).
	 *
	 * @return list<string>
	 */
	public function never_link_capabilities(): array {
		$value = $this->value( 'never_link_capabilities' );
		return is_array( $value ) ? array_values( array_filter( $value, 'is_string' ) ) : array();
	}

	/**
	 * Whether the profile form may delete the signed-in account (DELETE /account).
	 */
	public function profile_delete_allowed(): bool {
		return $this->bool( 'profile_delete_allowed' );
	}

	/**
	 * What deleting an account from the profile form does: `unlink` (keep the WordPress account, remove its
	 * link) or `delete` (delete the WordPress account; on a network, remove it from this site).
	 */
	public function deleted_account(): string {
		return $this->string( 'deleted_account' );
	}

	/**
	 * The account that receives a deleted account's content; 0 for none (then an account with content is not
	 * deleted).
	 */
	public function deleted_account_reassign(): int {
		return $this->int( 'deleted_account_reassign' );
	}

	/**
	 * Reverse proxies whose X-Forwarded-For is believed (addresses or CIDR ranges); empty: none.
	 *
	 * @return list<string>
	 */
	public function trusted_proxies(): array {
		$value = $this->value( 'trusted_proxies' );
		return is_array( $value ) ? array_values( array_filter( $value, 'is_string' ) ) : array();
	}

	/**
	 * Allowed clock difference in token time checks, in seconds.
	 */
	public function leeway(): int {
		return $this->int( 'leeway' );
	}

	/**
	 * How old a token's authentication (auth_time) may be, in seconds.
	 */
	public function max_token_age(): int {
		return $this->int( 'max_token_age' );
	}

	/**
	 * Whether accounts linked to Cognito may still use their WordPress password (break-glass).
	 */
	public function allow_local_passwords(): bool {
		return $this->bool( 'allow_local_passwords' );
	}

	/**
	 * Whether the browser hands WordPress the refresh token, binding the session to Cognito.
	 */
	public function bind_refresh_token(): bool {
		return $this->bool( 'bind_refresh_token' );
	}

	/**
	 * Seconds between a session's checks with Cognito; 0: no checks.
	 */
	public function revalidate_interval(): int {
		return $this->int( 'revalidate_interval' );
	}

	/**
	 * Seconds a session survives while Cognito cannot be asked.
	 */
	public function revalidate_grace(): int {
		return $this->int( 'revalidate_grace' );
	}

	/**
	 * The app client's refresh token validity, in days.
	 */
	public function refresh_token_days(): int {
		return $this->int( 'refresh_token_days' );
	}

	/**
	 * The longest session without a refresh token, in hours from the Cognito sign-in.
	 */
	public function unbound_session_hours(): int {
		return $this->int( 'unbound_session_hours' );
	}

	/**
	 * Where the browser keeps its tokens: `memory`, `session` or `local`.
	 */
	public function token_storage(): string {
		return $this->string( 'token_storage' );
	}

	/**
	 * The ordered group => role map.
	 *
	 * @return list<array{group:string,role:string}>
	 */
	public function group_role_map(): array {
		$map = array();
		foreach ( (array) $this->value( 'group_role_map' ) as $entry ) {
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
	 * The hosted UI's base URL, without a trailing slash; empty when single sign-on is off.
	 */
	public function hosted_ui_domain(): string {
		return rtrim( $this->string( 'hosted_ui_domain' ), '/' );
	}

	/**
	 * The single sign-on buttons, in order.
	 *
	 * @return list<array{provider:string,label:string}>
	 */
	public function sso_providers(): array {
		$list = array();
		foreach ( (array) $this->value( 'sso_providers' ) as $entry ) {
			if ( is_array( $entry ) && is_string( $entry['provider'] ?? null ) && is_string( $entry['label'] ?? null ) ) {
				$list[] = array(
					'provider' => $entry['provider'],
					'label'    => $entry['label'],
				);
			}
		}
		return $list;
	}

	/**
	 * Whether signing out of WordPress also ends the hosted UI's session (for sessions opened through it).
	 */
	public function hosted_ui_sign_out(): bool {
		return $this->bool( 'hosted_ui_sign_out' );
	}

	/**
	 * The Cognito attribute => user meta key map.
	 *
	 * @return array<string,string>
	 */
	public function attribute_map(): array {
		$map = array();
		foreach ( (array) $this->value( 'attribute_map' ) as $attribute => $meta_key ) {
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
		return '' !== $this->user_pool_id() && '' !== $this->client_id() && '' !== $this->region();
	}

	/**
	 * AWS region: the configured one, else the prefix of the pool id ("eu-west-1_AbC" → "eu-west-1").
	 */
	public function region(): string {
		$region = $this->string( 'region' );
		if ( '' !== $region ) {
			return $region;
		}
		$pool = $this->user_pool_id();
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
		$pool     = $this->user_pool_id();
		$endpoint = $this->endpoint();
		if ( null !== $endpoint ) {
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
		$policy = (array) $this->value( 'password_policy' ) + Fields::DEFAULT_PASSWORD_POLICY;
		return array(
			'minLength'        => (int) $policy['min_length'],
			'requireUppercase' => true === $policy['require_uppercase'],
			'requireLowercase' => true === $policy['require_lowercase'],
			'requireNumbers'   => true === $policy['require_numbers'],
			'requireSymbols'   => true === $policy['require_symbols'],
		);
	}

	/**
	 * Public configuration the browser needs to talk to the pool: each setting Fields::all() marks for the
	 * browser, under its browser key, as its accessor here returns it. Holds nothing secret.
	 *
	 * @return array<string,mixed> Today {userPoolId, clientId, region, endpoint (string|null), tokenStorage,
	 *                             passwordPolicy} (src/wp/config.ts).
	 */
	public function client_config(): array {
		$client = array();
		foreach ( Fields::all() as $name => $field ) {
			if ( null !== $field->browser ) {
				$client[ $field->browser ] = $this->{$name}();
			}
		}
		return $client;
	}

	/**
	 * A setting's sanitised value.
	 *
	 * @param string $name Setting name from Fields::all().
	 */
	private function value( string $name ): mixed {
		return $this->values[ $name ] ?? null;
	}

	/**
	 * A string setting.
	 *
	 * @param string $name Setting name.
	 */
	private function string( string $name ): string {
		$value = $this->value( $name );
		return is_string( $value ) ? $value : '';
	}

	/**
	 * An integer setting.
	 *
	 * @param string $name Setting name.
	 */
	private function int( string $name ): int {
		$value = $this->value( $name );
		return is_int( $value ) ? $value : 0;
	}

	/**
	 * A boolean setting.
	 *
	 * @param string $name Setting name.
	 */
	private function bool( string $name ): bool {
		return true === $this->value( $name );
	}
}
