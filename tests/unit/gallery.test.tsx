/**
 * The designer gallery renders every step in every state; this keeps it honest (no step/state combination
 * crashes or renders without a heading) and covers the step switcher for all of them.
 */
import { render, screen } from '@testing-library/react';
import {
	AccountFlow,
	formConfigFromAttributes,
} from '../../src/components/account-flow';
import { STATES, STEPS, modelFor } from '../../gallery/states';

describe( 'gallery states', () => {
	for ( const step of STEPS ) {
		for ( const state of STATES ) {
			it( `renders ${ step } while ${ state }`, () => {
				render(
					<AccountFlow
						flow={ modelFor( step, state ) }
						config={ formConfigFromAttributes( 'signIn', {} ) }
						onNavigate={ () => undefined }
					/>
				);
				expect(
					screen.getAllByRole( 'heading' ).length
				).toBeGreaterThan( 0 );
				if ( state === 'network' && step !== 'done' ) {
					expect(
						screen.getByRole( 'button', { name: /try again/i } )
					).toBeInTheDocument();
				}
			} );
		}
	}
} );
