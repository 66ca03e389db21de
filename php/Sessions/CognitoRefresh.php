<?php
/**
 * Refreshing a session against Cognito from PHP.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Sessions;

use CognitoBlocks\Auth\Exception\TokenRejected;
use CognitoBlocks\Auth\TokenDecoder;
use CognitoBlocks\Settings\Config;

/**
 * Asks the user pool whether a refresh token still holds, as the browser's own client would: a public call with
 * the app client id and no AWS credentials (InitiateAuth REFRESH_TOKEN_AUTH; for an app client that rotates
 * refresh tokens, GetTokensFromRefreshToken, which also returns the token that replaces the old one).
 */
final class CognitoRefresh {

	/**
	 * Builds the client.
	 *
	 * @param Config        $config    Pool, client and endpoint.
	 * @param \Closure|null $transport fn( string $url, array $headers, string $body ): array{status:int,body:string}
	 *                                 (status 0: no answer); default wp_remote_post with a 5 s timeout.
	 */
	public function __construct( private readonly Config $config, private readonly ?\Closure $transport = null ) {}

	/**
	 * What the pool says about a refresh token.
	 *
	 * @param string $refresh_token The session's refresh token.
	 */
	public function check( string $refresh_token ): Outcome {
		list( $status, $body ) = $this->call(
			'InitiateAuth',
			array(
				'AuthFlow'       => 'REFRESH_TOKEN_AUTH',
				'ClientId'       => $this->config->client_id(),
				'AuthParameters' => array( 'REFRESH_TOKEN' => $refresh_token ),
			)
		);
		$type                  = is_string( $body['__type'] ?? null ) ? (string) preg_replace( '/^.*#/', '', $body['__type'] ) : '';
		if ( 400 === $status && 'InvalidParameterException' === $type ) {
			// The app client rotates refresh tokens: only GetTokensFromRefreshToken renews them.
			list( $status, $body ) = $this->call(
				'GetTokensFromRefreshToken',
				array(
					'ClientId'     => $this->config->client_id(),
					'RefreshToken' => $refresh_token,
				)
			);
		}
		if ( 200 === $status && is_array( $body['AuthenticationResult'] ?? null ) && is_string( $body['AuthenticationResult']['IdToken'] ?? null ) ) {
			$rotated = $body['AuthenticationResult']['RefreshToken'] ?? null;
			return Outcome::keep( is_string( $rotated ) && '' !== $rotated ? $rotated : null, self::sub_of( $body['AuthenticationResult']['IdToken'] ) );
		}
		return Outcome::from_error( 200 === $status ? 502 : $status, $body );
	}

	/**
	 * The `sub` of an ID token Cognito just returned over TLS (read, not verified: it comes straight from the
	 * pool, and only says whose grant was renewed); empty when it cannot be read.
	 *
	 * @param string $id_token The ID token.
	 */
	private static function sub_of( string $id_token ): string {
		try {
			$sub = TokenDecoder::decode( $id_token )->claims['sub'] ?? null;
		} catch ( TokenRejected $e ) {
			return '';
		}
		return is_string( $sub ) ? $sub : '';
	}

	/**
	 * One JSON call to the pool's service endpoint.
	 *
	 * @param string              $operation Cognito operation.
	 * @param array<string,mixed> $params    Its input.
	 * @return array{0:int,1:array<string,mixed>} HTTP status (0: no answer) and decoded body.
	 */
	private function call( string $operation, array $params ): array {
		$url     = $this->config->endpoint() ?? 'https://cognito-idp.' . $this->config->region() . '.amazonaws.com';
		$headers = array(
			'Content-Type' => 'application/x-amz-json-1.1',
			'X-Amz-Target' => 'AWSCognitoIdentityProviderService.' . $operation,
		);
		$answer  = null === $this->transport ? self::post( rtrim( $url, '/' ) . '/', $headers, (string) wp_json_encode( $params ) ) : ( $this->transport )( rtrim( $url, '/' ) . '/', $headers, (string) wp_json_encode( $params ) );
		$decoded = json_decode( $answer['body'], true );
		return array( $answer['status'], is_array( $decoded ) ? $decoded : array() );
	}

	/**
	 * The default transport.
	 *
	 * @param string               $url     Endpoint.
	 * @param array<string,string> $headers Headers.
	 * @param string               $body    JSON body.
	 * @return array{status:int,body:string}
	 */
	private static function post( string $url, array $headers, string $body ): array {
		$response = wp_remote_post(
			$url,
			array(
				'headers' => $headers,
				'body'    => $body,
				'timeout' => 5,
			)
		);
		if ( is_wp_error( $response ) ) {
			return array(
				'status' => 0,
				'body'   => '',
			);
		}
		return array(
			'status' => (int) wp_remote_retrieve_response_code( $response ),
			'body'   => (string) wp_remote_retrieve_body( $response ),
		);
	}
}
