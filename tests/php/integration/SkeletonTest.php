<?php
/**
 * The first step the server prints in place of a form: the same elements, classes and texts as the React view,
 * driven by the block attributes, with live fields a visitor can type into before the script runs.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Integration;

use CognitoBlocks\Render\FormRenderer;
use CognitoBlocks\Render\Skeleton;
use CognitoBlocks\Settings\Settings;
use PHPUnit\Framework\TestCase;

final class SkeletonTest extends TestCase {

	public static function setUpBeforeClass(): void {
		if ( ! function_exists( 'do_blocks' ) ) {
			self::markTestSkipped( 'Needs WordPress (WP_ROOT).' );
		}
	}

	/**
	 * The skeleton parsed, with an XPath over it.
	 *
	 * @param string $html Markup.
	 */
	private static function xpath( string $html ): \DOMXPath {
		$document = new \DOMDocument();
		libxml_use_internal_errors( true );
		$document->loadHTML( '<?xml encoding="utf-8"?><body>' . $html . '</body>' );
		libxml_clear_errors();
		return new \DOMXPath( $document );
	}

	/**
	 * Text of every node matching a class, in document order.
	 *
	 * @param \DOMXPath $xpath The skeleton.
	 * @param string    $class One class name.
	 * @return list<string>
	 */
	private static function texts( \DOMXPath $xpath, string $class ): array {
		$texts = array();
		foreach ( $xpath->query( "//*[contains(concat(' ', @class, ' '), ' $class ')]" ) ?: array() as $node ) {
			$texts[] = trim( $node->textContent );
		}
		return $texts;
	}

	public function test_sign_in_mirrors_the_view_and_takes_no_part_in_the_page(): void {
		$html  = Skeleton::render( 'signIn', array( 'showRemember' => true ) );
		$xpath = self::xpath( $html );

		$root = $xpath->query( '/html/body/div' )->item( 0 );
		$this->assertInstanceOf( \DOMElement::class, $root );
		$this->assertSame( 'cognito-blocks-form cognito-blocks__step cognito-blocks__step--sign-in cognito-blocks__skeleton', $root->getAttribute( 'class' ) );
		// Live from first paint: focusable, labelled fields the visitor can type into before the script runs.
		$this->assertFalse( $root->hasAttribute( 'aria-hidden' ) );
		$this->assertFalse( $root->hasAttribute( 'inert' ) );
		$inputs = $xpath->query( '//input' );
		$this->assertSame( 3, $inputs->length );
		foreach ( $inputs as $input ) {
			$this->assertInstanceOf( \DOMElement::class, $input );
			$this->assertFalse( $input->hasAttribute( 'disabled' ) );
			$this->assertFalse( $input->hasAttribute( 'name' ), 'nameless: nothing can be sent before the form is live' );
			$id = $input->getAttribute( 'id' );
			$this->assertMatchesRegularExpression( '/^cognito-blocks-skeleton-\d+-\d+$/', $id );
			$this->assertSame( 1, $xpath->query( "//label[@for='$id']" )->length, "a label for $id" );
		}
		$this->assertSame( array( 'username', 'current-password', '' ), array_map( static fn ( $input ) => $input->getAttribute( 'autocomplete' ), iterator_to_array( $inputs ) ) );
		// Nothing can be sent or followed yet: the default button, the toggle and the links wait for the script.
		$this->assertSame( 0, $xpath->query( '//button[not(@disabled)]' )->length );
		$this->assertSame( 'submit', $xpath->query( "//button[contains(@class, 'cognito-blocks__button--primary')]" )->item( 0 )->getAttribute( 'type' ) );
		// Two skeletons on one page never share an id.
		$again = self::xpath( Skeleton::render( 'signIn', array() ) )->query( '//input/@id' )->item( 0 )->nodeValue;
		$this->assertNotSame( $inputs->item( 0 )->getAttribute( 'id' ), $again );

		$this->assertSame( array( 'Sign in' ), self::texts( $xpath, 'cognito-blocks__heading' ) );
		$this->assertSame( 'h2', $xpath->query( "//*[contains(@class, 'cognito-blocks__heading')]" )->item( 0 )->nodeName );
		$this->assertSame( array( 'Username or email', 'Password', 'Remember me' ), self::texts( $xpath, 'cognito-blocks__label' ) );
		$this->assertSame( 1, $xpath->query( "//form[@class='cognito-blocks__form']/div[@class='cognito-blocks__field']/div[@class='cognito-blocks__password']/input[@type='password']" )->length );
		$this->assertSame( array( 'Sign in' ), self::texts( $xpath, 'cognito-blocks__button-label' ) );
		$this->assertSame( array( 'Forgot your password?', 'Create an account' ), self::texts( $xpath, 'cognito-blocks__link' ) );
	}

	public function test_sign_in_takes_the_block_texts_and_link_choices(): void {
		$xpath = self::xpath(
			Skeleton::render(
				'signIn',
				array(
					'heading'           => ' Members ',
					'description'       => 'Welcome back.',
					'submitLabel'       => 'Go',
					'usernameKind'      => 'email',
					'showCreateAccount' => false,
					'headingLevel'      => 3,
				)
			)
		);
		$this->assertSame( 'h3', $xpath->query( "//*[contains(@class, 'cognito-blocks__heading')]" )->item( 0 )->nodeName );
		$this->assertSame( array( 'Members' ), self::texts( $xpath, 'cognito-blocks__heading' ) );
		$this->assertSame( array( 'Welcome back.' ), self::texts( $xpath, 'cognito-blocks__description' ) );
		$this->assertSame( array( 'Email', 'Password' ), self::texts( $xpath, 'cognito-blocks__label' ) );
		$this->assertSame( 1, $xpath->query( "//input[@type='email']" )->length );
		$this->assertSame( array( 'Go' ), self::texts( $xpath, 'cognito-blocks__button-label' ) );
		$this->assertSame( array( 'Forgot your password?' ), self::texts( $xpath, 'cognito-blocks__link' ) );
	}

	public function test_sign_up_lists_the_configured_fields_the_checklist_and_the_terms(): void {
		$xpath = self::xpath(
			Skeleton::render(
				'signUp',
				array(
					'fields'        => array(
						array(
							'name'     => 'email',
							'required' => true,
						),
						'given_name',
						array(
							'name'  => 'custom:company_size',
							'label' => '',
						),
						'email',
						'bad name!',
					),
					'usernameField' => true,
					'terms'         => 'I accept the rules.',
					'requireTerms'  => true,
					'showSignIn'    => false,
				)
			)
		);
		$this->assertSame(
			array( 'Username', 'Email', 'First name (optional)', 'Company size (optional)', 'Password', 'I accept the rules.' ),
			self::texts( $xpath, 'cognito-blocks__label' )
		);
		$this->assertSame( array( 'Create an account' ), self::texts( $xpath, 'cognito-blocks__heading' ) );
		$this->assertSame( 5, $xpath->query( "//li[contains(@class, 'cognito-blocks__rule')]" )->length );
		$this->assertSame( 1, $xpath->query( "//input[@type='checkbox']" )->length );
		$this->assertSame( array(), self::texts( $xpath, 'cognito-blocks__link' ) );
	}

	public function test_standard_attributes_come_from_the_table_the_views_read(): void {
		$table = json_decode( (string) file_get_contents( dirname( __DIR__, 3 ) . '/contract/standard-attributes.json' ), true );
		$this->assertIsArray( $table );
		$names = array_keys( $table['attributes'] );
		$xpath = self::xpath(
			Skeleton::render(
				'signUp',
				array(
					'fields' => array_map(
						static fn ( string $name ): array => array(
							'name'     => $name,
							'required' => true,
						),
						$names
					),
				)
			)
		);
		$inputs = $xpath->query( "//input[@class='cognito-blocks__input']" );
		$labels = self::texts( $xpath, 'cognito-blocks__label' );
		foreach ( $names as $index => $name ) {
			$entry = $table['attributes'][ $name ];
			$input = $inputs->item( $index );
			$this->assertInstanceOf( \DOMElement::class, $input );
			$this->assertSame( $entry['label'], $labels[ $index ], $name );
			$this->assertSame( $entry['type'], $input->getAttribute( 'type' ), $name );
			$this->assertSame( $entry['autoComplete'], $input->getAttribute( 'autocomplete' ), $name );
		}
		// The default fields of the table stand in for an unusable list.
		$fallback = self::xpath( Skeleton::render( 'signUp', array( 'fields' => array( 'bad name!' ) ) ) );
		$this->assertSame( array( 'Email', 'Password' ), self::texts( $fallback, 'cognito-blocks__label' ) );
		$sign_up = json_decode( (string) file_get_contents( dirname( __DIR__, 3 ) . '/contract/sign-up-fields.json' ), true );
		$this->assertSame( 'email', $sign_up['defaultFields'][0]['name'] );
	}

	public function test_the_checklist_and_the_browser_get_the_configured_password_policy(): void {
		$saved = get_option( Settings::OPTION, false );
		update_option(
			Settings::OPTION,
			array_merge(
				is_array( $saved ) ? $saved : array(),
				array(
					'password_policy' => array(
						'min_length'      => 12,
						'require_symbols' => false,
					),
				)
			)
		);
		try {
			$xpath = self::xpath( Skeleton::render( 'signUp', array() ) );
			$this->assertSame(
				array( 'At least 12 characters', 'An uppercase letter', 'A lowercase letter', 'A number' ),
				self::texts( $xpath, 'cognito-blocks__rule-label' )
			);

			$html = FormRenderer::render( 'register', array() );
			$this->assertSame( 1, preg_match( '/data-config="([^"]*)"/', $html, $match ) );
			$config = json_decode( html_entity_decode( $match[1], ENT_QUOTES ), true );
			$this->assertSame(
				array(
					'minLength'        => 12,
					'requireUppercase' => true,
					'requireLowercase' => true,
					'requireNumbers'   => true,
					'requireSymbols'   => false,
				),
				$config['cognito']['passwordPolicy'] ?? null
			);
		} finally {
			if ( false === $saved ) {
				delete_option( Settings::OPTION );
			} else {
				update_option( Settings::OPTION, $saved );
			}
		}
	}

	public function test_sign_up_falls_back_to_an_email_field_and_forgot_password_to_its_description(): void {
		$xpath = self::xpath( Skeleton::render( 'signUp', array( 'fields' => 'nonsense' ) ) );
		$this->assertSame( array( 'Email', 'Password' ), self::texts( $xpath, 'cognito-blocks__label' ) );
		$this->assertSame( array( 'Already have an account? Sign in' ), self::texts( $xpath, 'cognito-blocks__link' ) );

		$xpath = self::xpath( Skeleton::render( 'forgotPassword', array() ) );
		$this->assertSame( array( 'Reset your password' ), self::texts( $xpath, 'cognito-blocks__heading' ) );
		$this->assertSame(
			array( 'Enter your account and we will send you a code to choose a new password.' ),
			self::texts( $xpath, 'cognito-blocks__description' )
		);
		$this->assertSame( array( 'Send code' ), self::texts( $xpath, 'cognito-blocks__button-label' ) );
		$this->assertSame( array( 'Back to sign in' ), self::texts( $xpath, 'cognito-blocks__link' ) );
	}
}
