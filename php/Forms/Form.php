<?php
/**
 * One form the plugin offers.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Forms;

/**
 * A form as every surface sees it: its block (block.json: name, attributes, supports, assets), its shortcode, the
 * wp-login.php screens it replaces and its skeleton. Built by Registry from a descriptor plus the block.json in
 * `$block_dir`; the block.json stays the one contract for the form's attributes.
 */
final class Form {

	/**
	 * The decoded block.json, read on first use.
	 *
	 * @var array<string,mixed>|null
	 */
	private ?array $metadata = null;

	/**
	 * Builds a form.
	 *
	 * @param string   $name             Short name ("login"): block `cognito-blocks/<name>`, shortcode
	 *                                   `[cognito_<name>]` (dashes become underscores), mount point
	 *                                   `data-cognito-blocks="<name>"`.
	 * @param string   $block_dir        Folder holding the form's built block.json.
	 * @param string[] $login_actions    wp-login.php actions (`login`, `lostpassword`, …) whose core form this one
	 *                                   replaces while the plugin is configured.
	 * @param bool     $password_variant On those screens the visitor may choose the core WordPress-password form
	 *                                   instead (not for registration, which has no password variant).
	 * @param string   $view             The browser view that runs the form (src/wp/mount.tsx), e.g. `account`.
	 * @param string   $entry            The view's first step (`signIn`, `signUp`, `forgotPassword` for the
	 *                                   account view); the skeleton is a copy of it (empty: no skeleton).
	 * @param bool     $eager            The first step is in the page's bundle and mounts at once; otherwise the
	 *                                   skeleton stays until the view's chunk has loaded.
	 * @param bool     $signed_in        The form is for signed-in visitors, so it is mounted for them too; a
	 *                                   form without it shows a signed-in visitor "Signed in as … · Sign out".
	 * @param string   $signed_out       The form a signed-out visitor gets instead (the profile: `login`, which
	 *                                   brings them back to the page), unless the placed form links elsewhere
	 *                                   with its `signInUrl`; empty: the form itself.
	 */
	public function __construct(
		public readonly string $name,
		public readonly string $block_dir,
		public readonly array $login_actions = array(),
		public readonly bool $password_variant = true,
		public readonly string $view = 'account',
		public readonly string $entry = '',
		public readonly bool $eager = false,
		public readonly bool $signed_in = false,
		public readonly string $signed_out = ''
	) {}

	/**
	 * The block's name, e.g. `cognito-blocks/login`.
	 */
	public function block_name(): string {
		return 'cognito-blocks/' . $this->name;
	}

	/**
	 * The shortcode's tag, e.g. `cognito_reset_password`.
	 */
	public function shortcode(): string {
		return 'cognito_' . str_replace( '-', '_', $this->name );
	}

	/**
	 * The class every surface's wrapper carries, as the block editor derives it from the block name.
	 */
	public function css_class(): string {
		return 'wp-block-cognito-blocks-' . $this->name;
	}

	/**
	 * Whether the built block.json is there (a checkout that was not built has none).
	 */
	public function is_built(): bool {
		return is_readable( $this->block_dir . '/block.json' );
	}

	/**
	 * The `attributes` of block.json (name => schema).
	 *
	 * @return array<string,array<string,mixed>>
	 */
	public function attribute_schema(): array {
		$attributes = $this->metadata()['attributes'] ?? null;
		return is_array( $attributes ) ? array_filter( $attributes, 'is_array' ) : array();
	}

	/**
	 * Every attribute of the form, typed as block.json says, from whatever a surface was given: block attributes,
	 * shortcode strings, or values built in PHP. See Attributes.
	 *
	 * @param array<int|string,mixed> $given Given attributes (names in any case, with or without `_`/`-`).
	 * @return array<string,mixed>
	 */
	public function attributes( array $given ): array {
		return Attributes::normalise( $this->attribute_schema(), $given );
	}

	/**
	 * The decoded block.json; empty when it is missing or not JSON.
	 *
	 * @return array<string,mixed>
	 */
	private function metadata(): array {
		if ( null === $this->metadata ) {
			$file           = $this->block_dir . '/block.json';
			$decoded        = is_readable( $file ) ? wp_json_file_decode( $file, array( 'associative' => true ) ) : null;
			$this->metadata = is_array( $decoded ) ? $decoded : array();
		}
		return $this->metadata;
	}
}
