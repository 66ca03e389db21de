<?php
/**
 * Scripted HttpClient for tests.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Unit\Support;

use CognitoBlocks\Auth\HttpClient;

/**
 * Answers with a settable body (null = endpoint down) and records every request.
 */
final class FakeHttp implements HttpClient {

	/**
	 * URLs requested, in order.
	 *
	 * @var list<string>
	 */
	public array $requests = array();

	/**
	 * Creates the fake.
	 *
	 * @param string|null $body Body to answer with; null simulates a failure.
	 */
	public function __construct( public ?string $body ) {
	}

	/**
	 * Records the request and answers.
	 *
	 * @param string $url URL.
	 */
	public function get( string $url ): ?string {
		$this->requests[] = $url;
		return $this->body;
	}
}
