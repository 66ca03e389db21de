import { container, elementorPage, widget } from '../wordpress/elementor.mjs';

/**
 * The demo pages `npm start` creates: one per form, linked to each other, one with the single sign-on buttons
 * (also under the sign-in form), one page built from shortcodes and, with Elementor, one built with Elementor.
 *
 * @param {{ elementor?: boolean }} options Whether Elementor is on the site.
 */
export function demoPages( { elementor = false } = {} ) {
	const block = ( name, attributes ) =>
		`<!-- wp:cognito-blocks/${ name } ${ JSON.stringify( attributes ) } /-->`;
	return [
		{
			slug: 'sign-in',
			title: 'Sign in',
			content: [
				block( 'login', {
					heading: 'Sign in',
					showRemember: true,
					forgotPasswordUrl: '/reset-password/',
					createAccountUrl: '/register/',
				} ),
				// The single sign-on buttons under the form (they need the hosted UI domain in the settings).
				block( 'sso-button', {} ),
			].join( '\n\n' ),
		},
		{
			slug: 'sso',
			title: 'Single sign-on',
			content: [
				'<!-- wp:paragraph --><p>Sign in through the user pool’s hosted UI or one of its identity providers. With several sites on the same pool, signing in on one lets the others sign you in with one click.</p><!-- /wp:paragraph -->',
				block( 'sso-button', { redirectUrl: '/account/' } ),
			].join( '\n\n' ),
		},
		{
			slug: 'register',
			title: 'Create an account',
			content: block( 'register', {
				fields: [
					{ name: 'email', label: '', required: true },
					{ name: 'given_name', label: '', required: true },
					{ name: 'family_name', label: '', required: false },
				],
				signInUrl: '/sign-in/',
			} ),
		},
		{
			slug: 'reset-password',
			title: 'Reset your password',
			content: block( 'reset-password', { signInUrl: '/sign-in/' } ),
		},
		{
			slug: 'account',
			title: 'Your account',
			content: block( 'profile', {
				fields: [
					{ name: 'given_name', label: '' },
					{ name: 'family_name', label: '' },
					{ name: 'email', label: '' },
					{ name: 'phone_number', label: '' },
				],
			} ),
		},
		{
			slug: 'shortcodes',
			title: 'Forms from shortcodes',
			content: [
				'<!-- wp:shortcode -->[cognito_login heading="Sign in (shortcode)" show_remember="true"]<!-- /wp:shortcode -->',
				'<!-- wp:shortcode -->[cognito_register fields="email*,given_name:First name"]<!-- /wp:shortcode -->',
				'<!-- wp:shortcode -->[cognito_reset_password]<!-- /wp:shortcode -->',
			].join( '\n\n' ),
		},
		...( elementor
			? [
					elementorPage( {
						slug: 'elementor',
						title: 'Built with Elementor',
						elements: [
							container( 'c0ffee1', [
								widget( 'c0ffee2', 'cognito-blocks-login', {
									heading: 'Sign in (Elementor widget)',
									showRemember: 'yes',
									forgotPasswordUrl: {
										url: '/reset-password/',
									},
									createAccountUrl: { url: '/register/' },
								} ),
							] ),
						],
					} ),
				]
			: [] ),
	];
}
