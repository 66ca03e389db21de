import { __ } from '@wordpress/i18n';
import { LinkButton } from '../link-button';

export interface StepLink {
	label: string;
	/** The link is left out when there is no handler, so a block can hide "Create an account". */
	onClick?: () => void;
}

export function StepLinks( { links }: { links: readonly StepLink[] } ) {
	const shown = links.filter( ( link ): link is Required< StepLink > =>
		Boolean( link.onClick )
	);
	if ( shown.length === 0 ) {
		return null;
	}
	return (
		<ul className="cognito-blocks__links">
			{ shown.map( ( link ) => (
				<li key={ link.label } className="cognito-blocks__links-item">
					<LinkButton onClick={ link.onClick }>
						{ link.label }
					</LinkButton>
				</li>
			) ) }
		</ul>
	);
}

/**
 * The "Back to sign in" link with its translated default label, so every step offers the same words.
 * @param onClick
 * @param label
 */
export function backToSignInLink(
	onClick: ( () => void ) | undefined,
	label: string | undefined
): StepLink {
	return {
		label: label ?? __( 'Back to sign in', 'cognito-blocks' ),
		onClick,
	};
}
