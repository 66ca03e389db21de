<?php
/**
 * Base of every token rejection.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Auth\Exception;

/**
 * A token failed one check. Carries what was expected and what was found, for the debug log only: the client is
 * told one generic message whatever the reason. Never holds the token itself.
 */
abstract class TokenRejected extends \RuntimeException {

	/**
	 * What the check required.
	 *
	 * @var string
	 */
	private string $expected;

	/**
	 * What the token had.
	 *
	 * @var string
	 */
	private string $actual;

	/**
	 * Creates the rejection.
	 *
	 * @param string $expected What the check required.
	 * @param string $actual   What the token had (a claim value or a description, never the token).
	 */
	public function __construct( string $expected, string $actual ) {
		$this->expected = self::clip( $expected );
		$this->actual   = self::clip( $actual );
		parent::__construct( sprintf( '%s: expected %s, got %s', static::check(), $this->expected, $this->actual ) );
	}

	/**
	 * Short name of the failed check, stable for logs.
	 */
	abstract public static function check(): string;

	/**
	 * What the check required.
	 */
	public function expected(): string {
		return $this->expected;
	}

	/**
	 * What the token had.
	 */
	public function actual(): string {
		return $this->actual;
	}

	/**
	 * Describes any value for the log, briefly.
	 *
	 * @param mixed $value A claim or header value.
	 */
	public static function describe( mixed $value ): string {
		if ( null === $value ) {
			return 'nothing';
		}
		if ( is_bool( $value ) ) {
			return $value ? 'true' : 'false';
		}
		if ( is_scalar( $value ) ) {
			return '"' . (string) $value . '"';
		}
		return gettype( $value );
	}

	/**
	 * Keeps log lines short and free of control characters.
	 *
	 * @param string $text Text to clip.
	 */
	private static function clip( string $text ): string {
		$text = (string) preg_replace( '/[\x00-\x1f\x7f]/', '?', $text );
		return strlen( $text ) > 120 ? substr( $text, 0, 117 ) . '...' : $text;
	}
}
