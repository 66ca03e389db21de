<?php
/**
 * The single sign-on buttons as the server prints them.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Render;

/**
 * The stand-in of the `sso` view (src/components/sso-buttons): the same buttons, disabled until the script has
 * mounted them, so the page does not move. Without single sign-on set up, a short note for editors.
 */
final class SsoButtons {

	/**
	 * The buttons the attributes pick (all, or the comma-separated `providers`), in the settings' order.
	 *
	 * @param array<mixed>        $providers  HostedUi::buttons(): {provider, label} each.
	 * @param array<string,mixed> $attributes The block's normalised attributes.
	 * @return list<array{provider:string,label:string}>
	 */
	public static function chosen( array $providers, array $attributes ): array {
		$wanted = array_filter( array_map( 'trim', explode( ',', is_string( $attributes['providers'] ?? null ) ? $attributes['providers'] : '' ) ) );
		$chosen = array();
		foreach ( $providers as $entry ) {
			if ( ! is_array( $entry ) || ! is_string( $entry['provider'] ?? null ) || ! is_string( $entry['label'] ?? null ) ) {
				continue;
			}
			if ( array() === $wanted || in_array( $entry['provider'], $wanted, true ) ) {
				$chosen[] = array(
					'provider' => $entry['provider'],
					'label'    => $entry['label'],
				);
			}
		}
		return $chosen;
	}

	/**
	 * The markup.
	 *
	 * @param list<array{provider:string,label:string}> $providers The chosen buttons (chosen()).
	 */
	public static function render( array $providers ): string {
		$buttons = '';
		foreach ( $providers as $entry ) {
			$buttons .= sprintf(
				'<button type="button" class="cognito-blocks__button cognito-blocks__button--secondary cognito-blocks__sso-button" data-provider="%1$s" disabled>%2$s</button>',
				esc_attr( $entry['provider'] ),
				esc_html( $entry['label'] )
			);
		}
		if ( '' === $buttons ) {
			return current_user_can( 'manage_options' )
				? '<p class="cognito-blocks__notice">' . esc_html__( 'Single sign-on is not set up: add the hosted UI domain in Settings › Cognito Blocks.', 'cognito-blocks' ) . '</p>'
				: '';
		}
		return '<div class="cognito-blocks-form cognito-blocks__sso">' . $buttons . '</div>';
	}
}
