<?php
/**
 * The Cognito link on the user screens.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Admin;

use CognitoBlocks\Settings\Settings;
use CognitoBlocks\Users\Identity;
use CognitoBlocks\Users\PendingLink;

/**
 * Shows, on Users › Edit and Profile, which pool account signs in to this account (issuer, sub, username, linked
 * since, last sign-in) and, to those who may change it (UserLinking::may_link()), the fields to link or unlink;
 * adds a "Cognito" column to the Users list.
 */
final class UserProfile {

	public const COLUMN = 'cognito_blocks';

	/**
	 * `show_user_profile` and `edit_user_profile`: the section, inside core's profile form.
	 *
	 * @param \WP_User|mixed $user The account shown.
	 */
	public static function render( mixed $user ): void {
		if ( ! $user instanceof \WP_User ) {
			return;
		}
		$user_id = (int) $user->ID;
		$linked  = '' !== (string) get_user_meta( $user_id, Identity::META_KEY, true );
		echo '<h2 id="cognito-blocks-link">' . esc_html__( 'Member sign-in (Amazon Cognito)', 'cognito-blocks' ) . '</h2>';
		echo '<table class="form-table" role="presentation"><tbody>';
		if ( $linked ) {
			foreach ( self::details( $user_id ) as $label => $value ) {
				printf( '<tr><th scope="row">%1$s</th><td><code>%2$s</code></td></tr>', esc_html( $label ), esc_html( $value ) );
			}
		} else {
			$note = PendingLink::waiting( $user_id )
				? sprintf(
					/* translators: %s: Cognito username. */
					__( 'Not linked yet: the account is linked when the pool user %s next signs in.', 'cognito-blocks' ),
					(string) get_user_meta( $user_id, Identity::META_USERNAME, true )
				)
				: __( 'Not linked: this account signs in with its WordPress password.', 'cognito-blocks' );
			printf( '<tr><th scope="row">%1$s</th><td>%2$s</td></tr>', esc_html__( 'Status', 'cognito-blocks' ), esc_html( $note ) );
		}
		if ( UserLinking::may_link( $user_id ) ) {
			self::controls( $user_id, $linked );
		}
		echo '</tbody></table>';
	}

	/**
	 * What is known about a link, by translated label.
	 *
	 * @param int $user_id Linked account.
	 * @return array<string,string>
	 */
	public static function details( int $user_id ): array {
		$never = __( 'Never', 'cognito-blocks' );
		return array(
			__( 'Issuer', 'cognito-blocks' )           => (string) get_user_meta( $user_id, Identity::META_ISSUER, true ),
			__( 'Sub', 'cognito-blocks' )              => (string) get_user_meta( $user_id, Identity::META_SUB, true ),
			__( 'Cognito username', 'cognito-blocks' ) => self::or_dash( (string) get_user_meta( $user_id, Identity::META_USERNAME, true ) ),
			__( 'Signs in with', 'cognito-blocks' )    => self::provider( (string) get_user_meta( $user_id, Identity::META_PROVIDER, true ) ),
			__( 'Linked since', 'cognito-blocks' )     => self::date( get_user_meta( $user_id, Identity::META_LINKED_AT, true ), __( 'Unknown', 'cognito-blocks' ) ),
			__( 'Last sign-in', 'cognito-blocks' )     => self::date( get_user_meta( $user_id, Identity::META_LAST_LOGIN, true ), $never ),
		);
	}

	/**
	 * How the account signs in: an external identity provider's name, or the pool's own users.
	 *
	 * @param string $provider Identity::META_PROVIDER; empty for a user of the pool.
	 */
	private static function provider( string $provider ): string {
		return '' === $provider ? __( 'Cognito user name and password', 'cognito-blocks' ) : $provider;
	}

	/**
	 * The link and unlink fields.
	 *
	 * @param int  $user_id Account.
	 * @param bool $linked  Whether it is linked now.
	 */
	private static function controls( int $user_id, bool $linked ): void {
		echo '<tr><th scope="row">' . esc_html__( 'Change', 'cognito-blocks' ) . '</th><td>';
		wp_nonce_field( UserLinking::nonce_action( $user_id ), UserLinking::NONCE_FIELD, false );
		if ( $linked ) {
			printf(
				'<label><input type="checkbox" name="%1$s" value="unlink" /> %2$s</label><p class="description">%3$s</p>',
				esc_attr( UserLinking::FIELD_ACTION ),
				esc_html__( 'Unlink from the member sign-in', 'cognito-blocks' ),
				esc_html__( 'The account then signs in with its WordPress password only; a new link needs an administrator.', 'cognito-blocks' )
			);
			echo '</td></tr>';
			return;
		}
		printf( '<input type="hidden" name="%1$s" value="link" />', esc_attr( UserLinking::FIELD_ACTION ) );
		$fields = array(
			UserLinking::FIELD_SUB      => array( __( 'Cognito sub', 'cognito-blocks' ), '' ),
			UserLinking::FIELD_USERNAME => array( __( 'or Cognito username', 'cognito-blocks' ), '' ),
			UserLinking::FIELD_ISSUER   => array( __( 'Issuer', 'cognito-blocks' ), Settings::issuer() ),
		);
		foreach ( $fields as $name => $field ) {
			list( $label, $value ) = $field;
			printf(
				'<p><label for="%1$s">%2$s</label><br /><input type="text" class="regular-text code" id="%1$s" name="%1$s" value="%3$s" autocomplete="off" /></p>',
				esc_attr( $name ),
				esc_html( $label ),
				esc_attr( $value )
			);
		}
		printf(
			'<p class="description">%s</p></td></tr>',
			esc_html__( 'Link this account to a user of the pool: enter the user\'s sub (from the Cognito console) to link now, or the username to link at that user\'s next sign-in. Administrators are linked only this way, never by email. Leave both empty to change nothing.', 'cognito-blocks' )
		);
	}

	/**
	 * `manage_users_columns`: adds the column.
	 *
	 * @param array<string,string>|mixed $columns Columns by id.
	 * @return array<string,string>|mixed
	 */
	public static function columns( mixed $columns ): mixed {
		if ( is_array( $columns ) ) {
			$columns[ self::COLUMN ] = __( 'Cognito', 'cognito-blocks' );
		}
		return $columns;
	}

	/**
	 * `manage_users_custom_column`: the column's cell.
	 *
	 * @param string|mixed $output  Output so far.
	 * @param string|mixed $column  Column id.
	 * @param int|mixed    $user_id Row's account.
	 */
	public static function column( mixed $output, mixed $column, mixed $user_id ): mixed {
		if ( self::COLUMN !== $column ) {
			return $output;
		}
		$user_id = (int) $user_id;
		if ( '' === (string) get_user_meta( $user_id, Identity::META_KEY, true ) ) {
			return PendingLink::waiting( $user_id ) ? esc_html__( 'Waiting for first sign-in', 'cognito-blocks' ) : '—';
		}
		$name = (string) get_user_meta( $user_id, Identity::META_USERNAME, true );
		return esc_html( '' !== $name ? $name : __( 'Linked', 'cognito-blocks' ) );
	}

	/**
	 * A stored timestamp in the site's date and time format.
	 *
	 * @param mixed  $stored  Meta value.
	 * @param string $missing Text when there is none.
	 */
	private static function date( mixed $stored, string $missing ): string {
		if ( ! is_numeric( $stored ) || (int) $stored <= 0 ) {
			return $missing;
		}
		return (string) wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), (int) $stored );
	}

	/**
	 * A value, or a dash for none.
	 *
	 * @param string $value Value.
	 */
	private static function or_dash( string $value ): string {
		return '' === $value ? '—' : $value;
	}
}
