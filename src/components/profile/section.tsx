/**
 * The frame every section of the profile's overview shares: a titled region with its status line, and the
 * small parts sections build on (their share of the flow's error and busy state, a secondary action button,
 * the error region of a section without a form).
 */
import { useId, type ReactNode } from 'react';
import type { ProfileContext } from '../../auth/profile/flow';
import type { ProfileEvent, ProfileSection } from '../../auth/profile/types';
import { cx } from '../class-names';
import { ErrorMessage } from '../error-message';
import { Field } from '../form';
import { PasswordInput } from '../password-input';
import type { FormError, HeadingLevel } from '../types';
import { noticeText } from './texts';

export interface SectionProps {
	context: ProfileContext;
	busy: boolean;
	/** The flow's error, shown only by the section it belongs to. */
	error?: FormError | null;
	send: ( event: ProfileEvent ) => void;
	level: HeadingLevel;
}

export function Section( {
	name,
	title,
	level,
	context,
	children,
}: {
	name: ProfileSection;
	title: string;
	level: HeadingLevel;
	context: ProfileContext;
	children: ReactNode;
} ) {
	const id = useId();
	const Heading = `h${ level }` as 'h3';
	const notice = context.section === name ? noticeText( context.notice ) : '';
	return (
		<section
			className={ cx(
				'cognito-blocks__section',
				`cognito-blocks__section--${ name }`
			) }
			aria-labelledby={ id }
		>
			<Heading id={ id } className="cognito-blocks__section-heading">
				{ title }
			</Heading>
			{ children }
			<p role="status" className="cognito-blocks__notice">
				{ notice }
			</p>
		</section>
	);
}

export const errorFor = ( props: SectionProps, name: ProfileSection ) =>
	props.context.section === name ? props.error : null;
export const busyIn = ( props: SectionProps, name: ProfileSection ) =>
	props.busy && props.context.section === name;

export function ActionButton( {
	children,
	onClick,
	busy,
	danger,
}: {
	children: ReactNode;
	onClick: () => void;
	busy: boolean;
	danger?: boolean;
} ) {
	return (
		<button
			type="button"
			className={ cx(
				'cognito-blocks__button',
				danger
					? 'cognito-blocks__button--danger'
					: 'cognito-blocks__button--secondary',
				busy && 'cognito-blocks__button--busy'
			) }
			aria-disabled={ busy || undefined }
			aria-busy={ busy || undefined }
			onClick={ () => ( busy ? undefined : onClick() ) }
		>
			{ children }
		</button>
	);
}

/**
 * The error region of a section without a form of its own.
 * @param root0
 * @param root0.error
 */
export function FormErrorRegion( { error }: { error?: FormError | null } ) {
	return <ErrorMessage error={ error } />;
}

/**
 * The account's current password, with the sign-in name beside it (hidden) so password managers offer the right
 * entry.
 * @param root0
 * @param root0.name
 * @param root0.label
 * @param root0.required The message when it is left empty.
 * @param root0.username
 */
export function CurrentPasswordField( {
	name,
	label,
	required,
	username,
}: {
	name: string;
	label: string;
	required: string;
	username?: string;
} ) {
	return (
		<>
			<input
				type="text"
				hidden
				readOnly
				autoComplete="username"
				value={ username ?? '' }
			/>
			<Field name={ name } label={ label } rules={ { required } }>
				{ ( control ) => (
					<PasswordInput
						{ ...control }
						autoComplete="current-password"
					/>
				) }
			</Field>
		</>
	);
}
