/**
 * The overview's sections: each is a titled region with its own form, progress, error and status line, so a
 * failure in one never hides what the visitor typed in another.
 */
import { useForm } from 'react-hook-form';
import { __, sprintf } from '@wordpress/i18n';
import {
	attributeKey,
	resolveAttributeField,
} from '../attribute-fields/attributes';
import { Form, TextField, emailRules, phoneRules } from '../form';
import { LinkButton } from '../link-button';
import { NewPasswordField } from '../new-password-field';
import { SubmitButton } from '../submit-button';
import type { PasswordChecker } from '../types';
import type { ProfileField } from './config';
import {
	ActionButton,
	CurrentPasswordField,
	FormErrorRegion,
	Section,
	busyIn,
	errorFor,
	type SectionProps,
} from './section';

function rulesFor( type: string ) {
	if ( type === 'email' ) {
		return emailRules( true );
	}
	return type === 'tel' ? phoneRules( false ) : {};
}

export function AttributesSection(
	props: SectionProps & { fields: readonly ProfileField[] }
) {
	const attributes = props.context.account?.attributes ?? {};
	const fields = props.fields
		.map( resolveAttributeField )
		.map( ( f, i ) => ( {
			...f,
			readOnly: props.fields[ i ].readOnly === true,
		} ) );
	const form = useForm< Record< string, string > >( {
		defaultValues: Object.fromEntries(
			fields.map( ( f, i ) => [
				attributeKey( i ),
				attributes[ f.name ] ?? '',
			] )
		),
	} );
	const submit = ( values: Record< string, string > ) =>
		props.send( {
			type: 'SAVE',
			values: Object.fromEntries(
				fields
					.map( ( f, i ): [ string, string ] => [
						f.name,
						values[ attributeKey( i ) ] ?? '',
					] )
					.filter(
						( [ name ], i ) => ! fields[ i ].readOnly && name !== ''
					)
			),
		} );
	return (
		<Section
			name="attributes"
			title={ __( 'Your details', 'cognito-blocks' ) }
			{ ...props }
		>
			<Form
				form={ form }
				onSubmit={ submit }
				busy={ busyIn( props, 'attributes' ) }
				error={ errorFor( props, 'attributes' ) }
			>
				{ fields.map( ( field, index ) => {
					const verifiable =
						field.name === 'email' || field.name === 'phone_number';
					const unverified =
						verifiable &&
						attributes[ field.name ] !== undefined &&
						attributes[ `${ field.name }_verified` ] === 'false';
					return (
						<TextField
							key={ field.name }
							name={ attributeKey( index ) }
							label={ field.label }
							type={ field.type }
							autoComplete={ field.autoComplete }
							readOnly={ field.readOnly }
							rules={
								field.readOnly ? {} : rulesFor( field.type )
							}
							hint={
								unverified ? (
									<>
										{ __(
											'Not verified yet.',
											'cognito-blocks'
										) }{ ' ' }
										<LinkButton
											onClick={ () =>
												props.send( {
													type: 'VERIFY',
													name: field.name as
														| 'email'
														| 'phone_number',
												} )
											}
										>
											{ __(
												'Verify now',
												'cognito-blocks'
											) }
										</LinkButton>
									</>
								) : undefined
							}
						/>
					);
				} ) }
				<div className="cognito-blocks__actions">
					<SubmitButton
						busyLabel={ __( 'Saving…', 'cognito-blocks' ) }
					>
						{ __( 'Save changes', 'cognito-blocks' ) }
					</SubmitButton>
				</div>
			</Form>
		</Section>
	);
}

interface PasswordValues {
	current: string;
	password: string;
}

export function PasswordSection(
	props: SectionProps & { checkPassword?: PasswordChecker }
) {
	const form = useForm< PasswordValues >( {
		defaultValues: { current: '', password: '' },
	} );
	const submit = ( values: PasswordValues ) => {
		props.send( {
			type: 'CHANGE_PASSWORD',
			current: values.current,
			next: values.password,
		} );
	};
	const changed =
		props.context.section === 'password' &&
		props.context.notice === 'passwordChanged';
	return (
		<Section
			name="password"
			title={ __( 'Password', 'cognito-blocks' ) }
			{ ...props }
		>
			<Form
				form={ form }
				onSubmit={ submit }
				busy={ busyIn( props, 'password' ) }
				error={ errorFor( props, 'password' ) }
			>
				<CurrentPasswordField
					name="current"
					label={ __( 'Current password', 'cognito-blocks' ) }
					required={ __(
						'Enter your current password.',
						'cognito-blocks'
					) }
					username={ props.context.site?.username }
				/>
				<NewPasswordField checkPassword={ props.checkPassword } />
				<div className="cognito-blocks__actions">
					<SubmitButton
						busyLabel={ __( 'Changing…', 'cognito-blocks' ) }
					>
						{ __( 'Change password', 'cognito-blocks' ) }
					</SubmitButton>
				</div>
			</Form>
			{ changed && props.context.canSignOutOthers && (
				<div className="cognito-blocks__offer">
					<p>
						{ __(
							'Signed in somewhere else with your old password? End those sessions too.',
							'cognito-blocks'
						) }
					</p>
					<button
						type="button"
						className="cognito-blocks__button cognito-blocks__button--secondary"
						onClick={ () =>
							props.send( { type: 'SIGN_OUT_OTHERS' } )
						}
					>
						{ __( 'Sign out other devices', 'cognito-blocks' ) }
					</button>
				</div>
			) }
		</Section>
	);
}

export function SignOutSection( props: SectionProps ) {
	return (
		<Section
			name="signOut"
			title={ __( 'Sign out everywhere', 'cognito-blocks' ) }
			{ ...props }
		>
			<p className="cognito-blocks__description">
				{ __(
					'Ends every session of your account, on this site and on every device and site that uses this sign-in.',
					'cognito-blocks'
				) }
			</p>
			<FormErrorRegion error={ errorFor( props, 'signOut' ) } />
			<div className="cognito-blocks__actions">
				<ActionButton
					busy={ busyIn( props, 'signOut' ) }
					onClick={ () =>
						props.send( { type: 'SIGN_OUT_EVERYWHERE' } )
					}
				>
					{ __( 'Sign out everywhere', 'cognito-blocks' ) }
				</ActionButton>
			</div>
		</Section>
	);
}

interface DeleteValues {
	password: string;
	confirm: string;
}

export function DeleteSection( props: SectionProps ) {
	const form = useForm< DeleteValues >( {
		defaultValues: { password: '', confirm: '' },
	} );
	// translators: the word a visitor types to confirm deleting their account.
	const word = __( 'DELETE', 'cognito-blocks' );
	return (
		<Section
			name="delete"
			title={ __( 'Delete your account', 'cognito-blocks' ) }
			{ ...props }
		>
			<p className="cognito-blocks__description">
				{ __(
					'This deletes your sign-in account for good, on every site that uses it. It cannot be undone.',
					'cognito-blocks'
				) }
			</p>
			<Form
				form={ form }
				onSubmit={ ( values ) =>
					props.send( {
						type: 'DELETE_ACCOUNT',
						password: values.password,
					} )
				}
				busy={ busyIn( props, 'delete' ) }
				error={ errorFor( props, 'delete' ) }
			>
				<CurrentPasswordField
					name="password"
					label={ __( 'Your password', 'cognito-blocks' ) }
					required={ __( 'Enter your password.', 'cognito-blocks' ) }
					username={ props.context.site?.username }
				/>
				<TextField
					name="confirm"
					label={ sprintf(
						/* translators: %s: the word to type to confirm, "DELETE". */
						__( 'Type %s to confirm', 'cognito-blocks' ),
						word
					) }
					autoComplete="off"
					rules={ {
						validate: ( value: unknown ) =>
							( typeof value === 'string' &&
								value.trim().toUpperCase() ===
									word.toUpperCase() ) ||
							sprintf(
								/* translators: %s: the word to type to confirm, "DELETE". */
								__( 'Type %s to confirm.', 'cognito-blocks' ),
								word
							),
					} }
				/>
				<div className="cognito-blocks__actions">
					<SubmitButton
						className="cognito-blocks__button--danger"
						busyLabel={ __( 'Deleting…', 'cognito-blocks' ) }
					>
						{ __( 'Delete my account', 'cognito-blocks' ) }
					</SubmitButton>
				</div>
			</Form>
		</Section>
	);
}
