<?php
/**
 * Whether a request reached the session route by its real HTTP method.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Rest;

/**
 * WordPress lets `?_method=X` or an `X-HTTP-Method-Override: X` header change a request's method before routing,
 * so `GET …/session?_method=POST&idToken=…` (a link a visitor follows) would reach the sign-in handler. The
 * session route honours neither: the method on the wire must be the route's own. Pure, so it is unit-tested.
 */
final class RequestMethod {

	/**
	 * Whether the request was sent with the route's method and without any override.
	 *
	 * @param string|null        $wire     The method on the wire ($_SERVER['REQUEST_METHOD']), null when unknown.
	 * @param string             $route    The method the handler serves (POST, DELETE).
	 * @param array<mixed,mixed> $query    The query parameters.
	 * @param string|null        $override The X-HTTP-Method-Override header, null when absent.
	 */
	public static function is_real( ?string $wire, string $route, array $query, ?string $override ): bool {
		// HTTP methods are case-sensitive: "post" is not POST, even if WordPress would uppercase it.
		return $route === $wire && ! array_key_exists( '_method', $query ) && null === $override;
	}
}
