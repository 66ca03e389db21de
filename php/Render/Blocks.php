<?php
/**
 * Block registration.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Render;

use CognitoBlocks\Forms\Registry;
use CognitoBlocks\Settings\Settings;
use CognitoBlocks\Users\Registration;

/**
 * Registers every form of the registry as a block from its built block.json, the form's single contract (name,
 * attributes, supports, assets). All blocks are dynamic and share one render callback that hands the attributes
 * to FormRenderer, so nothing but the block comment is saved in post content.
 */
final class Blocks {

	/**
	 * The global the sign-up block's editor script reads (blocks/register/new-accounts.ts).
	 */
	public const EDITOR_DATA = 'cognitoBlocksEditor';

	/**
	 * The sign-up block: its editor warns when this site creates no accounts for new members.
	 */
	private const SIGN_UP_BLOCK = 'cognito-blocks/register';

	/**
	 * Registers each form's block (the `init` action). A form whose block.json was not built yet is skipped.
	 */
	public static function register(): void {
		foreach ( Registry::all() as $form ) {
			if ( $form->is_built() ) {
				register_block_type(
					$form->block_dir,
					array(
						'render_callback' => static fn ( array $attributes ): string => FormRenderer::render( $form->name, $attributes, get_block_wrapper_attributes() ),
					)
				);
			}
		}
	}

	/**
	 * `enqueue_block_editor_assets`: tells the sign-up block's editor script whether a first sign-in creates an
	 * account here (see Registration::new_accounts_refused()), so the block says so where it is placed: people who
	 * sign up through it would otherwise be refused at their first sign-in with nothing in the editor to tell why.
	 * Read from the settings each time the editor loads, so it needs no data store.
	 */
	public static function editor_data(): void {
		$type = \WP_Block_Type_Registry::get_instance()->get_registered( self::SIGN_UP_BLOCK );
		if ( null === $type ) {
			return;
		}
		$refused = Registration::new_accounts_refused( Settings::current() );
		$data    = array( 'newAccountsRefused' => $refused );
		if ( 'closed' === $refused && current_user_can( 'manage_options' ) ) {
			$data['generalSettingsUrl'] = admin_url( 'options-general.php' );
		}
		foreach ( $type->editor_script_handles as $handle ) {
			wp_add_inline_script( $handle, sprintf( 'window.%s = %s;', self::EDITOR_DATA, wp_json_encode( $data ) ), 'before' );
		}
	}
}
