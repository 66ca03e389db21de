<?php
/**
 * Tests of the session route's method check.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Unit\Rest;

use CognitoBlocks\Rest\RequestMethod;
use PHPUnit\Framework\TestCase;

final class RequestMethodTest extends TestCase {

	public function test_the_routes_own_method_without_override_is_real(): void {
		$this->assertTrue( RequestMethod::is_real( 'POST', 'POST', array(), null ) );
		$this->assertTrue( RequestMethod::is_real( 'DELETE', 'DELETE', array( 'other' => '1' ), null ) );
		$this->assertTrue( RequestMethod::is_real( 'PUT', 'PUT', array(), null ) );
		$this->assertTrue( RequestMethod::is_real( 'GET', 'GET', array(), null ) );
	}

	public function test_a_put_sent_as_anything_else_is_refused(): void {
		foreach ( array( 'POST', 'PATCH', 'GET', 'HEAD', 'put' ) as $wire ) {
			$this->assertFalse( RequestMethod::is_real( $wire, 'PUT', array(), null ), $wire );
		}
		$this->assertFalse( RequestMethod::is_real( 'POST', 'PUT', array( '_method' => 'PUT' ), null ) );
		$this->assertFalse( RequestMethod::is_real( 'POST', 'PUT', array(), 'PUT' ) );
		$this->assertFalse( RequestMethod::is_real( 'HEAD', 'GET', array(), null ), 'HEAD is routed to GET handlers by WordPress' );
	}

	public function test_another_wire_method_is_refused(): void {
		foreach ( array( 'GET', 'HEAD', 'PUT', 'PATCH', 'OPTIONS', 'DELETE', 'post', ' POST', '', null ) as $wire ) {
			$this->assertFalse( RequestMethod::is_real( $wire, 'POST', array(), null ), var_export( $wire, true ) );
		}
		$this->assertFalse( RequestMethod::is_real( 'POST', 'DELETE', array(), null ) );
	}

	public function test_any_override_is_refused_even_to_the_same_method(): void {
		$this->assertFalse( RequestMethod::is_real( 'POST', 'POST', array( '_method' => 'POST' ), null ) );
		$this->assertFalse( RequestMethod::is_real( 'POST', 'POST', array( '_method' => '' ), null ) );
		$this->assertFalse( RequestMethod::is_real( 'POST', 'POST', array( '_method' => array( 'POST' ) ), null ) );
		$this->assertFalse( RequestMethod::is_real( 'POST', 'POST', array(), 'POST' ) );
		$this->assertFalse( RequestMethod::is_real( 'POST', 'POST', array(), '' ) );
		$this->assertFalse( RequestMethod::is_real( 'GET', 'POST', array( '_method' => 'POST' ), null ) );
		$this->assertFalse( RequestMethod::is_real( 'POST', 'DELETE', array(), 'DELETE' ) );
	}
}
