import { render, screen } from '@testing-library/react';
import { resendAction } from '../../../src/components/resend-button';
import {
	backToSignInLink,
	withDefaultTexts,
} from '../../../src/components/step';

const defaults = {
	heading: 'Default heading',
	description: 'Default description',
	submitLabel: 'Default submit',
	busyLabel: 'Default busy',
};

describe( 'withDefaultTexts', () => {
	it( 'fills in only the texts the owner left out and keeps the other props', () => {
		const onSubmit = vi.fn();
		expect(
			withDefaultTexts( { heading: 'Mine', onSubmit }, defaults )
		).toEqual( { ...defaults, heading: 'Mine', onSubmit } );
	} );
} );

describe( 'backToSignInLink', () => {
	it( 'has the translated default label unless one is given', () => {
		const onClick = vi.fn();
		expect( backToSignInLink( onClick, undefined ) ).toEqual( {
			label: 'Back to sign in',
			onClick,
		} );
		expect( backToSignInLink( onClick, 'Home' ).label ).toBe( 'Home' );
	} );
} );

describe( 'resendAction', () => {
	it( 'is nothing without onResend', () => {
		expect( resendAction( { resendCooldown: 3 } ) ).toBeUndefined();
	} );

	it( 'is the resend button with the step’s options', () => {
		render(
			<>
				{ resendAction( {
					onResend: vi.fn(),
					resendCooldown: 2,
					resendLabel: 'Send again',
				} ) }
			</>
		);
		expect(
			screen.getByRole( 'button', { name: 'Send again (2 seconds)' } )
		).toHaveAttribute( 'aria-disabled', 'true' );
	} );
} );
