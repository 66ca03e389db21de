/**
 * Pages the end-to-end suite signs in on, created when the test stack installs WordPress.
 */
export function testPages() {
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
