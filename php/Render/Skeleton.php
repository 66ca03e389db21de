<?php
/**
 * The server's stand-in for a form until the script mounts it.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Render;

use CognitoBlocks\Plugin;
use CognitoBlocks\Settings\Settings;

/**
 * Prints a copy of a form's first step: the same elements and class names as the React views
 * (src/components/sign-in-form, sign-up-form, forgot-password-form, step/, form/), read from the same attributes
 * as src/components/account-flow/config.ts. Its texts, field rules and standard attributes come from the tables
 * the views are tested against (contract/step-texts.json, sign-up-fields.json, standard-attributes.json); the
 * layout-shift e2e test checks that the skeleton and the mounted form say the same words at the same height. Whatever the theme's CSS does to headings,
 * labels, inputs and buttons, it does to both, so the page does not move when the form replaces it.
 *
 * Its fields are live from first paint: a visitor can focus and type before the script has run, and
 * src/wp/skeleton-handover.ts carries what was typed (and the focus) into the form when it takes over. Nothing
 * can be sent before then: the inputs have no names and the submit button, the form's default button, stays
 * disabled, so Enter submits nothing; the links and the show-password toggle wait too. Labels point at their
 * inputs with ids of their own (`cognito-blocks-skeleton-<n>-<k>`), which the mounted form replaces. The markup
 * itself (elements, classes) is kept in step with the views by hand.
 */
final class Skeleton {

	/**
	 * Skeletons printed in this request, for ids unique on the page.
	 *
	 * @var int
	 */
	private static int $printed = 0;

	/**
	 * Fields of the skeleton being printed, for its ids.
	 *
	 * @var int
	 */
	private static int $fields = 0;

	/**
	 * The stand-in of a form whose first view needs data from Cognito before it can show anything (the profile):
	 * the loading line src/components/step-loading prints, in a box that holds the form's usual height.
	 */
	public static function placeholder(): string {
		return sprintf(
			'<div class="cognito-blocks-form cognito-blocks__step cognito-blocks__step--loading cognito-blocks__placeholder"><p role="status" class="cognito-blocks__status"><span class="cognito-blocks__spinner" aria-hidden="true"></span>%s</p></div>',
			esc_html__( 'Loading your account…', 'cognito-blocks' )
		);
	}

	/**
	 * The first step's markup.
	 *
	 * @param string              $entry      The form's first step (Forms\Form::$entry): `signIn`, `signUp` or
	 *                                        `forgotPassword`; any other prints no skeleton.
	 * @param array<string,mixed> $attributes The attributes the mount point's data-config carries.
	 */
	public static function render( string $entry, array $attributes ): string {
		if ( ! in_array( $entry, array( 'signIn', 'signUp', 'forgotPassword' ), true ) ) {
			return '';
		}
		// The step's class as the React view names it: signUp → sign-up.
		$step = strtolower( (string) preg_replace( '/[A-Z]/', '-$0', $entry ) );
		++self::$printed;
		self::$fields = 0;
		$text         = static fn ( string $name ): string => isset( $attributes[ $name ] ) && is_string( $attributes[ $name ] ) ? trim( $attributes[ $name ] ) : '';
		$flag         = static fn ( string $name, bool $fallback ): bool => isset( $attributes[ $name ] ) && is_bool( $attributes[ $name ] ) ? $attributes[ $name ] : $fallback;

		$level   = isset( $attributes['headingLevel'] ) && is_int( $attributes['headingLevel'] ) && $attributes['headingLevel'] >= 1 && $attributes['headingLevel'] <= 6 ? $attributes['headingLevel'] : 2;
		$by_mail = 'email' === ( $attributes['usernameKind'] ?? '' );
		$login   = self::text( $by_mail ? 'labels.email' : 'labels.usernameOrEmail' );
		$input   = self::input( $by_mail ? 'email' : 'text', 'username' );

		switch ( $entry ) {
			case 'signUp':
				$fields = self::sign_up_fields( $attributes, $flag( 'usernameField', false ), $text( 'terms' ), $flag( 'requireTerms', false ) );
				break;
			case 'forgotPassword':
				$fields = self::field( $login, $input );
				break;
			default:
				$fields = self::field( $login, $input )
					. self::field( self::text( 'labels.password' ), self::password( 'current-password' ) )
					. ( $flag( 'showRemember', false ) ? self::checkbox( esc_html( self::text( 'labels.remember' ) ) ) : '' );
		}
		$heading = self::text( "steps.$entry.heading" );
		$submit  = self::text( "steps.$entry.submit" );
		// Each link shows while the attribute named by its key is on (all are on by default).
		$links = array();
		foreach ( array_keys( (array) ( self::texts()['steps'][ $entry ]['links'] ?? array() ) ) as $shown_by ) {
			$links[ self::text( "steps.$entry.links.$shown_by" ) ] = $flag( (string) $shown_by, true );
		}
		$description = '' !== $text( 'description' ) ? $text( 'description' ) : self::text( "steps.$entry.description" );
		return sprintf(
			'<div class="cognito-blocks-form cognito-blocks__step cognito-blocks__step--%1$s cognito-blocks__skeleton">'
				. '<h%2$d class="cognito-blocks__heading">%3$s</h%2$d>%4$s'
				. '<form class="cognito-blocks__form" novalidate>%5$s<div class="cognito-blocks__actions">'
				. '<button type="submit" class="cognito-blocks__button cognito-blocks__button--primary" disabled><span class="cognito-blocks__button-label">%6$s</span></button>'
				. '</div></form>%7$s</div>',
			esc_attr( $step ),
			$level,
			esc_html( '' !== $text( 'heading' ) ? $text( 'heading' ) : $heading ),
			'' !== $description ? '<div class="cognito-blocks__description">' . esc_html( $description ) . '</div>' : '',
			$fields,
			esc_html( '' !== $text( 'submitLabel' ) ? $text( 'submitLabel' ) : $submit ),
			self::links( array_keys( array_filter( $links ) ) )
		);
	}

	/**
	 * The sign-up step's fields: optional username, the attribute fields, the new password with its checklist,
	 * the terms.
	 *
	 * @param array<string,mixed> $attributes     Block attributes.
	 * @param bool                $username_field Whether a username of its own is asked for.
	 * @param string              $terms          Terms text.
	 * @param bool                $require_terms  Terms as a checkbox.
	 */
	private static function sign_up_fields( array $attributes, bool $username_field, string $terms, bool $require_terms ): string {
		$html = $username_field ? self::field( self::text( 'labels.username' ), self::input( 'text', 'username' ) ) : '';
		foreach ( self::attribute_fields( $attributes['fields'] ?? null ) as $field ) {
			$label = esc_html( $field['label'] );
			if ( ! $field['required'] ) {
				$label .= '<span class="cognito-blocks__optional"> ' . esc_html( self::text( 'labels.optional' ) ) . '</span>';
			}
			$html .= self::field( $label, self::input( $field['type'], $field['autocomplete'] ), true );
		}
		$html .= self::field( self::text( 'labels.password' ), self::password( 'new-password', '<div class="cognito-blocks__details">' . self::checklist() . '</div>' ) );
		if ( '' !== $terms && $require_terms ) {
			$html .= self::checkbox( esc_html( $terms ) );
		} elseif ( '' !== $terms ) {
			$html .= '<div class="cognito-blocks__terms">' . esc_html( $terms ) . '</div>';
		}
		return $html;
	}

	/**
	 * The tables the views read too: contract/sign-up-fields.json (the name pattern, the default sign-up fields)
	 * and contract/standard-attributes.json (each standard attribute's label, autocomplete token and input type).
	 *
	 * @return array{namePattern:string,defaultSignUpFields:array<mixed>,attributes:array<string,array<string,string>>}
	 */
	private static function attribute_table(): array {
		static $table = null;
		if ( null === $table ) {
			$read    = static function ( string $file, string $key ): array {
				$decoded = wp_json_file_decode( Plugin::path( 'contract/' . $file ), array( 'associative' => true ) );
				return is_array( $decoded ) && is_array( $decoded[ $key ] ?? null ) ? $decoded[ $key ] : array();
			};
			$sign_up = wp_json_file_decode( Plugin::path( 'contract/sign-up-fields.json' ), array( 'associative' => true ) );
			$table   = array(
				'namePattern'         => is_array( $sign_up ) && is_string( $sign_up['namePattern'] ?? null ) ? $sign_up['namePattern'] : '^$',
				'defaultSignUpFields' => $read( 'sign-up-fields.json', 'defaultFields' ),
				'attributes'          => $read( 'standard-attributes.json', 'attributes' ),
			);
		}
		return $table;
	}

	/**
	 * The sign-up fields as config.ts's signUpFields() reads them, with the labels, input types and autocomplete
	 * tokens of contract/standard-attributes.json.
	 *
	 * @param mixed $value The `fields` attribute.
	 * @return list<array{label:string,type:string,autocomplete:string,required:bool}>
	 */
	private static function attribute_fields( $value ): array {
		$table   = self::attribute_table();
		$pattern = '/' . str_replace( '/', '\/', $table['namePattern'] ) . '/';
		$list    = is_array( $value ) ? $value : array();
		$fields  = self::resolve_fields( $list, $pattern, $table['attributes'] );
		return array() === $fields ? self::resolve_fields( $table['defaultSignUpFields'], $pattern, $table['attributes'] ) : $fields;
	}

	/**
	 * Valid fields of a list, without duplicates, resolved against the standard attributes.
	 *
	 * @param array<mixed>                       $list    Items: a name, or { name, label?, required? }.
	 * @param string                             $pattern What a field name may be (PCRE).
	 * @param array<string,array<string,string>> $known   Standard attributes.
	 * @return list<array{label:string,type:string,autocomplete:string,required:bool}>
	 */
	private static function resolve_fields( array $list, string $pattern, array $known ): array {
		$fields = array();
		foreach ( $list as $item ) {
			$item = is_string( $item ) ? array( 'name' => $item ) : $item;
			$name = is_array( $item ) && isset( $item['name'] ) && is_string( $item['name'] ) ? $item['name'] : '';
			if ( ! preg_match( $pattern, $name ) || isset( $fields[ $name ] ) ) {
				continue;
			}
			$label = isset( $item['label'] ) && is_string( $item['label'] ) ? trim( $item['label'] ) : '';
			if ( '' === $label && isset( $known[ $name ]['label'] ) ) {
				// The English label is the msgid the views' literal table gives the translators (attributes.ts).
				$label = translate( $known[ $name ]['label'], 'cognito-blocks' ); // phpcs:ignore WordPress.WP.I18n.LowLevelTranslationFunction,WordPress.WP.I18n.NonSingularStringLiteralText -- msgids from contract/standard-attributes.json, extracted from src/components/attribute-fields/attributes.ts.
			}
			if ( '' === $label ) {
				$label = ucfirst( trim( (string) preg_replace( '/[_-]+/', ' ', (string) preg_replace( '/^custom:/', '', $name ) ) ) );
			}
			$fields[ $name ] = array(
				'label'        => $label,
				'type'         => $known[ $name ]['type'] ?? 'text',
				'autocomplete' => $known[ $name ]['autoComplete'] ?? 'on',
				'required'     => isset( $item['required'] ) && true === $item['required'],
			);
		}
		return array_values( $fields );
	}

	/**
	 * A new id for the next field of this skeleton.
	 */
	private static function next_id(): string {
		return sprintf( 'cognito-blocks-skeleton-%d-%d', self::$printed, ++self::$fields );
	}

	/**
	 * A labelled field (form/Field.tsx). `$control` gets the id its label points at.
	 *
	 * @param string                   $label   Label text; HTML when $escaped.
	 * @param callable(string): string $control The control's markup for an id.
	 * @param bool                     $escaped Whether $label is already HTML.
	 */
	private static function field( string $label, callable $control, bool $escaped = false ): string {
		$id = self::next_id();
		return '<div class="cognito-blocks__field"><label class="cognito-blocks__label" for="' . esc_attr( $id ) . '">' . ( $escaped ? $label : esc_html( $label ) ) . '</label>' . $control( $id ) . '</div>';
	}

	/**
	 * A text input of the given type, live but nameless (see the class comment).
	 *
	 * @param string $type         Input type.
	 * @param string $autocomplete Autocomplete token, as the view's input has it.
	 * @return callable(string): string
	 */
	private static function input( string $type, string $autocomplete ): callable {
		return static fn ( string $id ): string => sprintf(
			'<input class="cognito-blocks__input" type="%1$s" id="%2$s" autocomplete="%3$s">',
			esc_attr( $type ),
			esc_attr( $id ),
			esc_attr( $autocomplete )
		);
	}

	/**
	 * A checkbox with its label after it (form/CheckboxField.tsx).
	 *
	 * @param string $label Escaped label.
	 */
	private static function checkbox( string $label ): string {
		$id = self::next_id();
		return '<div class="cognito-blocks__field cognito-blocks__field--checkbox"><input type="checkbox" class="cognito-blocks__checkbox" id="' . esc_attr( $id ) . '"><label class="cognito-blocks__label" for="' . esc_attr( $id ) . '">' . $label . '</label></div>';
	}

	/**
	 * A password input with its show/hide toggle (password-input/index.tsx); the toggle waits for the script.
	 *
	 * @param string $autocomplete `current-password` or `new-password`.
	 * @param string $details      Markup after the input (the checklist).
	 * @return callable(string): string
	 */
	private static function password( string $autocomplete, string $details = '' ): callable {
		return static fn ( string $id ): string => '<div class="cognito-blocks__password"><input type="password" class="cognito-blocks__input cognito-blocks__password-input" id="' . esc_attr( $id ) . '" autocomplete="' . esc_attr( $autocomplete ) . '">'
			. '<button type="button" class="cognito-blocks__toggle" disabled><svg class="cognito-blocks__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">'
			. '<path fill="none" stroke="currentColor" stroke-width="2" d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z"></path><circle cx="12" cy="12" r="3" fill="none" stroke="currentColor" stroke-width="2"></circle></svg>'
			. '<span class="cognito-blocks__sr-only">' . esc_html( self::text( 'labels.showPassword' ) ) . '</span></button></div>' . $details;
	}

	/**
	 * The password checklist of the configured policy, nothing met yet (password-checklist/index.tsx renders the
	 * same rules from the same setting, Config::password_policy()).
	 */
	private static function checklist(): string {
		$policy = Settings::current()->password_policy();
		$rules  = array_filter(
			array(
				'minLength' => sprintf( self::text( 'checklist.rules.minLength' ), $policy['minLength'] ),
				'uppercase' => $policy['requireUppercase'] ? self::text( 'checklist.rules.uppercase' ) : '',
				'lowercase' => $policy['requireLowercase'] ? self::text( 'checklist.rules.lowercase' ) : '',
				'number'    => $policy['requireNumbers'] ? self::text( 'checklist.rules.number' ) : '',
				'symbol'    => $policy['requireSymbols'] ? self::text( 'checklist.rules.symbol' ) : '',
			)
		);
		$items  = '';
		foreach ( $rules as $rule => $label ) {
			$items .= sprintf(
				'<li class="cognito-blocks__rule" data-rule="%1$s" data-met="false"><svg class="cognito-blocks__rule-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><circle cx="8" cy="8" r="5" fill="none" stroke="currentColor" stroke-width="1.5"></circle></svg><span class="cognito-blocks__rule-label">%2$s</span><span class="cognito-blocks__sr-only"> %3$s</span></li>',
				esc_attr( $rule ),
				esc_html( $label ),
				esc_html( self::text( 'checklist.notYet' ) )
			);
		}
		return '<div class="cognito-blocks__checklist"><p class="cognito-blocks__checklist-title">' . esc_html( self::text( 'checklist.title' ) ) . '</p><ul class="cognito-blocks__checklist-items">' . $items . '</ul></div>';
	}

	/**
	 * The English texts of the first steps as the views say them (contract/step-texts.json).
	 *
	 * @return array<string,mixed>
	 */
	private static function texts(): array {
		static $texts = null;
		if ( null === $texts ) {
			$decoded = wp_json_file_decode( Plugin::path( 'contract/step-texts.json' ), array( 'associative' => true ) );
			$texts   = is_array( $decoded ) ? $decoded : array();
		}
		return $texts;
	}

	/**
	 * One text of contract/step-texts.json by its dotted path, translated; empty when the table has none.
	 *
	 * @param string $path E.g. `steps.signIn.heading`.
	 */
	private static function text( string $path ): string {
		$value = self::texts();
		foreach ( explode( '.', $path ) as $key ) {
			$value = is_array( $value ) ? ( $value[ $key ] ?? null ) : null;
		}
		// The msgids come from the views' literal strings (src/components), the same English text: see the table.
		return is_string( $value ) ? translate( $value, 'cognito-blocks' ) : ''; // phpcs:ignore WordPress.WP.I18n.LowLevelTranslationFunction,WordPress.WP.I18n.NonSingularStringLiteralText -- msgids from contract/step-texts.json, extracted from the views.
	}

	/**
	 * The links below the form (step/StepLinks.tsx): buttons styled as links.
	 *
	 * @param string[] $labels Labels of the shown links.
	 */
	private static function links( array $labels ): string {
		if ( array() === $labels ) {
			return '';
		}
		$items = '';
		foreach ( $labels as $label ) {
			$items .= '<li class="cognito-blocks__links-item"><button type="button" class="cognito-blocks__link" disabled>' . esc_html( $label ) . '</button></li>';
		}
		return '<div class="cognito-blocks__footer"><ul class="cognito-blocks__links">' . $items . '</ul></div>';
	}
}
