/**
 * contract/standard-attributes.json and sign-up-fields.json are the one table of Cognito's standard attributes
 * and of valid sign-up fields for the views and the server's skeleton. The views keep literal labels for translation; these must be the table's English labels.
 */
import standard from '../../../contract/standard-attributes.json';
import signUp from '../../../contract/sign-up-fields.json';
import {
	LABELS,
	resolveAttributeField,
} from '../../../src/components/attribute-fields/attributes';
import { signUpFields } from '../../../src/components/account-flow/config';

describe( 'standard attributes', () => {
	it( 'has a literal label for exactly the attributes of the table, equal to its English text', () => {
		expect( Object.keys( LABELS ).sort() ).toEqual(
			Object.keys( standard.attributes ).sort()
		);
		for ( const [ name, entry ] of Object.entries( standard.attributes ) ) {
			expect( LABELS[ name ](), name ).toBe( entry.label );
			expect( resolveAttributeField( { name } ), name ).toMatchObject( {
				label: entry.label,
				type: entry.type,
				autoComplete: entry.autoComplete,
			} );
		}
	} );

	it( 'reads the name pattern and the default fields from the table', () => {
		expect(
			signUpFields( [ 'bad name', { name: 'x'.repeat( 65 ) } ] )
		).toEqual( signUp.defaultFields );
		expect( signUpFields( [ 'custom:a.b', 'given_name' ] ) ).toEqual( [
			{ name: 'custom:a.b' },
			{ name: 'given_name' },
		] );
		// Not a standard attribute: a readable label from the name, a plain text input.
		expect(
			resolveAttributeField( { name: 'custom:company_size' } )
		).toMatchObject( {
			label: 'Company size',
			type: 'text',
			autoComplete: 'on',
		} );
		expect(
			resolveAttributeField( { name: 'constructor' } )
		).toMatchObject( {
			label: 'Constructor',
			type: 'text',
		} );
	} );
} );
