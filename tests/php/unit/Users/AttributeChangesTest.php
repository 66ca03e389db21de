<?php
/**
 * Tests of the attribute diff that decides what a returning sign-in writes.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Unit\Users;

use CognitoBlocks\Users\AttributeMapper;
use PHPUnit\Framework\TestCase;

final class AttributeChangesTest extends TestCase {

	public function test_unchanged_values_give_nothing_to_write(): void {
		$fields = AttributeMapper::user_fields(
			array(
				'email'       => 'ada@example.com',
				'given_name'  => 'Ada',
				'family_name' => 'Lovelace',
			)
		);
		$current = array(
			'user_email'   => 'Ada@Example.com',
			'first_name'   => 'Ada',
			'last_name'    => 'Lovelace',
			'display_name' => 'Ada Lovelace',
		);
		$this->assertSame( array(), AttributeMapper::changes( $fields, $current ) );
	}

	public function test_only_the_changed_fields_are_returned(): void {
		$fields  = array(
			'first_name' => 'Augusta',
			'last_name'  => 'Lovelace',
			'user_email' => 'augusta@example.com',
		);
		$current = array(
			'first_name' => 'Ada',
			'last_name'  => 'Lovelace',
			'user_email' => 'ada@example.com',
		);
		$this->assertSame(
			array(
				'first_name' => 'Augusta',
				'user_email' => 'augusta@example.com',
			),
			AttributeMapper::changes( $fields, $current )
		);
	}

	public function test_fields_the_token_lacks_are_left_alone_and_missing_ones_are_written(): void {
		$this->assertSame( array(), AttributeMapper::changes( array(), array( 'first_name' => 'Ada' ) ) );
		$this->assertSame( array( 'nickname' => 'ada' ), AttributeMapper::changes( array( 'nickname' => 'ada' ), array() ) );
	}

	public function test_meta_values_compare_exactly(): void {
		$meta = AttributeMapper::meta( array( 'custom:team' => 'Blue' ), array( 'custom:team' => 'team' ) );
		$this->assertSame( array( 'team' => 'Blue' ), AttributeMapper::changes( $meta, array( 'team' => 'blue' ) ) );
		$this->assertSame( array(), AttributeMapper::changes( $meta, array( 'team' => 'Blue' ) ) );
	}
}
