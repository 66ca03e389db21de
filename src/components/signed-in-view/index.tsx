/** What a signed-in visitor sees instead of a form: who they are and a way out. */
import type { ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { __, sprintf } from '@wordpress/i18n';
import { FormStep } from '../step';
import type { FocusTarget, FormError, HeadingLevel } from '../types';

export interface SignedInViewProps {
	/** Display name (or email) of the signed-in user. */
	name: string;
	onSignOut: () => void | Promise< unknown >;
	busy?: boolean;
	error?: FormError | null;
	heading?: string;
	description?: ReactNode;
	signOutLabel?: string;
	busyLabel?: string;
	/** Usually shown on page load, where focus must stay put; hence 'none' by default. */
	focusOnMount?: FocusTarget;
	headingLevel?: HeadingLevel;
	className?: string;
}

export function SignedInView( {
	name,
	onSignOut,
	heading,
	signOutLabel,
	busyLabel,
	focusOnMount = 'none',
	...step
}: SignedInViewProps ) {
	// A form with no fields: it still gets the busy lock, the progress label and the error region.
	const form = useForm();
	return (
		<FormStep
			{ ...step }
			form={ form }
			name="signed-in"
			focusOnMount={ focusOnMount }
			heading={
				heading ??
				sprintf(
					/* translators: %s: display name of the signed-in user. */
					__( 'Signed in as %s', 'cognito-blocks' ),
					name
				)
			}
			submitLabel={ signOutLabel ?? __( 'Sign out', 'cognito-blocks' ) }
			busyLabel={ busyLabel ?? __( 'Signing out…', 'cognito-blocks' ) }
			onSubmit={ () => onSignOut() }
		/>
	);
}
