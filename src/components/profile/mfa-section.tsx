/**
 * The overview's "Two-step verification" section: the authenticator app (set up, replace, turn off), text
 * message codes once the phone number is verified, and which of the two sign-in asks for when both are on.
 */
import { __ } from '@wordpress/i18n';
import type { MfaType } from '../../auth/types';
import {
	ActionButton,
	FormErrorRegion,
	Section,
	busyIn,
	errorFor,
	type SectionProps,
} from './section';

export function MfaSection( props: SectionProps ) {
	const mfa = props.context.account?.mfa;
	const attributes = props.context.account?.attributes ?? {};
	const totp = mfa?.enabled.includes( 'SOFTWARE_TOKEN_MFA' ) ?? false;
	const sms = mfa?.enabled.includes( 'SMS_MFA' ) ?? false;
	const phoneVerified = attributes.phone_number_verified === 'true';
	const busy = busyIn( props, 'mfa' );
	const prefer = ( mfaType: MfaType ) =>
		props.send( { type: 'SET_PREFERRED', mfaType } );
	return (
		<Section
			name="mfa"
			title={ __( 'Two-step verification', 'cognito-blocks' ) }
			{ ...props }
		>
			<p className="cognito-blocks__description">
				{ totp
					? __(
							'Authenticator app: on. Signing in asks for a code from it.',
							'cognito-blocks'
						)
					: __(
							'Authenticator app: off. Add one so signing in also asks for a code from your phone.',
							'cognito-blocks'
						) }
			</p>
			<FormErrorRegion error={ errorFor( props, 'mfa' ) } />
			<div className="cognito-blocks__actions">
				<ActionButton
					busy={ busy }
					onClick={ () => props.send( { type: 'SETUP_TOTP' } ) }
				>
					{ totp
						? __(
								'Set up a new authenticator app',
								'cognito-blocks'
							)
						: __(
								'Set up an authenticator app',
								'cognito-blocks'
							) }
				</ActionButton>
				{ totp && (
					<ActionButton
						busy={ busy }
						onClick={ () => props.send( { type: 'DISABLE_TOTP' } ) }
					>
						{ __(
							'Turn off the authenticator app',
							'cognito-blocks'
						) }
					</ActionButton>
				) }
			</div>
			{ phoneVerified && (
				<>
					<p className="cognito-blocks__description">
						{ sms
							? __(
									'Text message codes: on, to your verified phone number.',
									'cognito-blocks'
								)
							: __(
									'Text message codes: off.',
									'cognito-blocks'
								) }
					</p>
					<div className="cognito-blocks__actions">
						<ActionButton
							busy={ busy }
							onClick={ () =>
								props.send( {
									type: 'SET_SMS',
									enabled: ! sms,
								} )
							}
						>
							{ sms
								? __(
										'Turn off text message codes',
										'cognito-blocks'
									)
								: __(
										'Use text message codes',
										'cognito-blocks'
									) }
						</ActionButton>
						{ totp && sms && (
							<ActionButton
								busy={ busy }
								onClick={ () =>
									prefer(
										mfa?.preferred === 'SMS_MFA'
											? 'SOFTWARE_TOKEN_MFA'
											: 'SMS_MFA'
									)
								}
							>
								{ mfa?.preferred === 'SMS_MFA'
									? __(
											'Ask for the authenticator app first',
											'cognito-blocks'
										)
									: __(
											'Ask for a text message first',
											'cognito-blocks'
										) }
							</ActionButton>
						) }
					</div>
				</>
			) }
		</Section>
	);
}
