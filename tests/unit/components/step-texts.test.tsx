/**
 * contract/step-texts.json holds the English texts of the first steps for the server's skeleton, which prints
 * them through translate(). The views keep their own literal strings (string extraction needs literals); this
 * test fails when a view says something the table does not, so the skeleton cannot drift from the form.
 */
import { render } from '@testing-library/react';
import texts from '../../../contract/step-texts.json';
import {
	AccountFlowPreview,
	formConfigFromAttributes,
	type EntryStepName,
} from '../../../src/components/account-flow';

/** Texts a visitor reads, in order, with the same selectors as tests/e2e/layout-shift.spec.ts. */
function shown( container: HTMLElement ): string[] {
	return Array.from(
		container.querySelectorAll(
			'.cognito-blocks__heading, .cognito-blocks__description, .cognito-blocks__label, .cognito-blocks__button-label, .cognito-blocks__link, .cognito-blocks__checklist-title, .cognito-blocks__rule-label'
		)
	).map( ( node ) =>
		( node.textContent ?? '' ).replace( /\s+/g, ' ' ).trim()
	);
}

const { labels, checklist, steps } = texts;

const rules = [
	checklist.rules.minLength.replace( '%d', '8' ),
	checklist.rules.uppercase,
	checklist.rules.lowercase,
	checklist.rules.number,
	checklist.rules.symbol,
];

const cases: Array< [ EntryStepName, Record< string, unknown >, string[] ] > = [
	[
		'signIn',
		{ showRemember: true },
		[
			steps.signIn.heading,
			labels.usernameOrEmail,
			labels.password,
			labels.remember,
			steps.signIn.submit,
			steps.signIn.links.showForgotPassword,
			steps.signIn.links.showCreateAccount,
		],
	],
	[
		'signIn',
		{ usernameKind: 'email' },
		[
			steps.signIn.heading,
			labels.email,
			labels.password,
			steps.signIn.submit,
			steps.signIn.links.showForgotPassword,
			steps.signIn.links.showCreateAccount,
		],
	],
	[
		'signUp',
		{
			usernameField: true,
			fields: [ { name: 'email', required: true }, 'given_name' ],
		},
		[
			steps.signUp.heading,
			labels.username,
			'Email',
			`First name ${ labels.optional }`,
			labels.password,
			checklist.title,
			...rules,
			steps.signUp.submit,
			steps.signUp.links.showSignIn,
		],
	],
	[
		'forgotPassword',
		{},
		[
			steps.forgotPassword.heading,
			steps.forgotPassword.description,
			labels.usernameOrEmail,
			steps.forgotPassword.submit,
			steps.forgotPassword.links.showSignIn,
		],
	],
];

describe( 'step texts', () => {
	it.each( cases )(
		'%s says what contract/step-texts.json says (%o)',
		( entry, attributes, expected ) => {
			const { container } = render(
				<AccountFlowPreview
					config={ formConfigFromAttributes( entry, attributes ) }
				/>
			);
			expect( shown( container ) ).toEqual( expected );
		}
	);

	it( 'labels the show-password toggle and the unmet rules as the table does', () => {
		const { getAllByRole, container } = render(
			<AccountFlowPreview
				config={ formConfigFromAttributes( 'signUp', {} ) }
			/>
		);
		expect(
			getAllByRole( 'button', { name: labels.showPassword } )
		).toHaveLength( 1 );
		expect( container.textContent ).toContain( checklist.notYet );
	} );
} );
