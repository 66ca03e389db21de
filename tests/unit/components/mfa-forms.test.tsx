import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MfaSetupForm } from '../../../src/components/mfa-setup-form';
import { SelectMfaForm } from '../../../src/components/select-mfa-form';

describe( 'SelectMfaForm', () => {
	it( 'offers the methods as a labelled radio group and submits the choice', async () => {
		const onSubmit = vi.fn();
		render(
			<SelectMfaForm
				onSubmit={ onSubmit }
				options={ [ 'SMS_MFA', 'SOFTWARE_TOKEN_MFA' ] }
			/>
		);
		const group = screen.getByRole( 'group', {
			name: 'Verification method',
		} );
		expect( group ).toBeInTheDocument();
		expect( screen.getByLabelText( 'Text message (SMS)' ) ).toBeChecked();
		await userEvent.click( screen.getByLabelText( 'Authenticator app' ) );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Continue' } )
		);
		expect( onSubmit ).toHaveBeenCalledWith( {
			mfaType: 'SOFTWARE_TOKEN_MFA',
		} );
	} );
} );

describe( 'MfaSetupForm', () => {
	it( 'shows the secret read-only, the QR image and the otpauth link', () => {
		render(
			<MfaSetupForm
				onSubmit={ vi.fn() }
				secret="JBSWY3DPEHPK3PXP"
				qrDataUrl="data:image/png;base64,AAAA"
				otpauthUri="otpauth://totp/Site:ada?secret=JBSWY3DPEHPK3PXP"
			/>
		);
		const secret = screen.getByLabelText( 'Setup key' );
		expect( secret ).toHaveValue( 'JBSWY3DPEHPK3PXP' );
		expect( secret ).toHaveAttribute( 'readonly' );
		expect(
			screen.getByRole( 'img', { name: /QR code/ } )
		).toHaveAttribute( 'src', 'data:image/png;base64,AAAA' );
		expect(
			screen.getByRole( 'link', { name: 'Open in my authenticator app' } )
		).toHaveAttribute(
			'href',
			'otpauth://totp/Site:ada?secret=JBSWY3DPEHPK3PXP'
		);
	} );

	it( 'renders no image without a data URL, and waits for the secret', () => {
		render( <MfaSetupForm onSubmit={ vi.fn() } /> );
		expect( screen.queryByRole( 'img' ) ).not.toBeInTheDocument();
		expect(
			screen.getByText( 'Preparing your setup key…' )
		).toHaveAttribute( 'role', 'status' );
	} );

	it( 'copies the secret and says so', async () => {
		const onCopySecret = vi.fn();
		render(
			<MfaSetupForm
				onSubmit={ vi.fn() }
				secret="JBSWY3DPEHPK3PXP"
				onCopySecret={ onCopySecret }
			/>
		);
		await userEvent.click( screen.getByRole( 'button', { name: 'Copy' } ) );
		expect( onCopySecret ).toHaveBeenCalledWith( 'JBSWY3DPEHPK3PXP' );
		expect(
			await screen.findByText( 'Setup key copied.' )
		).toBeInTheDocument();
	} );

	it( 'focuses the code field, not the read-only key, when asked to focus a field', async () => {
		const onSubmit = vi.fn();
		render(
			<MfaSetupForm
				onSubmit={ onSubmit }
				secret="JBSWY3DPEHPK3PXP"
				focusOnMount="field"
			/>
		);
		const code = screen.getByLabelText( 'Code' );
		expect( code ).toHaveFocus();
		await userEvent.type( code, '123456{Enter}' );
		expect( onSubmit ).toHaveBeenCalledWith( { code: '123456' } );
	} );
} );
