import { describe, expect, it } from 'vitest';
import {
	DEFAULT_PASSWORD_POLICY,
	checkPassword,
	meetsPolicy,
	resolvePolicy,
	type PasswordRule,
} from '../../../src/auth/password-policy';

const met = ( password: string, policy = DEFAULT_PASSWORD_POLICY ) =>
	Object.fromEntries(
		checkPassword( policy, password ).map( ( check ) => [
			check.rule,
			check.met,
		] )
	) as Record< PasswordRule, boolean >;

describe( 'password policy', () => {
	it( "defaults to Cognito's default policy", () => {
		expect( DEFAULT_PASSWORD_POLICY ).toEqual( {
			minLength: 8,
			requireUppercase: true,
			requireLowercase: true,
			requireNumbers: true,
			requireSymbols: true,
		} );
	} );

	it( 'lists every enabled rule with a label, in a stable order', () => {
		const checks = checkPassword( DEFAULT_PASSWORD_POLICY, '' );
		expect( checks.map( ( c ) => c.rule ) ).toEqual( [
			'minLength',
			'uppercase',
			'lowercase',
			'number',
			'symbol',
		] );
		expect( checks.every( ( c ) => ! c.met && c.label !== '' ) ).toBe(
			true
		);
		expect( checks[ 0 ]?.label ).toContain( '8' );
	} );

	it( 'checks each rule on its own', () => {
		expect( met( 'abcdefgh' ) ).toEqual( {
			minLength: true,
			uppercase: false,
			lowercase: true,
			number: false,
			symbol: false,
		} );
		expect( met( 'ABC1' ) ).toEqual( {
			minLength: false,
			uppercase: true,
			lowercase: false,
			number: true,
			symbol: false,
		} );
		expect( meetsPolicy( DEFAULT_PASSWORD_POLICY, 'Abcdef1!' ) ).toBe(
			true
		);
		expect( meetsPolicy( DEFAULT_PASSWORD_POLICY, 'Abcdef1' ) ).toBe(
			false
		);
	} );

	it( "accepts each of Cognito's special characters", () => {
		for ( const symbol of '^$*.[]{}()?-"!@#%&/\\,><\':;|_~`+=' ) {
			expect( met( `a${ symbol }` ).symbol, symbol ).toBe( true );
		}
	} );

	it( 'counts an inner space as special, but not a leading or trailing one', () => {
		expect( met( 'ab cd' ).symbol ).toBe( true );
		expect( met( ' abcd' ).symbol ).toBe( false );
		expect( met( 'abcd ' ).symbol ).toBe( false );
		expect( met( 'abc§d' ).symbol ).toBe( false );
	} );

	it( 'counts only basic Latin letters and ASCII digits, as Cognito does', () => {
		expect( met( 'Éé٣' ).uppercase ).toBe( false );
		expect( met( 'Éé٣' ).lowercase ).toBe( false );
		expect( met( 'Éé٣' ).number ).toBe( false );
	} );

	it( 'counts characters as the visitor sees them', () => {
		expect(
			met( '😀😀😀😀😀😀😀', {
				...DEFAULT_PASSWORD_POLICY,
				minLength: 8,
			} ).minLength
		).toBe( false );
		expect( met( '😀😀😀😀😀😀😀😀' ).minLength ).toBe( true );
	} );

	it( 'leaves out rules the policy does not require', () => {
		const policy = resolvePolicy( {
			minLength: 12,
			requireSymbols: false,
			requireUppercase: false,
		} );
		expect( checkPassword( policy, 'x' ).map( ( c ) => c.rule ) ).toEqual( [
			'minLength',
			'lowercase',
			'number',
		] );
		expect( checkPassword( policy, 'x' )[ 0 ]?.label ).toContain( '12' );
	} );

	it( 'fills gaps with defaults and clamps the length to what Cognito accepts', () => {
		expect( resolvePolicy( { requireNumbers: undefined } ) ).toEqual(
			DEFAULT_PASSWORD_POLICY
		);
		expect( resolvePolicy( { minLength: 2 } ).minLength ).toBe( 6 );
		expect( resolvePolicy( { minLength: 500 } ).minLength ).toBe( 99 );
	} );
} );
