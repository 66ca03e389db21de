import {
	container,
	elementorPage,
	widget,
} from '../../dev/wordpress/elementor.mjs';

/** The primary colour the Elementor page's sign-in widget sets through its Style tab. */
export const ELEMENTOR_PRIMARY = '#5b2a86';

/**
 * Pages the end-to-end suite signs in on, created when the test stack installs WordPress. The Elementor pages
 * are plain (empty) pages where Elementor is not active.
 */
export function testPages() {
	return [ ...sitePages(), ...elementorPages() ];
}

/** The pages the second site on the pool has too: its sign-in, single sign-on and landing pages. */
export function siteBPages() {
	return sitePages().filter( ( page ) =>
		[ 'e2e-sign-in', 'e2e-sso', 'e2e-landing' ].includes( page.slug )
	);
}

function sitePages() {
	return [
		{
			slug: 'e2e-sign-in',
			title: 'E2E sign in',
			content: '<!-- wp:cognito-blocks/login /-->',
		},
		{
			slug: 'e2e-register',
			title: 'E2E register',
			content:
				'<!-- wp:cognito-blocks/register {"fields":[{"name":"email","label":"","required":true},{"name":"given_name","label":"","required":true}]} /-->',
		},
		{
			slug: 'e2e-reset',
			title: 'E2E reset password',
			content: '<!-- wp:cognito-blocks/reset-password /-->',
		},
		{
			slug: 'e2e-profile',
			title: 'E2E profile',
			content:
				'<!-- wp:cognito-blocks/profile {"fields":[{"name":"given_name","label":""},{"name":"family_name","label":""},{"name":"email","label":""},{"name":"custom:team","label":"Team"}],"allowDelete":true,"signOutRedirectUrl":"/e2e-landing/"} /-->',
		},
		{
			slug: 'e2e-sso',
			title: 'E2E single sign-on',
			content:
				'<!-- wp:cognito-blocks/sso-button {"redirectUrl":"/e2e-landing/"} /-->',
		},
		{
			slug: 'e2e-sign-in-sso',
			title: 'E2E sign in or single sign-on',
			content:
				'<!-- wp:cognito-blocks/login {"showSso":true,"redirectUrl":"/e2e-landing/"} /-->',
		},
		{
			slug: 'e2e-sso-google',
			title: 'E2E Google only',
			content:
				'<!-- wp:cognito-blocks/sso-button {"providers":"Google"} /-->',
		},
		{
			slug: 'e2e-landing',
			title: 'E2E landing',
			content:
				'<!-- wp:paragraph --><p>Welcome aboard.</p><!-- /wp:paragraph -->',
		},
		{
			slug: 'e2e-shortcode',
			title: 'E2E shortcode',
			content:
				'<!-- wp:shortcode -->[cognito_login redirect_url="/e2e-landing/" heading="Members"]<!-- /wp:shortcode -->',
		},
	];
}

function elementorPages() {
	return [
		elementorPage( {
			slug: 'e2e-elementor',
			title: 'E2E Elementor',
			elements: [
				container( 'e2e0001', [
					widget( 'e2e0002', 'cognito-blocks-login', {
						heading: 'Members',
						redirectUrl: { url: '/e2e-landing/' },
						cognito_blocks_primary: ELEMENTOR_PRIMARY,
					} ),
				] ),
			],
		} ),
		elementorPage( {
			slug: 'e2e-elementor-plain',
			title: 'E2E Elementor without a form',
			elements: [
				container( 'e2e0003', [
					widget( 'e2e0004', 'heading', { title: 'No form here' } ),
				] ),
			],
		} ),
	];
}
