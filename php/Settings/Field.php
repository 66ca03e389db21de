<?php
/**
 * One setting of the `cognito_blocks_settings` option.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Settings;

/**
 * Everything known about one setting, declared once in Fields::all(): its default, its kind (schema and
 * sanitiser), the words a settings screen shows, the constant that pins it and whether the browser receives it.
 */
final class Field {

	/**
	 * Declares a setting.
	 *
	 * @param string        $name    Key in the option; also the name of its Config accessor and, upper-cased, of its
	 *                               constant (COGNITO_BLOCKS_<NAME>).
	 * @param mixed         $default Value when unset or invalid; passes $rule unchanged.
	 * @param Rule          $rule    Schema and sanitiser.
	 * @param \Closure      $label   Returns the translated label. A closure, so __() runs when a screen shows it,
	 *                               after the text domain is loaded, and never for requests that show no settings.
	 * @param \Closure      $help    Returns the translated help text, likewise.
	 * @param string|null   $browser Key of the value in the browser's configuration (Config::client_config()), which
	 *                               holds only public values; null for a setting the page never sees.
	 * @param string        $section Where the settings page shows it: a key of Fields::sections().
	 * @param \Closure|null $choices For a choice: returns value => translated label, in the order shown.
	 */
	public function __construct(
		public readonly string $name,
		public readonly mixed $default,
		public readonly Rule $rule,
		private readonly \Closure $label,
		private readonly \Closure $help,
		public readonly ?string $browser = null,
		public readonly string $section = 'advanced',
		private readonly ?\Closure $choices = null
	) {}

	/**
	 * The translated labels of a choice's values (value => label); empty for other kinds.
	 *
	 * @return array<string,string>
	 */
	public function choices(): array {
		return null === $this->choices ? array() : ( $this->choices )();
	}

	/**
	 * The clean value of untrusted input; the default when nothing usable is left.
	 *
	 * @param mixed $value Untrusted value.
	 */
	public function sanitize( mixed $value ): mixed {
		return $this->rule->clean( $value ) ?? $this->default;
	}

	/**
	 * JSON schema of the value.
	 *
	 * @return array<string,mixed>
	 */
	public function schema(): array {
		return $this->rule->schema;
	}

	/**
	 * Name of the wp-config.php constant that pins the setting, e.g. COGNITO_BLOCKS_USER_POOL_ID.
	 */
	public function constant(): string {
		return 'COGNITO_BLOCKS_' . strtoupper( $this->name );
	}

	/**
	 * A constant's value as the sanitiser takes it: a map or list setting also accepts a JSON string, as constants
	 * written into wp-config.php by deployment tools often are; a string that is not JSON goes to the sanitiser as
	 * it is (a list setting takes "a, b").
	 *
	 * @param mixed $value Value of the constant.
	 */
	public function from_constant( mixed $value ): mixed {
		return is_array( $this->default ) && is_string( $value ) ? ( json_decode( $value, true ) ?? $value ) : $value;
	}

	/**
	 * Translated label.
	 */
	public function label(): string {
		return ( $this->label )();
	}

	/**
	 * Translated help text.
	 */
	public function help(): string {
		return ( $this->help )();
	}
}
