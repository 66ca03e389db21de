<?php
/**
 * Tests of the token verifier.
 *
 * @package CognitoBlocks
 */

namespace CognitoBlocks\Tests\Unit\Auth;

use CognitoBlocks\Auth\Exception\AuthTooOld;
use CognitoBlocks\Auth\Exception\InvalidEncoding;
use CognitoBlocks\Auth\Exception\InvalidJson;
use CognitoBlocks\Auth\Exception\InvalidSignature;
use CognitoBlocks\Auth\Exception\IssuedInFuture;
use CognitoBlocks\Auth\Exception\MalformedToken;
use CognitoBlocks\Auth\Exception\MissingClaim;
use CognitoBlocks\Auth\Exception\MissingKeyId;
use CognitoBlocks\Auth\Exception\TokenExpired;
use CognitoBlocks\Auth\Exception\TokenNotYetValid;
use CognitoBlocks\Auth\Exception\TokenRejected;
use CognitoBlocks\Auth\Exception\TokenReplayed;
use CognitoBlocks\Auth\Exception\TokenTooLarge;
use CognitoBlocks\Auth\Exception\UnknownKeyId;
use CognitoBlocks\Auth\Exception\UnsupportedAlgorithm;
use CognitoBlocks\Auth\Exception\UnusableKey;
use CognitoBlocks\Auth\Exception\WrongAudience;
use CognitoBlocks\Auth\Exception\WrongIssuer;
use CognitoBlocks\Auth\Exception\WrongTokenUse;
use CognitoBlocks\Auth\FrozenClock;
use CognitoBlocks\Auth\JwksCache;
use CognitoBlocks\Auth\TokenVerifier;
use CognitoBlocks\Tests\Unit\Support\FakeHttp;
use CognitoBlocks\Tests\Unit\Support\MemoryCache;
use CognitoBlocks\Tests\Unit\Support\MemoryLedger;
use CognitoBlocks\Tests\Unit\Support\Tokens;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;

final class TokenVerifierTest extends TestCase {

	private const NOW     = 1750000000;
	private const LEEWAY  = 60;
	private const MAX_AGE = 600;

	private FrozenClock $clock;

	private FakeHttp $http;

	private MemoryLedger $ledger;

	private MemoryCache $cache;

	protected function setUp(): void {
		$this->clock  = new FrozenClock( self::NOW );
		$this->http   = new FakeHttp( Tokens::jwks( array( Tokens::jwk() ) ) );
		$this->ledger = new MemoryLedger( $this->clock );
		$this->cache  = new MemoryCache( $this->clock );
	}

	/**
	 * @param int|null $max_age Sign-in age limit; null: any age (the verifier of refreshed tokens).
	 */
	private function verifier( ?int $max_age = self::MAX_AGE ): TokenVerifier {
		$keys = new JwksCache( Tokens::ISSUER . '/.well-known/jwks.json', $this->http, $this->cache, $this->ledger, $this->clock );
		return new TokenVerifier( Tokens::ISSUER, Tokens::CLIENT, self::LEEWAY, $max_age, $keys, $this->ledger, $this->clock );
	}

	/**
	 * Asserts the exact rejection class, not just any TokenRejected.
	 *
	 * @param class-string<TokenRejected> $expected Exception class.
	 */
	private function assertRejected( string $expected, string $token ): TokenRejected {
		try {
			$this->verifier()->verify( $token );
		} catch ( TokenRejected $e ) {
			$this->assertSame( $expected, get_class( $e ), $e->getMessage() );
			if ( '' !== $token ) {
				$this->assertStringNotContainsString( $token, $e->getMessage() );
			}
			return $e;
		}
		$this->fail( 'Token accepted; expected ' . $expected );
	}

	/**
	 * @param array<string,mixed> $overrides
	 */
	private function token( array $overrides = array(), int $at = self::NOW ): string {
		return Tokens::sign( Tokens::claims( $at, $overrides ) );
	}

	public function test_accepts_a_valid_token_and_returns_its_claims(): void {
		$claims = $this->verifier()->verify( $this->token( array( 'sub' => 'user-1' ) ) );

		$this->assertSame( 'user-1', $claims['sub'] );
		$this->assertSame( Tokens::ISSUER, $claims['iss'] );
		$this->assertSame( array( Tokens::ISSUER . '/.well-known/jwks.json' ), $this->http->requests );
	}

	public function test_accepts_an_audience_list_that_contains_the_client(): void {
		$claims = $this->verifier()->verify( $this->token( array( 'aud' => array( 'other', Tokens::CLIENT ) ) ) );
		$this->assertSame( 'id', $claims['token_use'] );
	}

	public function test_rejects_alg_none(): void {
		$none = Tokens::raw( '{"alg":"none","kid":"' . Tokens::KID . '"}', (string) json_encode( Tokens::claims( self::NOW ) ), 'x' );
		$this->assertRejected( UnsupportedAlgorithm::class, $none );
	}

	public function test_rejects_alg_none_with_an_empty_signature(): void {
		$none = Tokens::raw( '{"alg":"none","kid":"' . Tokens::KID . '"}', (string) json_encode( Tokens::claims( self::NOW ) ), '' );
		$this->assertStringEndsWith( '.', $none );
		$this->assertRejected( MalformedToken::class, $none );
	}

	public function test_rejects_hs256_signed_with_the_public_key_as_secret(): void {
		$input = Tokens::b64( '{"alg":"HS256","kid":"' . Tokens::KID . '"}' ) . '.' . Tokens::b64( (string) json_encode( Tokens::claims( self::NOW ) ) );
		$token = $input . '.' . Tokens::b64( hash_hmac( 'sha256', $input, Tokens::public_pem(), true ) );

		$this->assertRejected( UnsupportedAlgorithm::class, $token );
		$this->assertSame( array(), $this->http->requests, 'No key may be fetched for a non-RS256 token.' );
	}

	#[DataProvider( 'other_algorithms' )]
	public function test_rejects_every_other_algorithm( mixed $alg ): void {
		$this->assertRejected( UnsupportedAlgorithm::class, Tokens::sign( Tokens::claims( self::NOW ), array( 'alg' => $alg ) ) );
	}

	/**
	 * @return array<string,array{0:mixed}>
	 */
	public static function other_algorithms(): array {
		return array(
			'RS512'      => array( 'RS512' ),
			'PS256'      => array( 'PS256' ),
			'ES256'      => array( 'ES256' ),
			'lower case' => array( 'rs256' ),
			'array'      => array( array( 'RS256' ) ),
			'missing'    => array( null ),
		);
	}

	public function test_rejects_rs256_signed_by_another_key(): void {
		$this->assertRejected( InvalidSignature::class, Tokens::sign( Tokens::claims( self::NOW ), array(), 'attacker' ) );
	}

	public function test_rejects_a_tampered_payload(): void {
		$parts    = explode( '.', $this->token() );
		$parts[1] = Tokens::b64( (string) json_encode( Tokens::claims( self::NOW, array( 'sub' => 'someone-else' ) ) ) );
		$this->assertRejected( InvalidSignature::class, implode( '.', $parts ) );
	}

	/**
	 * Key headers that name or carry a key (jku, x5u, jwk, x5c) are never followed nor used: only the pool's own
	 * key set at its fixed URL counts.
	 */
	#[DataProvider( 'key_headers' )]
	public function test_key_headers_in_the_token_are_never_fetched_or_trusted( string $header, mixed $value ): void {
		$attacker = Tokens::jwk( 'attacker', Tokens::KID );
		$value    = 'jwk' === $header ? $attacker : $value;
		$this->assertRejected( InvalidSignature::class, Tokens::sign( Tokens::claims( self::NOW ), array( $header => $value ), 'attacker' ) );
		$this->assertSame( array( Tokens::ISSUER . '/.well-known/jwks.json' ), $this->http->requests, 'only the pool\'s own key set is fetched' );
	}

	/**
	 * @return array<string,array{0:string,1:mixed}>
	 */
	public static function key_headers(): array {
		return array(
			'jku'          => array( 'jku', 'https://attacker.example/jwks.json' ),
			'x5u'          => array( 'x5u', 'https://attacker.example/cert.pem' ),
			'embedded jwk' => array( 'jwk', null ),
			'x5c'          => array( 'x5c', array( 'MIIBattacker' ) ),
		);
	}

	public function test_rejects_an_unknown_kid(): void {
		$this->assertRejected( UnknownKeyId::class, Tokens::sign( Tokens::claims( self::NOW ), array( 'kid' => 'nope' ) ) );
	}

	public function test_rejects_a_missing_kid(): void {
		$this->assertRejected( MissingKeyId::class, Tokens::sign( Tokens::claims( self::NOW ), array( 'kid' => null ) ) );
	}

	public function test_rejects_a_non_string_kid(): void {
		$this->assertRejected( MissingKeyId::class, Tokens::sign( Tokens::claims( self::NOW ), array( 'kid' => 7 ) ) );
	}

	public function test_rejects_a_key_meant_for_encryption(): void {
		$this->http->body = Tokens::jwks( array( Tokens::jwk( 'main', Tokens::KID, array( 'use' => 'enc' ) ) ) );
		$this->assertRejected( UnusableKey::class, $this->token() );
	}

	public function test_rejects_a_key_declared_for_another_algorithm(): void {
		$this->http->body = Tokens::jwks( array( Tokens::jwk( 'main', Tokens::KID, array( 'alg' => 'RS512' ) ) ) );
		$this->assertRejected( UnusableKey::class, $this->token() );
	}

	public function test_rejects_the_wrong_issuer(): void {
		$e = $this->assertRejected( WrongIssuer::class, $this->token( array( 'iss' => 'https://evil.example/eu-west-1_TestPool1' ) ) );
		$this->assertStringContainsString( Tokens::ISSUER, $e->expected() );
		$this->assertStringContainsString( 'evil.example', $e->actual() );
	}

	public function test_rejects_the_wrong_audience(): void {
		$this->assertRejected( WrongAudience::class, $this->token( array( 'aud' => 'another-client' ) ) );
	}

	public function test_rejects_an_access_token(): void {
		$this->assertRejected( WrongTokenUse::class, $this->token( array( 'token_use' => 'access' ) ) );
	}

	public function test_rejects_an_expired_token(): void {
		$this->assertRejected( TokenExpired::class, $this->token( array( 'exp' => self::NOW - self::LEEWAY - 1 ) ) );
	}

	public function test_rejects_nbf_in_the_future(): void {
		$this->assertRejected( TokenNotYetValid::class, $this->token( array( 'nbf' => self::NOW + self::LEEWAY + 1 ) ) );
	}

	public function test_rejects_iat_in_the_future(): void {
		$this->assertRejected( IssuedInFuture::class, $this->token( array( 'iat' => self::NOW + self::LEEWAY + 1 ) ) );
	}

	public function test_rejects_an_old_auth_time(): void {
		$this->assertRejected( AuthTooOld::class, $this->token( array( 'auth_time' => self::NOW - self::MAX_AGE - self::LEEWAY - 1 ) ) );
	}

	public function test_without_a_max_age_any_sign_in_age_passes_and_every_other_check_stays(): void {
		$verifier = $this->verifier( null );
		$old      = self::NOW - 30 * 86400;
		$token    = $this->token( array( 'auth_time' => $old ) );
		$this->assertSame( $old, $verifier->verify( $token )['auth_time'] );

		$rejected = array(
			TokenReplayed::class    => $token,
			WrongAudience::class    => $this->token( array( 'auth_time' => $old, 'aud' => 'other' ) ),
			TokenExpired::class     => $this->token( array( 'auth_time' => $old, 'exp' => self::NOW - self::LEEWAY - 1 ) ),
			WrongIssuer::class      => $this->token( array( 'auth_time' => $old, 'iss' => 'https://evil.example/pool' ) ),
			WrongTokenUse::class    => $this->token( array( 'auth_time' => $old, 'token_use' => 'access' ) ),
			IssuedInFuture::class   => $this->token( array( 'auth_time' => self::NOW + self::LEEWAY + 1 ) ),
			MissingClaim::class     => $this->token( array( 'auth_time' => null ) ),
			InvalidSignature::class => Tokens::sign( Tokens::claims( self::NOW, array( 'auth_time' => $old ) ), array(), 'other' ),
		);
		foreach ( $rejected as $class => $candidate ) {
			try {
				$verifier->verify( $candidate );
				$this->fail( 'accepted; expected ' . $class );
			} catch ( TokenRejected $e ) {
				$this->assertSame( $class, get_class( $e ), $e->getMessage() );
			}
		}
	}

	public function test_rejects_a_replayed_jti(): void {
		$token = $this->token( array( 'jti' => 'once' ) );
		$this->verifier()->verify( $token );
		$this->assertRejected( TokenReplayed::class, $token );
	}

	public function test_jti_stays_used_until_the_token_expires(): void {
		$token = $this->token( array( 'jti' => 'j1', 'exp' => self::NOW + 100 ) );
		$this->verifier()->verify( $token );

		$this->clock->advance( 100 + self::LEEWAY );
		$this->assertRejected( TokenReplayed::class, $token );
		$this->assertGreaterThan( self::NOW + 100 + self::LEEWAY, max( $this->ledger->records ) );
	}

	public function test_a_rejected_token_does_not_consume_its_jti(): void {
		$this->assertRejected( WrongAudience::class, $this->token( array( 'jti' => 'shared', 'aud' => 'x' ) ) );
		$this->assertSame( 'shared', $this->verifier()->verify( $this->token( array( 'jti' => 'shared' ) ) )['jti'] );
	}

	#[DataProvider( 'missing_claims' )]
	public function test_rejects_missing_or_mistyped_required_claims( string $claim, mixed $value ): void {
		$this->assertRejected( MissingClaim::class, $this->token( array( $claim => $value ) ) );
	}

	/**
	 * @return array<string,array{0:string,1:mixed}>
	 */
	public static function missing_claims(): array {
		return array(
			'missing sub'        => array( 'sub', null ),
			'empty sub'          => array( 'sub', '' ),
			'numeric sub'        => array( 'sub', 42 ),
			'missing jti'        => array( 'jti', null ),
			'missing exp'        => array( 'exp', null ),
			'string exp'         => array( 'exp', '1750000000' ),
			'missing iat'        => array( 'iat', null ),
			'missing auth_time'  => array( 'auth_time', null ),
			'boolean auth_time'  => array( 'auth_time', true ),
			'huge exp as string' => array( 'exp', 'not a number' ),
		);
	}

	#[DataProvider( 'bad_encodings' )]
	public function test_rejects_bad_base64url( string $token ): void {
		$this->assertRejected( InvalidEncoding::class, $token );
	}

	/**
	 * @return array<string,array{0:string}>
	 */
	public static function bad_encodings(): array {
		$header  = Tokens::b64( '{"alg":"RS256","kid":"' . Tokens::KID . '"}' );
		$payload = Tokens::b64( '{"sub":"a"}' );
		return array(
			'padding'            => array( $header . '=.' . $payload . '.c2ln' ),
			'standard alphabet'  => array( $header . '.' . $payload . '.ab+/' ),
			'space'              => array( $header . '.' . $payload . '.c2 ln' ),
			'impossible length'  => array( $header . '.' . $payload . '.abcde' ),
			'non-canonical bits' => array( $header . '.' . $payload . '.QR' ),
		);
	}

	#[DataProvider( 'bad_json' )]
	public function test_rejects_bad_json( string $header, string $payload ): void {
		$this->assertRejected( InvalidJson::class, Tokens::raw( $header, $payload, 'sig' ) );
	}

	/**
	 * @return array<string,array{0:string,1:string}>
	 */
	public static function bad_json(): array {
		$header = '{"alg":"RS256","kid":"' . Tokens::KID . '"}';
		return array(
			'junk payload'     => array( $header, '{"sub":' ),
			'array payload'    => array( $header, '["sub"]' ),
			'string payload'   => array( $header, '"sub"' ),
			'number header'    => array( '42', '{}' ),
			'invalid utf-8'    => array( $header, "{\"sub\":\"\xff\"}" ),
			'trailing garbage' => array( $header, '{"sub":"a"}x' ),
		);
	}

	public function test_rejects_an_oversized_token(): void {
		$token = $this->token( array( 'padding' => str_repeat( 'a', 17000 ) ) );
		$this->assertRejected( TokenTooLarge::class, $token );
		$this->assertSame( array(), $this->http->requests );
	}

	public function test_rejects_a_three_part_token_with_an_empty_signature(): void {
		$parts = explode( '.', $this->token() );
		$this->assertRejected( MalformedToken::class, $parts[0] . '.' . $parts[1] . '.' );
	}

	#[DataProvider( 'bad_structures' )]
	public function test_rejects_bad_structure( string $token ): void {
		$this->assertRejected( MalformedToken::class, $token );
	}

	/**
	 * @return array<string,array{0:string}>
	 */
	public static function bad_structures(): array {
		return array(
			'empty'        => array( '' ),
			'one part'     => array( 'abc' ),
			'two parts'    => array( 'abc.def' ),
			'four parts'   => array( 'a.b.c.d' ),
			'empty header' => array( '.eyJ9.c2ln' ),
		);
	}

	public function test_rejects_a_critical_header_extension(): void {
		$this->assertRejected( MalformedToken::class, Tokens::sign( Tokens::claims( self::NOW ), array( 'crit' => array( 'exp' ) ) ) );
	}

	public function test_leeway_is_honoured_at_the_edges(): void {
		$verifier = $this->verifier();

		$verifier->verify( $this->token( array( 'exp' => self::NOW - self::LEEWAY ) ) );
		$verifier->verify( $this->token( array( 'nbf' => self::NOW + self::LEEWAY ) ) );
		$verifier->verify( $this->token( array( 'iat' => self::NOW + self::LEEWAY ) ) );
		$verifier->verify( $this->token( array( 'auth_time' => self::NOW - self::MAX_AGE - self::LEEWAY ) ) );

		$this->assertRejected( TokenExpired::class, $this->token( array( 'exp' => self::NOW - self::LEEWAY - 1 ) ) );
		$this->assertRejected( TokenNotYetValid::class, $this->token( array( 'nbf' => self::NOW + self::LEEWAY + 1 ) ) );
		$this->assertRejected( IssuedInFuture::class, $this->token( array( 'iat' => self::NOW + self::LEEWAY + 1 ) ) );
		$this->assertRejected( AuthTooOld::class, $this->token( array( 'auth_time' => self::NOW - self::MAX_AGE - self::LEEWAY - 1 ) ) );
	}

	public function test_refuses_to_build_without_issuer_or_client(): void {
		$this->expectException( \InvalidArgumentException::class );
		$keys = new JwksCache( 'x', $this->http, new MemoryCache( $this->clock ), $this->ledger, $this->clock );
		new TokenVerifier( '', Tokens::CLIENT, 0, 600, $keys, $this->ledger, $this->clock );
	}
}
